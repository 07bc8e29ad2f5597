"""An open data folder: the way the app window reaches its records.

The window holds a ``Workspace`` for as long as it is open. It owns the one-window lock,
the database and the log file, and runs service functions in a transaction, so screens
never handle sessions or SQL themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from desktop_app.logs import configure as configure_logging
from desktop_app.storage.backup import snapshot
from desktop_app.storage.db import Database, open_database
from desktop_app.storage.instance_lock import InstanceLock
from desktop_app.storage.restore import RestoreResult, restore_backup

P = ParamSpec("P")
T = TypeVar("T")


class Workspace:
    """The records in one data folder, opened for one app window."""

    def __init__(self, data_dir: Path, database: Database, lock: InstanceLock | None) -> None:
        self.data_dir = data_dir
        self.database = database
        self._lock = lock

    @classmethod
    def open(
        cls, data_dir: Path, exclusive: bool = True, held: InstanceLock | None = None
    ) -> Workspace:
        """Open ``data_dir``; with ``exclusive``, refuse if another window has it open.

        ``held``: the folder's lock, taken already by this window (it is kept on failure).
        """
        data_dir.mkdir(parents=True, exist_ok=True)
        lock = held or (InstanceLock(data_dir).acquire() if exclusive else None)
        try:
            configure_logging(data_dir)
            database = open_database(data_dir)
        except BaseException:
            if lock is not None and lock is not held:
                lock.release()
            raise
        return cls(data_dir, database, lock)

    def call(
        self, service: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Run one service function in its own transaction and return its result."""
        with self.database.session() as session:
            return service(session, *args, **kwargs)

    def backup_now(self, reason: str = "on-request") -> Path:
        """Take a verified backup of the records into the backups folder."""
        return snapshot(self.data_dir, self.database.path, reason)

    def restore(self, backup: Path) -> RestoreResult:
        """Put a backup back in place of the records, keeping the current ones aside.

        The database is closed while its file is replaced, then opened again.
        """
        self.database.close()
        try:
            return restore_backup(self.data_dir, backup)
        finally:
            self.database = open_database(self.data_dir)

    def close(self) -> None:
        self.database.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
