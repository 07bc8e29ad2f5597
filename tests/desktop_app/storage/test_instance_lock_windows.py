"""The one-window lock under Windows' rules (a stand-in ``msvcrt``, simulated here)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop_app.errors import DataFolderBusy
from tests.helpers.windows_rules import FakeMsvcrt, windows_module


def test_the_fake_msvcrt_keeps_windows_position_rule(tmp_path: Path) -> None:
    fake = FakeMsvcrt()
    fd = os.open(tmp_path / "f", os.O_RDWR | os.O_CREAT)
    try:
        fake.locking(fd, fake.LK_NBLCK, 1)
        os.write(fd, b"1234")  # moves the position, as writing the process id does
        with pytest.raises(PermissionError):
            fake.locking(fd, fake.LK_UNLCK, 1)  # what Windows does: wrong byte
        os.lseek(fd, 0, os.SEEK_SET)
        fake.locking(fd, fake.LK_UNLCK, 1)
        assert fake.held_count() == 0
    finally:
        os.close(fd)


def test_the_lock_can_be_taken_and_given_back_twice_on_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with windows_module("desktop_app.storage.instance_lock", monkeypatch) as (module, fake):
        for _round in range(2):
            lock = module.InstanceLock(tmp_path).acquire()
            assert fake.held_count() == 1
            lock.release()
            assert fake.held_count() == 0
        assert (tmp_path / "partner-log.lock").read_text() == str(os.getpid())


def test_a_second_window_is_turned_away_on_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with windows_module("desktop_app.storage.instance_lock", monkeypatch) as (module, fake):
        first = module.InstanceLock(tmp_path).acquire()
        with pytest.raises(DataFolderBusy):
            module.InstanceLock(tmp_path).acquire()
        first.release()
        second = module.InstanceLock(tmp_path).acquire()
        second.release()
        assert fake.held_count() == 0


def test_a_failed_unlock_never_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An error while letting go must not hide the error that made the app close."""
    with windows_module("desktop_app.storage.instance_lock", monkeypatch) as (module, fake):
        lock = module.InstanceLock(tmp_path).acquire()
        fake.locks.clear()  # the unlock will now fail, as a wrong-byte unlock does
        lock.release()
        lock.release()  # twice is harmless


def test_a_folder_that_cannot_lock_still_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with windows_module("desktop_app.storage.instance_lock", monkeypatch) as (module, fake):

        def refuse(fd: int, mode: int, nbytes: int) -> None:
            raise OSError(22, "Invalid argument")

        monkeypatch.setattr(fake, "locking", refuse)
        lock = module.InstanceLock(tmp_path).acquire()
        lock.release()


def test_fcntl_errors_other_than_busy_are_caught(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.storage import instance_lock

    def no_locks(fd: int, operation: int) -> None:
        raise OSError(37, "No locks available")  # ENOLCK, as on some network drives

    monkeypatch.setattr(instance_lock.fcntl, "flock", no_locks)
    lock = instance_lock.InstanceLock(tmp_path).acquire()
    lock.release()
