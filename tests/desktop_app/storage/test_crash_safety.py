"""A crash or a full disk never loses a saved entry and never leaves half a file."""

from __future__ import annotations

import errno
import io
import os
import random
import re
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.errors import DiskFault, Fault
from desktop_app.model import Role
from desktop_app.services import profile
from desktop_app.storage import atomic
from desktop_app.storage.atomic import atomic_write, atomic_write_bytes
from desktop_app.storage.backup import integrity_problems
from desktop_app.storage.db import open_database
from desktop_app.storage.paths import database_path
from tests.helpers.platforms import assert_private, posix_only

ROUNDS = 50
WRITER = Path(__file__).with_name("crash_writer.py")
ROOT = Path(__file__).resolve().parents[3]


class _Writer:
    """The crash_writer process, read line by line with a deadline."""

    def __init__(self, data_dir: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(data_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            bufsize=0,
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin, self.stdout = self.proc.stdin, self.proc.stdout
        self._buffer = b""

    def line(self, timeout: float) -> str | None:
        while b"\n" not in self._buffer:
            ready, _, _ = select.select([self.stdout], [], [], timeout)
            if not ready:
                return None
            chunk = os.read(self.stdout.fileno(), 65536)
            if not chunk:
                raise AssertionError("the writer process ended unexpectedly")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode()

    def close(self) -> None:
        self.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.stdout.close()


def _whole(pattern: str, line: str | None) -> re.Match[str]:
    """``line`` as one whole report from the writer; anything else fails here, saying what
    came instead (nothing in time, or a line cut short or run together with the next)."""
    match = re.fullmatch(pattern, line or "")
    assert match is not None, f"expected {pattern!r} from the writer, got {line!r}"
    return match


def _saved_id(line: str | None) -> str:
    return _whole(r"saved ([0-9a-f-]{36})", line)[1]


def _ids_in(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {row[0] for row in con.execute("SELECT id FROM activity")}
    finally:
        con.close()


@posix_only("the crash test forks writers and kills them with SIGKILL")
def test_saved_entries_survive_being_killed_at_any_moment(data_dir: Path) -> None:
    database = open_database(data_dir)
    with database.session() as session:
        profile.setup(session, Role.PARTNER, "Ana Souza", project_name="Better Pain Care")
    database.close()
    rng = random.Random(6)
    writer = _Writer(data_dir)
    reported: set[str] = set()
    try:
        assert writer.line(timeout=30) == "ready"
        for round_no in range(ROUNDS):
            writer.stdin.write(b"go\n")
            pid = int(_whole(r"child (\d+)", writer.line(timeout=10))[1])
            # Kill anywhere: while opening, between saves, or in the middle of a commit.
            # Two rounds in three wait for the first save, so that however slow the
            # machine is, many kills land among saves rather than while opening.
            if round_no % 3:
                reported.add(_saved_id(writer.line(timeout=10)))
            deadline = time.monotonic() + rng.uniform(0.0, 0.12)
            while (left := deadline - time.monotonic()) > 0:
                line = writer.line(timeout=left)
                if line is not None:
                    reported.add(_saved_id(line))
            os.kill(pid, signal.SIGKILL)
            while (line := writer.line(timeout=10)) != "reaped":
                reported.add(_saved_id(line))

            path = database_path(data_dir)
            assert integrity_problems(path) == [], f"damaged after kill {round_no}"
            missing = reported - _ids_in(path)
            assert not missing, f"{len(missing)} saved entries lost after kill {round_no}"
    finally:
        writer.close()
    assert len(reported) >= 2 * ROUNDS // 3  # the kills really did land among saves
    database = open_database(data_dir)  # and the records still open normally
    database.close()


class _DiskFullAfter(io.FileIO):
    """A file that accepts ``room`` bytes, then fails as a full disk does."""

    room = 1000

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if self.room <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        taken = super().write(bytes(data[: self.room]))
        self.room -= taken
        return taken


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_full_disk_while_writing_keeps_the_earlier_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    statement = tmp_path / "statement.pdf"
    atomic_write_bytes(statement, b"%PDF the good statement from last month")
    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: _DiskFullAfter(fd, "wb"))

    with pytest.raises(DiskFault) as failed:
        with atomic_write(statement) as handle:
            for _ in range(100):
                handle.write(b"x" * 100)

    assert failed.value.kind == Fault.FULL
    assert isinstance(failed.value.__cause__, OSError)
    assert failed.value.__cause__.errno == errno.ENOSPC
    assert "not enough space" in failed.value.message and str(tmp_path) in failed.value.message
    assert statement.read_bytes() == b"%PDF the good statement from last month"
    assert _leftovers(tmp_path) == []


def test_a_full_disk_when_syncing_keeps_the_earlier_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = tmp_path / "my-records.partnerlog"
    atomic_write_bytes(export, b"the earlier export")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with pytest.raises(DiskFault, match="Nothing was changed"):
        atomic_write_bytes(export, b"a new export that never reaches the disk")

    assert export.read_bytes() == b"the earlier export"
    assert _leftovers(tmp_path) == []


def test_written_files_are_for_the_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "certificate.pdf"
    atomic_write_bytes(target, b"%PDF")
    if os.name == "posix":
        assert_private(target)
