"""Copying every record from one database to another, all or nothing, checked after.

This is how records move between a coordinator's SQLite file and an organisation's
PostgreSQL database, either way (``partner-log move-to``), and how a backup of a server is
made: a SQLite records file built from the server's rows, which opens and restores on
any computer without the server or IT (``portable_backup``).

- The copy is written in one transaction of the destination: a failure leaves it as it
  was. The source is read in one transaction too, so the copy is of one moment.
- The destination must hold no records yet, so nothing is mixed or overwritten.
- Before the copy is committed, and again after, every table's row count and the sum of
  each whole-number column (minutes, cents, revisions) are compared with the source's.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Connection, Integer, Table, func, insert, select

from desktop_app.errors import UserFacingError
from desktop_app.i18n import _
from desktop_app.model import Base
from desktop_app.storage.backup import backup_file, backup_stamped, thin_backups
from desktop_app.storage.paths import backups_dir, database_path, ensure_private_dir

log = logging.getLogger("partner_log.transfer")

CHUNK = 2000
#: Per table: (row count, then the sum of each whole-number or yes/no column, by name).
Tally = dict[str, tuple[int, tuple[tuple[str, int], ...]]]


def tables() -> list[Table]:
    """Every table of the records, parents before the tables that point at them."""
    return list(Base.metadata.sorted_tables)


def _summed(table: Table) -> list[Any]:
    return [c for c in table.columns if isinstance(c.type, Integer | Boolean)]


def tally(connection: Connection) -> Tally:
    """Row counts and column sums of every table, as the connection's transaction sees them."""
    found: Tally = {}
    for table in tables():
        columns = _summed(table)
        sums = [func.coalesce(func.sum(func.cast(c, Integer)), 0) for c in columns]
        row = connection.execute(select(func.count(), *sums).select_from(table)).one()
        found[table.name] = (
            int(row[0]),
            tuple((c.name, int(v)) for c, v in zip(columns, row[1:], strict=True)),
        )
    return found


def record_count(found: Tally) -> int:
    return sum(count for count, _sums in found.values())


def holds_records(connection: Connection) -> bool:
    return any(connection.execute(select(func.count()).select_from(t)).scalar() for t in tables())


def _not_empty() -> UserFacingError:
    return UserFacingError(
        _("The place you chose already holds records, so nothing was moved."),
        _("Choose an empty database or a new file name."),
    )


def _rows(connection: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    order = list(table.primary_key.columns) or list(table.columns)
    result = connection.execute(select(table).order_by(*order))
    while batch := result.mappings().fetchmany(CHUNK):
        yield [dict(row) for row in batch]


def copy_records(source: Connection, dest: Connection) -> Tally:
    """Copy every row from ``source`` into the empty ``dest``, in the callers' transactions.

    Returns the tally of what was copied; raises ``UserFacingError`` (the caller rolls
    back) if ``dest`` holds records or the copy does not add up.
    """
    if holds_records(dest):
        raise _not_empty()
    expected = tally(source)
    for table in tables():
        for batch in _rows(source, table):
            dest.execute(insert(table), batch)
    if tally(dest) != expected:
        log.error("a copy of the records did not add up; nothing was kept")
        raise UserFacingError(
            _("The copy did not match the records, so nothing was moved."),
            _("Your records are unchanged. Please tell your IT team."),
        )
    return expected


def check_copy(source: Connection, dest: Connection, expected: Tally) -> None:
    """After the copy was saved: count and sum it again, from a fresh transaction."""
    if tally(dest) != expected:
        log.error("a saved copy of the records does not add up")
        raise UserFacingError(
            _("The moved records do not match the originals."),
            _("Keep using the originals, and tell your IT team."),
        )


def copy_between(source: Any, dest: Any) -> Tally:
    """Copy every record of the ``source`` database into the empty ``dest`` database
    (both ``storage.db.Database``), all or nothing, and check the saved copy."""
    with source.engine.connect() as reading:
        with dest.engine.begin() as writing:
            expected = copy_records(reading, writing)
        with dest.engine.connect() as checking:
            check_copy(reading, checking, expected)
    log.info("copied %d records", record_count(expected))
    return expected


@contextlib.contextmanager
def _records_file_from(database: Any, near: Path) -> Iterator[Path]:
    """A new SQLite records file, in a temporary folder beside ``near``, holding a copy of
    every record of ``database``; the folder is removed afterwards."""
    from desktop_app.storage.db import open_database

    folder = Path(tempfile.mkdtemp(prefix=".partner-log-copy-", dir=near))
    try:
        local = open_database(folder)
        try:
            copy_between(database, local)
        finally:
            local.close()
        yield database_path(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def write_records_file(database: Any, dest: Path) -> Path:
    """Save a checked SQLite records file at ``dest`` holding every record of ``database``."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with _records_file_from(database, dest.parent) as made:
        return backup_file(made, dest)


def portable_backup(database: Any, data_dir: Path | None, reason: str) -> Path:
    """A backup of an organisation's database into the data folder's backups, as a
    SQLite records file that restores on any computer (it is thinned like the others)."""
    if data_dir is None:
        raise UserFacingError(_("Choose a folder for the backup."))
    folder = ensure_private_dir(backups_dir(data_dir))
    with _records_file_from(database, folder) as made:
        dest = backup_stamped(
            made, folder, lambda stamp: f"partner-log-{stamp}-{reason}.sqlite3", datetime.now()
        )
    thin_backups(data_dir)
    return dest
