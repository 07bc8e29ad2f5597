"""Verified copies of the database, made with SQLite's own backup API.

Backups live in the data folder's ``backups`` folder and are named after the moment
they were taken and why: ``partner-log-20250131-093000-123456-at-start.sqlite3``. The
copy kept aside by a restore is ``partner-log-before-restore-<stamp>.sqlite3``.

"Changed since the last backup" is decided with a small fingerprint of the data (per
table: the row count, the newest ``updated_at`` and the sum of ``rev``). Every change a
service makes raises ``rev`` and stamps ``updated_at``, so any saved change moves the
fingerprint. The fingerprint of each new backup is read from the backup file itself and
kept in ``backups/last-backup.json``. It is portable (plain SQL, no file times) and needs
one read-only pass over the data.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from desktop_app.errors import UserFacingError
from desktop_app.i18n import N_, _
from desktop_app.storage.atomic import (
    atomic_write_bytes,
    flush_to_disk,
    place_new_file,
    remove_file,
    replace_file,
    sync_dir,
)
from desktop_app.storage.backup_thinning import backups_to_remove
from desktop_app.storage.faults import check_path, explained, raise_explained
from desktop_app.storage.paths import backups_dir, database_path, ensure_private_dir
from desktop_app.storage.sqlite_uri import file_uri

log = logging.getLogger("partner_log.backup")

Clock = Callable[[], datetime]
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
STATE_FILE = "last-backup.json"
#: How many later stamps to try when a backup's name is taken (see ``backup_stamped``).
NAME_TRIES = 1000
BEFORE_RESTORE = "before-restore"
_NAME = re.compile(r"^partner-log-(\d{8}-\d{6}-\d{6})-([a-z0-9-]+)\.sqlite3$")
_BEFORE_RESTORE_NAME = re.compile(r"^partner-log-before-restore-(\d{8}-\d{6}-\d{6})\.sqlite3$")

#: Why a backup was taken, in words a person understands.
REASONS = {
    "at-start": N_("taken when Partner Log started"),
    "on-request": N_("taken when you asked for it"),
    "before-upgrade": N_("taken before an update of Partner Log"),
    "before-import": N_("taken before records were added from a file"),
    BEFORE_RESTORE: N_("your records just before a backup was put back"),
}

#: The tables counted when describing a backup, live records only.
COUNTED = ("activity", "expense", "product", "reflection", "payment", "person")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and what it holds."""

    path: Path
    taken_at: datetime
    reason: str
    counts: dict[str, int] = field(default_factory=dict)
    latest_entry_date: date | None = None
    readable: bool = True

    @property
    def reason_text(self) -> str:
        return _(REASONS.get(self.reason, N_("a backup")))


def reading_uri(path: Path) -> str:
    """A URI that reads ``path`` and writes nothing, not even ``-wal``/``-shm`` files.

    Without a write-ahead log beside it the file is complete on its own, so it is read
    as immutable; with one, SQLite must read the log too.
    """
    if Path(f"{path}-wal").exists():
        return file_uri(path, mode="ro")
    return file_uri(path, mode="ro", immutable="1")


def is_damage(exc: sqlite3.Error) -> bool:
    """True when SQLite says the file itself is broken (not busy, not missing)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB"


def integrity_problems(path: Path, quick: bool = False) -> list[str]:
    """Run SQLite's integrity check on ``path``; an empty list means the file is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        con = sqlite3.connect(reading_uri(path), uri=True)
        try:
            rows = con.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            # A full disk or a busy file is not damage: say what it is instead.
            raise_explained(exc, path)
        return [str(exc)]
    messages = [str(row[0]) for row in rows]
    return [] if messages == ["ok"] else messages


def backup_file(source: Path, dest: Path, exclusive: bool = False) -> Path:
    """Copy the live database ``source`` to ``dest`` safely, verify it, and return ``dest``.

    The copy is written beside ``dest`` under a temporary name and renamed into place only
    after it passed ``integrity_check``, so a failed backup never replaces a good one.
    ``dest``'s folder must exist: a folder that is gone (a USB stick taken out) is reported,
    never made again on this computer's own disk. A known disk fault is raised as a
    ``DiskFault`` naming the folder. With ``exclusive``, an existing ``dest`` is never
    replaced: ``FileExistsError`` is raised instead.
    """
    check_path(dest)
    tmp: Path | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        src = sqlite3.connect(source)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
            src.close()
        problems = integrity_problems(tmp)
        if problems:
            log.error("backup failed its integrity check")
            raise UserFacingError(
                _("The backup copy did not check out, so it was not kept."),
                _("Your records are unchanged. Please try again."),
            )
        with open(tmp, "rb+") as handle:
            flush_to_disk(handle.fileno())
        if os.name == "posix":
            tmp.chmod(0o600)
        if exclusive:
            place_new_file(tmp, dest)
        else:
            replace_file(tmp, dest)
        sync_dir(dest.parent)
    except FileExistsError:
        raise
    except (OSError, sqlite3.DatabaseError) as exc:
        log.error("backup could not be written: %s", type(exc).__name__)
        raise_explained(exc, dest)
        raise UserFacingError(
            _("The backup could not be saved."),
            _("Check that the disk has space and that you may write to that folder."),
        ) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
    log.info("backup written")
    return dest


def backup_stamped(
    source: Path, folder: Path, name_for: Callable[[str], str], when: datetime
) -> Path:
    """Back up ``source`` into ``folder`` under the first free name stamped with ``when``.

    Two backups within one tick of the clock (15.6 ms on Windows) would get the same
    stamp; the second is stamped one microsecond later instead of replacing the first.
    The file is created only if its name is free, so no backup is ever overwritten.
    """
    for step in range(NAME_TRIES):
        stamp = (when + timedelta(microseconds=step)).strftime(STAMP_FORMAT)
        dest = folder / name_for(stamp)
        if os.path.lexists(dest):
            continue
        try:
            return backup_file(source, dest, exclusive=True)
        except FileExistsError:
            continue  # another backup took the name just now
    raise UserFacingError(
        _("The backup could not be saved."),
        _("Check that the disk has space and that you may write to that folder."),
    )


def snapshot(data_dir: Path, db_path: Path, reason: str, now: Clock = datetime.now) -> Path:
    """Take a timestamped, verified backup into the ``backups`` folder, then thin it."""
    when = now()
    with explained(backups_dir(data_dir)):
        folder = ensure_private_dir(backups_dir(data_dir))
    dest = backup_stamped(
        db_path, folder, lambda stamp: f"partner-log-{stamp}-{reason}.sqlite3", when
    )
    _remember(data_dir, dest)
    thin_backups(data_dir, now)
    return dest


def backup_if_changed(data_dir: Path, now: Clock = datetime.now) -> Path | None:
    """At start: take a backup if the records changed since the last one.

    Returns the new backup, or None when nothing changed (or there are no records yet).
    """
    path = database_path(data_dir)
    if not path.exists():
        return None
    state = _remembered(data_dir)
    if state is not None:
        last = backups_dir(data_dir) / state.get("file", "")
        if last.is_file() and state.get("fingerprint") == fingerprint(path):
            log.info("no change since the last backup")
            return None
    return snapshot(data_dir, path, "at-start", now)


def fingerprint(path: Path) -> str:
    """A short digest that changes whenever a saved record changes (see the module doc)."""
    con = sqlite3.connect(reading_uri(path), uri=True)
    try:
        digest = hashlib.sha256()
        tables = con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        ).fetchall()
        for (table,) in tables:
            columns = {row[1] for row in con.execute(f'PRAGMA table_info("{table}")')}
            parts = ["count(*)"]
            if {"updated_at", "rev"} <= columns:
                parts += ["max(updated_at)", "total(rev)"]
            row = con.execute(f'SELECT {", ".join(parts)} FROM "{table}"').fetchone()
            digest.update(repr((table, tuple(row))).encode())
        if ("alembic_version",) in tables:
            digest.update(repr(con.execute("SELECT * FROM alembic_version").fetchall()).encode())
        return digest.hexdigest()
    finally:
        con.close()


def _remember(data_dir: Path, backup: Path) -> None:
    state = {"file": backup.name, "fingerprint": fingerprint(backup)}
    atomic_write_bytes(backups_dir(data_dir) / STATE_FILE, json.dumps(state).encode())


def _remembered(data_dir: Path) -> dict[str, str] | None:
    try:
        state = json.loads((backups_dir(data_dir) / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) else None


def parse_backup_name(name: str) -> tuple[datetime, str] | None:
    """When and why a backup was taken, from its file name; None for other files."""
    if match := _BEFORE_RESTORE_NAME.match(name):
        stamp, reason = match.group(1), BEFORE_RESTORE
    elif match := _NAME.match(name):
        stamp, reason = match.group(1), match.group(2)
    else:
        return None
    try:
        return datetime.strptime(stamp, STAMP_FORMAT), reason
    except ValueError:
        return None


def _named_backups(data_dir: Path) -> list[tuple[Path, datetime, str]]:
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        parsed = parse_backup_name(path.name)
        if parsed is not None and path.is_file():
            found.append((path, *parsed))
    return sorted(found, key=lambda item: item[1], reverse=True)


def describe_backup(path: Path) -> BackupInfo:
    """When a backup was taken, why, and what it holds (counts and the latest entry)."""
    parsed = parse_backup_name(path.name)
    if parsed is None:
        taken_at, reason = datetime.fromtimestamp(path.stat().st_mtime), "other"
    else:
        taken_at, reason = parsed
    counts: dict[str, int] = {}
    latest: date | None = None
    try:
        con = sqlite3.connect(reading_uri(path), uri=True)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
            for table in COUNTED:
                if table in tables:
                    sql = f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL"
                    counts[table] = int(con.execute(sql).fetchone()[0])
            if "activity" in tables:
                sql = "SELECT max(date) FROM activity WHERE deleted_at IS NULL"
                value = con.execute(sql).fetchone()[0]
                latest = date.fromisoformat(value) if value else None
        finally:
            con.close()
    except (sqlite3.DatabaseError, ValueError):
        return BackupInfo(path, taken_at, reason, readable=False)
    return BackupInfo(path, taken_at, reason, counts, latest)


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """Every backup in the data folder, newest first, with what each one holds."""
    return [describe_backup(path) for path, _when, _why in _named_backups(data_dir)]


def newest_good_backup(data_dir: Path) -> BackupInfo | None:
    """The newest backup that passes SQLite's full integrity check, if any.

    Copies kept aside by a restore come last: they hold what the person chose to replace.
    """
    found = sorted(_named_backups(data_dir), key=lambda item: item[2] == BEFORE_RESTORE)
    for path, _when, _why in found:
        if not integrity_problems(path):
            info = describe_backup(path)
            if info.readable:
                return info
    return None


def thin_backups(data_dir: Path, now: Clock = datetime.now) -> list[Path]:
    """Remove backups the keeping rules no longer need; return what was removed.

    Copies kept aside by a restore are never removed here.
    """
    candidates = [
        (path, taken) for path, taken, why in _named_backups(data_dir) if why != BEFORE_RESTORE
    ]
    removed = backups_to_remove(candidates, now())
    for path in removed:
        with contextlib.suppress(OSError):  # one held by another program waits for next time
            remove_file(path)
    if removed:
        log.info("thinned %d old backups", len(removed))
    return removed
