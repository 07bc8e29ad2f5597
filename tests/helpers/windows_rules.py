"""Windows' rules, imitated on Linux so tests here catch code that would fail there.

- ``FakeMsvcrt`` is a stand-in for the ``msvcrt`` module with its position rule:
  ``locking`` acts on the bytes from the file's *current position*, unlocking bytes that
  were not locked from there fails with ``PermissionError``, and a second lock on bytes
  already locked fails at once with ``LK_NBLCK`` (even from the same file handle).
- ``windows_module`` loads a module again with ``sys.platform`` set to ``win32`` and the
  fake ``msvcrt`` in place, so its Windows branch runs here.
- ``held_file_error`` is the ``PermissionError`` Windows raises for a file another
  program holds open (WinError 32).
"""

from __future__ import annotations

import errno
import importlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

import pytest


class FakeMsvcrt(ModuleType):
    LK_UNLCK = 0
    LK_LOCK = 1
    LK_NBLCK = 2
    LK_RLCK = 3
    LK_NBRLCK = 4

    def __init__(self) -> None:
        super().__init__("msvcrt")
        #: (device, inode) -> {(first byte, byte count): fd holding it}
        self.locks: dict[tuple[int, int], dict[tuple[int, int], int]] = {}

    def _file(self, fd: int) -> dict[tuple[int, int], int]:
        info = os.fstat(fd)
        return self.locks.setdefault((info.st_dev, info.st_ino), {})

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        start = os.lseek(fd, 0, os.SEEK_CUR)
        held = self._file(fd)
        if mode == self.LK_UNLCK:
            if held.get((start, nbytes)) != fd:
                raise PermissionError(errno.EACCES, "Permission denied")
            del held[(start, nbytes)]
            return
        for first, count in held:
            if first < start + nbytes and start < first + count:
                raise PermissionError(errno.EACCES, "Permission denied")
        held[(start, nbytes)] = fd

    def held_count(self) -> int:
        return sum(len(held) for held in self.locks.values())


@contextmanager
def windows_module(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[ModuleType, FakeMsvcrt]]:
    """``name`` loaded as it would be on Windows; loaded as normal again afterwards."""
    fake = FakeMsvcrt()
    module = importlib.import_module(name)
    with monkeypatch.context() as patch:
        patch.setattr(sys, "platform", "win32")
        patch.setitem(sys.modules, "msvcrt", fake)
        try:
            yield importlib.reload(module), fake
        finally:
            patch.undo()
            importlib.reload(module)


def held_file_error(filename: str = "", winerror: int = 32) -> PermissionError:
    """What Windows raises when another program holds ``filename`` open."""
    error = PermissionError(
        errno.EACCES,
        "The process cannot access the file because it is being used by another process",
        filename,
    )
    error.winerror = winerror  # type: ignore[attr-defined]
    return error
