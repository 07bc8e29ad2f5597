"""The health check when records are opened, and what happens when a file is damaged.

``check_on_open`` runs SQLite's ``quick_check`` (read-only) before anything else touches
the file. A damaged file is never deleted and never repaired in place: it is moved,
with its ``-wal`` and ``-shm`` companions, into ``damaged/<time>/`` in the data folder,
and ``DamagedDatabase`` is raised with the newest good backup so the app can offer to put
it back. Until the person restores a backup or chooses to start afresh, opening the
folder raises the same error again and changes nothing.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from desktop_app.errors import UserFacingError
from desktop_app.i18n import _
from desktop_app.storage.atomic import atomic_write_bytes, remove_file, replace_file, sync_dir
from desktop_app.storage.backup import BackupInfo, is_damage, newest_good_backup, reading_uri
from desktop_app.storage.faults import raise_explained
from desktop_app.storage.paths import database_path, ensure_private_dir

log = logging.getLogger("partner_log.integrity")

DAMAGED_DIR = "damaged"
#: Names the kept folder while the person has not chosen what to do yet.
WAITING_FILE = "waiting-for-a-choice.txt"
SIDE_FILES = ("-wal", "-shm")


class DamagedDatabase(UserFacingError):
    """The records file is damaged. It was kept aside; a backup may be put back."""

    def __init__(self, kept_at: Path, backup: BackupInfo | None) -> None:
        self.kept_at = kept_at
        self.backup = backup
        if backup is not None:
            next_step = _(
                "We moved it to a safe place and deleted nothing. It is in {folder}. "
                "Your newest good backup is from {when}. You can put it back now."
            ).format(folder=kept_at, when=f"{backup.taken_at:%Y-%m-%d %H:%M}")
        else:
            next_step = _(
                "We moved it to a safe place and deleted nothing. It is in {folder}. "
                "No backup was found. Ask your coordinator for help."
            ).format(folder=kept_at)
        super().__init__(
            _("Your records file could not be read. It seems to be damaged."), next_step
        )


def damaged_dir(data_dir: Path) -> Path:
    return data_dir / DAMAGED_DIR


def quick_problems(path: Path) -> list[str]:
    """SQLite's ``quick_check`` on ``path``, read-only; an empty list means sound.

    A file that is merely busy or unreadable for another reason raises a plain
    ``UserFacingError`` instead, so a healthy file is never mistaken for a damaged one.
    A full disk is one such reason: SQLite cannot grow the file it shares with writers.
    """
    try:
        con = sqlite3.connect(reading_uri(path), uri=True, timeout=10)
        try:
            rows = con.execute("PRAGMA quick_check").fetchall()
        finally:
            con.close()
    except sqlite3.Error as exc:
        if is_damage(exc):
            return [getattr(exc, "sqlite_errorname", "damaged")]
        log.warning("records file could not be checked: %s", type(exc).__name__)
        raise_explained(exc, path)  # a full disk, a read-only folder: say which
        raise UserFacingError(
            _("Your records file could not be opened just now."),
            _("Close other programs that may be using it, then try again."),
        ) from exc
    messages = [str(row[0]) for row in rows]
    return [] if messages == ["ok"] else messages


def check_on_open(data_dir: Path, now: Callable[[], datetime] = datetime.now) -> None:
    """Raise ``DamagedDatabase`` if the records file is damaged (keeping it aside first)."""
    path = database_path(data_dir)
    if path.exists():
        if not quick_problems(path):
            return
        log.error("the records file failed its quick check; keeping it aside")
        kept = keep_damaged(data_dir, now)
        raise DamagedDatabase(kept, newest_good_backup(data_dir))
    waiting = waiting_damage(data_dir)
    if waiting is not None:
        raise DamagedDatabase(waiting, newest_good_backup(data_dir))


def keep_damaged(data_dir: Path, now: Callable[[], datetime] = datetime.now) -> Path:
    """Move the records file and its side files into ``damaged/<time>/``; return that."""
    path = database_path(data_dir)
    when = now()
    for step in range(1000):  # a free name, even twice within one tick of the clock
        folder = damaged_dir(data_dir) / (when + timedelta(microseconds=step)).strftime(
            "%Y%m%d-%H%M%S-%f"
        )
        if not folder.exists():
            break
    folder = ensure_private_dir(folder)
    # The log first, then the main file: a half-done move never leaves a log beside
    # a file it does not belong to.
    for suffix in (*SIDE_FILES, ""):
        source = Path(f"{path}{suffix}")
        if source.exists():
            replace_file(source, folder / source.name)
    sync_dir(folder)
    sync_dir(data_dir)
    atomic_write_bytes(damaged_dir(data_dir) / WAITING_FILE, folder.name.encode())
    return folder


def waiting_damage(data_dir: Path) -> Path | None:
    """The kept folder of a damaged file the person has not dealt with yet, if any."""
    try:
        name = (damaged_dir(data_dir) / WAITING_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    folder = damaged_dir(data_dir) / name
    return folder if name and folder.is_dir() else None


def resolve_damage(data_dir: Path) -> None:
    """The person has dealt with a damaged file (restored, or chose to start afresh).

    The damaged file stays where it was kept; only the reminder goes.
    """
    remove_file(damaged_dir(data_dir) / WAITING_FILE)


def start_afresh(data_dir: Path) -> None:
    """Begin with an empty record book after damage, when no backup can help.

    The damaged file stays kept aside, so a helper can still try to rescue it.
    """
    if database_path(data_dir).exists():
        raise UserFacingError(
            _("There is already a records file here, so nothing was changed."),
        )
    resolve_damage(data_dir)
    log.info("starting afresh after a damaged records file")
