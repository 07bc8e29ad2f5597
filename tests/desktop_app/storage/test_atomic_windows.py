"""Saving a file that another program holds open, as Windows refuses it (simulated).

Windows refuses to replace or remove a file that Acrobat, an antivirus scanner, the
search indexer or OneDrive has open (WinError 32). Saving waits a little and tries
again; if the file is still held, the person hears so plainly and nothing changes.
"""

from __future__ import annotations

import os
import types
from pathlib import Path

import pytest

from desktop_app.errors import DiskFault, Fault
from desktop_app.storage import atomic
from desktop_app.storage.atomic import atomic_write_bytes, flush_to_disk, remove_file
from tests.helpers.windows_rules import held_file_error


class HeldFile:
    """``os.replace``/``os.unlink`` that fail as Windows does while a file is held."""

    def __init__(self, times: int | None) -> None:
        self.left = times  # None: held for ever
        self.pauses: list[float] = []

    def pause(self, seconds: float) -> None:
        self.pauses.append(seconds)

    def wrap(self, real):  # type: ignore[no-untyped-def]
        def held(*args: object, **kwargs: object) -> None:
            if self.left is None or self.left > 0:
                if self.left is not None:
                    self.left -= 1
                raise held_file_error(str(args[-1]))
            real(*args, **kwargs)

        return held


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "draft.json"
    path.write_bytes(b"old")
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_save_gets_through_a_file_held_twice(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldFile(times=2)
    monkeypatch.setattr(os, "replace", held.wrap(os.replace))
    monkeypatch.setattr(atomic, "sleep", held.pause)
    atomic_write_bytes(saved, b"new")
    assert saved.read_bytes() == b"new"
    assert held.pauses == [0.05, 0.1]  # a growing pause between tries
    assert _leftovers(saved.parent) == []


def test_a_file_held_for_ever_is_named_plainly_and_nothing_changes(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldFile(times=None)
    monkeypatch.setattr(os, "replace", held.wrap(os.replace))
    monkeypatch.setattr(atomic, "sleep", held.pause)
    with pytest.raises(DiskFault) as refused:
        atomic_write_bytes(saved, b"new")
    assert refused.value.kind == Fault.IN_USE
    assert "Another program may be using" in refused.value.message
    assert "Nothing was changed." in refused.value.message
    assert held.pauses == list(atomic.RETRY_PAUSES)  # bounded: about 3 seconds in all
    assert sum(held.pauses) < 5
    assert saved.read_bytes() == b"old"
    assert _leftovers(saved.parent) == []


def test_removing_a_held_file_waits_for_it(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    held = HeldFile(times=3)
    monkeypatch.setattr(os, "unlink", held.wrap(os.unlink))
    monkeypatch.setattr(atomic, "sleep", held.pause)
    remove_file(saved)
    assert not saved.exists()
    assert len(held.pauses) == 3


def test_other_errors_are_not_retried(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pauses: list[float] = []

    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    monkeypatch.setattr(atomic, "sleep", pauses.append)
    with pytest.raises(DiskFault) as refused:
        atomic_write_bytes(saved, b"new")
    assert refused.value.kind == Fault.FULL
    assert pauses == []


def test_an_exclusive_save_never_replaces_a_file(saved: Path) -> None:
    with pytest.raises(FileExistsError):
        atomic_write_bytes(saved, b"new", exclusive=True)
    assert saved.read_bytes() == b"old"
    assert _leftovers(saved.parent) == []
    fresh = saved.parent / "fresh.json"
    atomic_write_bytes(fresh, b"new", exclusive=True)
    assert fresh.read_bytes() == b"new"


def test_an_exclusive_save_works_without_hard_links(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_args: object) -> None:
        raise PermissionError(1, "Operation not permitted")  # FAT, exFAT, some shares

    monkeypatch.setattr(os, "link", no_links)
    with pytest.raises(FileExistsError):
        atomic_write_bytes(saved, b"new", exclusive=True)
    fresh = saved.parent / "fresh.json"
    atomic_write_bytes(fresh, b"new", exclusive=True)
    assert fresh.read_bytes() == b"new"
    assert _leftovers(saved.parent) == []


def test_macos_gets_a_full_flush(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On macOS ``fsync`` leaves data in the drive's cache; F_FULLFSYNC does not."""
    calls: list[tuple[int, int]] = []
    fake = types.SimpleNamespace(F_FULLFSYNC=51, fcntl=lambda fd, op: calls.append((fd, op)))
    monkeypatch.setattr(atomic, "fcntl", fake)
    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", synced.append)
    with open(tmp_path / "f", "wb") as handle:
        flush_to_disk(handle.fileno())
        assert calls == [(handle.fileno(), 51)]
    assert synced == []


def test_a_drive_without_full_flush_falls_back_to_fsync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(fd: int, op: int) -> None:
        raise OSError(45, "Operation not supported")

    monkeypatch.setattr(atomic, "fcntl", types.SimpleNamespace(F_FULLFSYNC=51, fcntl=refuse))
    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", synced.append)
    with open(tmp_path / "f", "wb") as handle:
        flush_to_disk(handle.fileno())
        assert synced == [handle.fileno()]
