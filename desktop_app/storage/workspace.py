"""An open data folder: the way the app window reaches its records.

The window holds a ``Workspace`` for as long as it is open. It owns the one-window lock,
the database and the log file, and runs service functions in a transaction, so screens
never handle sessions or SQL themselves.

When the coordinator chose their organisation's database (``storage.server_choice``), the
records are there instead of in the folder. Many windows may then be open at once, so
there is no one-window lock; a transaction that collided with another coordinator's is run
again (``storage.retry``); and a backup is a portable copy (``storage.transfer``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from desktop_app.errors import UserFacingError
from desktop_app.i18n import _
from desktop_app.logs import configure as configure_logging
from desktop_app.storage.backup import snapshot
from desktop_app.storage.db import Database, open_database
from desktop_app.storage.instance_lock import InstanceLock
from desktop_app.storage.restore import RestoreResult, restore_backup
from desktop_app.storage.retry import retrying
from desktop_app.storage.server_choice import chosen_url

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
        cls,
        data_dir: Path,
        exclusive: bool = True,
        held: InstanceLock | None = None,
        url: str | None = None,
    ) -> Workspace:
        """Open ``data_dir``; with ``exclusive``, refuse if another window has it open.

        ``held``: the folder's lock, taken already by this window (it is kept on failure).
        With ``url`` (or an organisation's database chosen for this folder), the records
        are on that server, and any number of windows may have them open.
        """
        data_dir.mkdir(parents=True, exist_ok=True)
        url = chosen_url(data_dir, url)
        if held is not None:
            lock: InstanceLock | None = held
        else:
            lock = InstanceLock(data_dir).acquire() if exclusive and url is None else None
        try:
            configure_logging(data_dir)
            database = open_database(data_dir, url)
        except BaseException:
            if lock is not None and lock is not held:
                lock.release()
            raise
        return cls(data_dir, database, lock)

    def call(
        self, service: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Run one service function in its own transaction and return its result.

        On a shared database, a transaction that collided with another coordinator's is
        run again from the start (nothing of it was kept), a few times at most.
        """

        def once() -> T:
            with self.database.session() as session:
                return service(session, *args, **kwargs)

        return retrying(once) if self.database.on_server else once()

    def backup_now(self, reason: str = "on-request") -> Path:
        """Take a verified backup of the records into the backups folder.

        From an organisation's database, the backup is a portable records file made from
        its rows: it opens and restores on any computer, with no help from IT.
        """
        if self.database.path is None:
            from desktop_app.storage.transfer import portable_backup

            return portable_backup(self.database, self.data_dir, reason)
        return snapshot(self.data_dir, self.database.path, reason)

    def restore(self, backup: Path) -> RestoreResult:
        """Put a backup back in place of the records, keeping the current ones aside.

        The database is closed while its file is replaced, then opened again. Records on
        an organisation's database are put back by IT, or moved in again with
        ``partner-log move-to``.
        """
        if self.database.on_server:
            raise UserFacingError(
                _("Your records are on your organisation's database."),
                _("Ask your IT team to put a backup back there. Nothing was changed."),
            )
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
