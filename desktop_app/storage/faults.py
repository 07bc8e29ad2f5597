"""Plain words for the faults people meet when saving, whatever is being saved.

A full disk, a read-only folder or file, a file another program holds, a folder that is
gone (a USB stick taken out), a name Windows forbids and a path that is too long each
get one plain sentence that names the fault and the place, and says nothing was changed.

``explain(exc, where)`` turns an ``OSError``, a ``sqlite3`` error, or SQLAlchemy's wrapper
of one (anywhere in its chain of causes) into a ``DiskFault``, or returns None when the
error is none of these (then it is a bug, and is reported as one). Writers call it where
they know the place (``atomic_write``, ``backup_file``, the database session); the command
line and the window call it once more for anything that reached them unexplained.

Saying "nothing was changed" is kept true by the writers: files are written beside the
target and renamed over it only when complete, and each database change is one
transaction that is rolled back when it fails.

``check_path`` applies Windows' rules for names (from ``storage.file_names``) and lengths
before a file is written there, so the person hears the reason instead of a bare "invalid argument".
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path, PureWindowsPath

from desktop_app.errors import DiskFault, Fault, UserFacingError
from desktop_app.i18n import _
from desktop_app.storage.file_names import name_problem

#: Below this much free space, a disk I/O error from SQLite is taken to be a full disk.
#: (SQLite reports a full disk as "disk I/O error" when it cannot grow its -shm file.)
LOW_SPACE_BYTES = 8 * 1024 * 1024

#: Windows' longest path (MAX_PATH, counting the final NUL) for programs that do not opt in.
WINDOWS_MAX_PATH = 260

_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
_IN_USE_ERRNOS = {errno.EBUSY, errno.ETXTBSY}
#: Windows' own error numbers (``OSError.winerror``), which say more than the errno.
_WINERRORS = {
    32: Fault.IN_USE,  # ERROR_SHARING_VIOLATION
    33: Fault.IN_USE,  # ERROR_LOCK_VIOLATION
    112: Fault.FULL,  # ERROR_DISK_FULL
    39: Fault.FULL,  # ERROR_HANDLE_DISK_FULL
    19: Fault.READ_ONLY,  # ERROR_WRITE_PROTECT
    123: Fault.BAD_NAME,  # ERROR_INVALID_NAME
    206: Fault.TOO_LONG,  # ERROR_FILENAME_EXCED_RANGE
}


def current_platform() -> str:
    """``sys.platform``; tests replace this to apply another platform's rules."""
    return sys.platform


def explain(exc: BaseException, where: Path | None = None) -> UserFacingError | None:
    """A plain ``DiskFault`` for a known fault, else None (the error is a bug).

    ``where`` is the file being written (or its folder), named in the message when the
    error does not name a file itself (a full disk refuses a write, not a name). A
    ``UserFacingError`` is returned as it is: it was explained already.
    """
    for cause in _chain(exc):
        if isinstance(cause, UserFacingError):
            return cause
        if isinstance(cause, OSError):
            place = _filename(cause) or where
            kind = _os_fault(cause, place)
        elif isinstance(cause, sqlite3.Error):
            place = where
            kind = _sqlite_fault(cause, place)
        else:
            continue
        return fault(kind, place) if kind is not None else None
    return None


def _chain(exc: BaseException) -> list[BaseException]:
    """``exc``, then what it wraps (SQLAlchemy's ``orig``) and its causes, without loops.

    Only explicit causes are followed (``raise ... from``), never an error that merely
    happened while another was being handled: that one may be a bug of its own.
    """
    found: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo and len(found) < 12:
        item = todo.pop(0)
        if item is None or any(item is seen for seen in found):
            continue
        found.append(item)
        orig = getattr(item, "orig", None)
        todo += [orig if isinstance(orig, BaseException) else None]
        todo.append(item.__cause__)
    return found


def _filename(exc: OSError) -> Path | None:
    name = exc.filename2 or exc.filename
    if isinstance(name, bytes):
        name = os.fsdecode(name)
    return Path(name) if isinstance(name, str) and name else None


def _is(test: str, path: Path) -> bool:
    """``path.is_dir()`` or ``is_file()``, False when even asking fails (a name too long)."""
    try:
        return bool(getattr(path, test)())
    except OSError:
        return False


def _folder(place: Path | None) -> Path | None:
    if place is None:
        return None
    return place if _is("is_dir", place) else place.parent


def _folder_missing(place: Path | None) -> bool:
    folder = None if place is None else place.parent
    return folder is not None and not _is("is_dir", folder)


def is_low_on_space(place: Path | None) -> bool:
    """True when the disk holding ``place`` has almost no free space left."""
    folder = _folder(place)
    while folder is not None and not _is("exists", folder) and folder != folder.parent:
        folder = folder.parent
    if folder is None:
        return False
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE_BYTES
    except OSError:
        return False


def _os_fault(exc: OSError, place: Path | None) -> Fault | None:
    winerror = getattr(exc, "winerror", None)
    if winerror in _WINERRORS:
        return _WINERRORS[winerror]
    code = exc.errno
    if code in _FULL_ERRNOS:
        return Fault.FULL
    if code in _READ_ONLY_ERRNOS:
        return Fault.READ_ONLY
    if code in _IN_USE_ERRNOS:
        return Fault.IN_USE
    if code == errno.ENAMETOOLONG:
        return Fault.TOO_LONG
    if code == errno.ENOENT and _folder_missing(place):
        return Fault.MISSING_FOLDER
    if code == errno.EIO and is_low_on_space(place):
        return Fault.FULL
    return None


def _sqlite_fault(exc: sqlite3.Error, place: Path | None) -> Fault | None:
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name.startswith("SQLITE_FULL") or "database or disk is full" in text:
        return Fault.FULL
    if name.startswith("SQLITE_READONLY") or "readonly database" in text:
        return Fault.READ_ONLY
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "is locked" in text:
        return Fault.IN_USE
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return Fault.FULL if is_low_on_space(place) else None
    if name.startswith("SQLITE_CANTOPEN") or "unable to open database file" in text:
        if _folder_missing(place):
            return Fault.MISSING_FOLDER
        folder = _folder(place)
        if folder is not None and not os.access(folder, os.W_OK):
            return Fault.READ_ONLY
    return None


def fault(kind: Fault, place: Path | None = None) -> DiskFault:
    """The plain words for ``kind`` at ``place`` (a file, or a folder)."""
    folder = _folder(place) if kind != Fault.MISSING_FOLDER else (place and place.parent)
    nothing = _("Nothing was changed.")
    if kind == Fault.FULL:
        parts = [_("There is not enough space on the disk to save.")]
        if folder is not None:
            parts.append(_("The folder is {folder}.").format(folder=folder))
        next_step = _("Make some space on that disk, then try again.")
    elif kind == Fault.READ_ONLY:
        shown = place if place is not None and _is("is_file", place) else folder
        if shown is None:
            parts = [_("Partner Log may not save there, because it is read-only.")]
        else:
            parts = [_("Partner Log may not save in {place}, because it is read-only.")]
            parts[0] = parts[0].format(place=shown)
        next_step = _("Choose another folder, or ask your helper to let you save there.")
    elif kind == Fault.IN_USE:
        if place is None:
            parts = [_("Another program may be using the file.")]
        else:
            parts = [_("Another program may be using {file}.").format(file=place)]
        next_step = _("Close other programs that may be using it, then try again.")
    elif kind == Fault.MISSING_FOLDER:
        if folder is None:
            parts = [_("The folder to save in is not there.")]
        else:
            parts = [_("The folder {folder} is not there.").format(folder=folder)]
        parts.append(_("If it was on a USB stick, put the stick back in."))
        next_step = _("Or choose another folder.")
    elif kind == Fault.BAD_NAME:
        name = place.name if place is not None else ""
        parts = [_("Windows does not allow the name \u201c{name}\u201d.").format(name=name)]
        next_step = _("Choose a name with only letters, numbers, spaces and dashes.")
    else:
        parts = [_("The name of the file, with its folders, is too long.")]
        next_step = _("Choose a shorter name, or a folder nearer the top of the disk.")
    parts.append(nothing)
    return DiskFault(kind, " ".join(parts), next_step, str(place or ""))


def windows_name_problem(path: Path) -> Fault | None:
    """Why Windows would refuse to write ``path``, if it would (only its last name is
    checked: the folders above it already exist)."""
    if len(str(path)) >= WINDOWS_MAX_PATH:
        return Fault.TOO_LONG
    name = PureWindowsPath(path.name).name or path.name
    if not name:
        return None
    problem = name_problem(name)
    if problem == "too long":
        return Fault.TOO_LONG
    return Fault.BAD_NAME if problem is not None else None


def check_path(path: Path) -> None:
    """Raise a ``DiskFault`` if this platform would refuse a file at ``path`` by its name."""
    if current_platform() != "win32":
        return
    kind = windows_name_problem(path)
    if kind is not None:
        raise fault(kind, path)


def raise_explained(exc: BaseException, where: Path | None) -> None:
    """Raise ``explain(exc, where)`` from ``exc`` when it is a known fault; else nothing."""
    known = explain(exc, where)
    if known is not None and known is not exc:
        raise known from exc


@contextlib.contextmanager
def explained(where: Path | None) -> Iterator[None]:
    """Turn known faults raised in the block into a ``DiskFault`` naming ``where``."""
    try:
        yield
    except (OSError, sqlite3.Error) as exc:
        raise_explained(exc, where)
        raise
