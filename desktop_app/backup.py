"""Verified copies of the database, made with SQLite's own backup API."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from desktop_app.errors import UserFacingError
from desktop_app.i18n import _
from desktop_app.paths import backups_dir, ensure_private_dir

log = logging.getLogger("partner_log.backup")


def integrity_problems(path: Path, quick: bool = False) -> list[str]:
    """Run SQLite's integrity check on ``path``; an empty list means the file is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = con.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    messages = [str(row[0]) for row in rows]
    return [] if messages == ["ok"] else messages


def backup_file(source: Path, dest: Path) -> Path:
    """Copy the live database ``source`` to ``dest`` safely, verify it, and return ``dest``.

    The copy is written beside ``dest`` under a temporary name and renamed into place only
    after it passed ``integrity_check``, so a failed backup never replaces a good one.
    """
    ensure_private_dir(dest.parent)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
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
            os.fsync(handle.fileno())
        if os.name == "posix":
            tmp.chmod(0o600)
        os.replace(tmp, dest)
    except OSError as exc:
        log.error("backup could not be written: %s", type(exc).__name__)
        raise UserFacingError(
            _("The backup could not be saved."),
            _("Check that the disk has space and that you may write to that folder."),
        ) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    log.info("backup written")
    return dest


def snapshot(data_dir: Path, db_path: Path, reason: str) -> Path:
    """Take a timestamped backup into the data folder's ``backups`` folder."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = backups_dir(data_dir) / f"partner-log-{stamp}-{reason}.sqlite3"
    return backup_file(db_path, dest)
