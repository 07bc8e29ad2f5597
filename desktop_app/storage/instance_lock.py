"""One Partner Log window per data folder.

The lock is an operating-system lock on a small file. The system drops it when the
process ends, even after a crash, so a stale lock can never block the next start.

- **Windows:** ``msvcrt.locking`` locks and unlocks bytes counted from the file's
  *current position*. So the lock always seeks to byte 0 first, locks one byte there,
  and seeks back to byte 0 before unlocking it. (Writing the process id moves the
  position; unlocking from there would unlock the wrong byte and fail.)
- **Linux and macOS:** ``fcntl.flock`` on the whole file.

Releasing never raises: a lock that cannot be undone is dropped by the system when the
file is closed, and an error there must not hide the error that made the app close.
A file system that cannot lock at all (some network drives) is logged and the folder
is opened anyway; the network-folder warning already tells the person of the risk.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sys
from pathlib import Path
from types import TracebackType

from desktop_app.errors import DataFolderBusy
from desktop_app.i18n import _

log = logging.getLogger("partner_log.lock")

LOCK_NAME = "partner-log.lock"
#: Error numbers that mean "someone else holds the lock", on any platform.
_BUSY_ERRNOS = frozenset(
    {errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, getattr(errno, "EDEADLOCK", errno.EDEADLK)}
)


class _Unlockable(Exception):
    """The file system cannot lock files at all."""


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in _BUSY_ERRNOS:
                return False
            raise _Unlockable from exc
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in _BUSY_ERRNOS:
                return False
            raise _Unlockable from exc
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class InstanceLock:
    """Hold the data folder for this window until ``release()`` or process exit."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        self._fd: int | None = None
        self._locked = False

    def acquire(self) -> InstanceLock:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        try:
            locked = _try_lock(fd)
        except _Unlockable as exc:
            log.warning("this folder cannot be locked: %s", type(exc.__cause__).__name__)
            self._fd, self._locked = fd, False
            return self
        except BaseException:
            os.close(fd)
            raise
        if not locked:
            os.close(fd)
            raise DataFolderBusy(
                _("Partner Log is already open for this folder."),
                _("Look for its window on your screen, or close it and try again."),
            )
        self._fd, self._locked = fd, True
        with contextlib.suppress(OSError):  # the process id only helps a person looking
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, str(os.getpid()).encode())
        return self

    def release(self) -> None:
        """Let go of the folder. Never raises (see the module doc)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if self._locked:
                _unlock(fd)
        except OSError as exc:
            log.warning("the folder lock could not be undone: %s", type(exc).__name__)
        finally:
            self._locked = False
            with contextlib.suppress(OSError):
                os.close(fd)

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
