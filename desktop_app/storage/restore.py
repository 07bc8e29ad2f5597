"""Putting a backup back in place of the records file.

The caller must make sure nothing else has the records open: the app closes its engine
first, and the command line holds the folder's one-window lock. The steps, each safe to
be cut short by a crash:

1. The backup is checked and copied with SQLite's backup API to a temporary file in the
   data folder, which is checked again.
2. The current records are folded into one file (a ``TRUNCATE`` checkpoint, so the
   ``-wal`` holds nothing), then copied aside as
   ``backups/partner-log-before-restore-<time>.sqlite3``. A current file that is
   damaged is moved into ``damaged/`` instead. Nothing is ever deleted.
3. Only the emptied ``-wal``/``-shm`` are removed, then the checked copy is renamed over
   the records file. (A stale ``-wal`` left beside the new file would be replayed into
   it, so it must go first; it is empty by then, so nothing is lost.)
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop_app.errors import DiskFault, Fault, UserFacingError
from desktop_app.i18n import _
from desktop_app.storage.atomic import remove_file, replace_file, sync_dir
from desktop_app.storage.backup import backup_file, backup_stamped, integrity_problems
from desktop_app.storage.faults import explain, explained, raise_explained
from desktop_app.storage.integrity import SIDE_FILES, is_damage, keep_damaged, resolve_damage
from desktop_app.storage.paths import backups_dir, database_path, ensure_private_dir

log = logging.getLogger("partner_log.restore")


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: where the records came from and where the old ones went."""

    restored_from: Path
    #: The copy of the records as they were, or the damaged-file folder; None if there
    #: were no records before.
    kept_aside: Path | None


def restore_backup(
    data_dir: Path, backup: Path, now: Callable[[], datetime] = datetime.now
) -> RestoreResult:
    """Replace the records in ``data_dir`` with ``backup``, keeping the current ones aside.

    Raises ``UserFacingError`` (and changes nothing) if the backup is missing, damaged,
    not a Partner Log file, or if the records are still in use.
    """
    if not backup.is_file():
        raise UserFacingError(
            _("That backup file could not be found."), _("Nothing was changed."), "backup"
        )
    if integrity_problems(backup):
        log.warning("refused to restore a backup that failed its check")
        raise UserFacingError(
            _("That backup is damaged, so it was not used."),
            _("Nothing was changed. Try an older backup."),
        )
    ensure_private_dir(data_dir)
    live = database_path(data_dir)
    incoming = data_dir / f".{live.name}.restoring"
    backup_file(backup, incoming)
    try:
        kept = _set_aside(data_dir, live, now)
        for suffix in SIDE_FILES:
            remove_file(Path(f"{live}{suffix}"))
        replace_file(incoming, live)
    except OSError as exc:
        raise_explained(exc, live)  # the records were left as they were
        raise
    else:
        sync_dir(data_dir)
    finally:
        with contextlib.suppress(OSError):
            incoming.unlink()
    resolve_damage(data_dir)
    log.info("a backup was put back")
    return RestoreResult(backup, kept)


def _set_aside(data_dir: Path, live: Path, now: Callable[[], datetime]) -> Path | None:
    """Keep the current records: a checked copy in backups, or the damaged file itself."""
    if not live.exists():
        return None
    try:
        _fold_in_log(live)
    except sqlite3.Error as exc:
        if not is_damage(exc):
            known = explain(exc, live)
            if isinstance(known, DiskFault) and known.kind != Fault.IN_USE:
                raise known from exc  # a full disk or a read-only folder, said plainly
            raise _still_in_use() from exc
        log.warning("current records are damaged; keeping them aside before restoring")
        return keep_damaged(data_dir, now)
    if integrity_problems(live):
        log.warning("current records are damaged; keeping them aside before restoring")
        return keep_damaged(data_dir, now)
    with explained(backups_dir(data_dir)):
        folder = ensure_private_dir(backups_dir(data_dir))
    return backup_stamped(
        live, folder, lambda stamp: f"partner-log-before-restore-{stamp}.sqlite3", now()
    )


def _fold_in_log(live: Path) -> None:
    """Move everything in the ``-wal`` into the main file and empty the ``-wal``."""
    con = sqlite3.connect(live, timeout=10)
    try:
        busy, _frames, _done = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        con.close()
    if busy:
        raise _still_in_use()
    wal = Path(f"{live}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise _still_in_use()


def _still_in_use() -> UserFacingError:
    log.warning("restore stopped: the records are still in use")
    return UserFacingError(
        _("Your records are still in use, so nothing was changed."),
        _("Close other Partner Log windows, then try again."),
    )
