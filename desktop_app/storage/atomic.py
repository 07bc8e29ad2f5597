"""Write files so that a crash or a full disk never leaves half a file over a good one.

A write the disk refuses (full, read-only, in use, a folder that is gone, a name the
platform forbids) raises a ``DiskFault`` in plain words; the file that was there before
is left as it was, and no temporary file is left behind.

Three platform rules are kept here, for every writer:

- **A file another program holds open.** On Windows, replacing or removing a file fails
  (WinError 32, or 5) while Acrobat, an antivirus scanner, the search indexer or
  OneDrive has it open, usually for a moment. ``replace_file`` and ``remove_file`` try
  again a few times with a growing pause (about 3 seconds in all), then say plainly that
  another program has the file open. SQLite's own Windows layer does the same.
- **Durable writes.** ``flush_to_disk`` uses ``F_FULLFSYNC`` on macOS, where ``fsync``
  leaves the data in the drive's cache. On Windows ``os.fsync`` is ``FlushFileBuffers``,
  which writes the file through to the disk; the rename is made with
  ``MoveFileExW(MOVEFILE_WRITE_THROUGH)`` so it is on the disk when it returns.
  Elsewhere the folder is synced after a rename.
- **Never clobber by accident.** With ``exclusive=True`` the finished file is moved into
  place only if no file of that name exists (``FileExistsError`` otherwise).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import BinaryIO

from desktop_app.errors import Fault
from desktop_app.storage.faults import check_path, fault, raise_explained

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

#: Pauses between tries when another program holds a file: about 3 seconds in all.
RETRY_PAUSES = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6)
#: Windows' "in use" errors: sharing violation, lock violation, access denied (which is
#: what replacing a file opened without delete sharing gives).
_HELD_WINERRORS = frozenset({32, 33, 5})
_MOVEFILE_REPLACE_EXISTING = 0x1
_MOVEFILE_WRITE_THROUGH = 0x8

#: Replaced by tests to count pauses without waiting.
sleep: Callable[[float], None] = time.sleep


def _is_held(exc: OSError) -> bool:
    return getattr(exc, "winerror", None) in _HELD_WINERRORS


def _with_retry(action: Callable[[], None], path: Path) -> None:
    """Run ``action``; while another program holds ``path``, pause and try again."""
    for pause in (*RETRY_PAUSES, None):
        try:
            action()
            return
        except OSError as exc:
            if not _is_held(exc):
                raise
            if pause is None:
                if getattr(exc, "winerror", None) == 5 and _read_only(path):
                    raise
                raise fault(Fault.IN_USE, path) from exc
            sleep(pause)


def _read_only(path: Path) -> bool:
    try:
        return not os.access(path, os.W_OK) if path.exists() else False
    except OSError:
        return False


def _move(source: Path, target: Path) -> None:
    """``os.replace``; on Windows written through to the disk before it returns."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        flags = _MOVEFILE_REPLACE_EXISTING | _MOVEFILE_WRITE_THROUGH
        if not ctypes.windll.kernel32.MoveFileExW(str(source), str(target), flags):
            raise ctypes.WinError()  # an OSError that carries ``winerror``
        return
    os.replace(source, target)


def _move_new(source: Path, target: Path) -> None:
    """Move ``source`` to ``target`` only if ``target`` does not exist yet."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        os.rename(source, target)  # Windows' rename never replaces a file
        return
    try:
        os.link(source, target)  # fails with FileExistsError, atomically
    except FileExistsError:
        raise
    except OSError:
        # A file system without hard links (FAT, some network drives): check, then move.
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
        os.replace(source, target)
        return
    os.unlink(source)


def replace_file(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Rename ``source`` over ``target``, waiting a little for a program that holds it.

    Raises a ``DiskFault`` (IN_USE) when the file is still held after about 3 seconds;
    then nothing was changed.
    """
    src, dst = Path(source), Path(target)
    _with_retry(lambda: _move(src, dst), dst)


def place_new_file(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Rename ``source`` to ``target``, refusing (``FileExistsError``) if it exists."""
    src, dst = Path(source), Path(target)
    _with_retry(lambda: _move_new(src, dst), dst)


def remove_file(path: str | os.PathLike[str], missing_ok: bool = True) -> None:
    """Remove ``path``, waiting a little for a program that holds it (see ``replace_file``)."""
    target = Path(path)

    def unlink() -> None:
        target.unlink(missing_ok=missing_ok)

    _with_retry(unlink, target)


def flush_to_disk(fd: int) -> None:
    """Make what was written to ``fd`` survive a power cut (see the module doc)."""
    full_fsync = getattr(fcntl, "F_FULLFSYNC", None) if fcntl is not None else None
    if fcntl is not None and full_fsync is not None:
        try:
            fcntl.fcntl(fd, full_fsync)
            return
        except OSError:
            pass  # not every file system on macOS offers it; fsync is the next best
    os.fsync(fd)


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike[str], mode: int = 0o600, exclusive: bool = False
) -> Iterator[BinaryIO]:
    """Open a temporary file beside ``path``; on success flush, sync and rename it over.

    If the block raises, the temporary file is removed and ``path`` is untouched. A known
    disk fault is raised as a ``DiskFault`` that names the folder. With ``exclusive``, an
    existing ``path`` is never replaced: ``FileExistsError`` is raised instead.
    """
    target = Path(path)
    check_path(target)
    tmp: Path | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        tmp = Path(tmp_name)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            flush_to_disk(handle.fileno())
        if os.name == "posix":
            tmp.chmod(mode)
        if exclusive:
            place_new_file(tmp, target)
        else:
            replace_file(tmp, target)
    except BaseException as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
        if not isinstance(exc, FileExistsError):
            raise_explained(exc, target)
        raise
    sync_dir(target.parent)


def atomic_write_bytes(
    path: str | os.PathLike[str], data: bytes, mode: int = 0o600, exclusive: bool = False
) -> None:
    """Replace ``path`` with ``data`` in one step (see ``atomic_write``)."""
    with atomic_write(path, mode, exclusive) as handle:
        handle.write(data)


def sync_dir(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it.

    Windows cannot open a folder this way; its renames are written through instead.
    """
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        flush_to_disk(fd)
    finally:
        os.close(fd)
