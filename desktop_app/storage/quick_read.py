"""The records read before the window is drawn: the standard library's sqlite3, read-only.

The first paint of Home must not wait for SQLAlchemy's ORM or Alembic. This module opens
the records file read-only, reads its schema stamp in one query and, when that is the
newest schema, lends the open connection to whoever gathers the figures.

Anything out of the ordinary answers None, and the app takes its normal path, where the
integrity check, the newer-schema refusal, the upgrade and first-run set-up run as
before: no records file yet, an older or newer schema, a file that cannot be read, or
records kept in a database server rather than a file.

It never writes: not a byte, and no side file. The integrity check (``quick_check``)
is not run here; it runs when the records are opened for real, before any write.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop_app.storage.paths import database_path
from desktop_app.storage.schema_version import SCHEMA_HEAD
from desktop_app.storage.server_choice import uses_server
from desktop_app.storage.sqlite_uri import file_uri

log = logging.getLogger("partner_log.quick_read")


def _read_only_uri(path: Path) -> str:
    # Without a write-ahead log the file is complete on its own: opened as immutable,
    # SQLite creates no -wal or -shm file beside it.
    if Path(f"{path}-wal").exists():
        return file_uri(path, mode="ro")
    return file_uri(path, mode="ro", immutable="1")


@contextmanager
def records_at_newest_schema(data_dir: Path) -> Iterator[sqlite3.Connection | None]:
    """A read-only connection in one read transaction, or None to take the normal path.

    The schema stamp is read in one query. The caller treats a ``sqlite3.Error`` of its
    own reads as "not now" too, and takes the normal path.
    """
    path = database_path(data_dir)
    if not path.is_file() or uses_server(data_dir):
        yield None
        return
    try:
        con = sqlite3.connect(_read_only_uri(path), uri=True, timeout=1, isolation_level=None)
    except sqlite3.Error as problem:
        log.info("quick read skipped: %s", type(problem).__name__)
        yield None
        return
    try:
        con.execute("BEGIN")  # every figure below sees the same moment
        try:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error as problem:  # not stamped, not ours, or damaged
            log.info("quick read skipped: %s", type(problem).__name__)
            row = None
        yield con if row is not None and row[0] == SCHEMA_HEAD else None
    finally:
        con.close()
