"""A clock that moves only every 15.6 ms, as Python 3.11's does on Windows (simulated).

Files named after the moment they were made must not take each other's place when two
are made within one tick.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.model import Role
from desktop_app.services import profile
from desktop_app.storage.backup import list_backups, snapshot
from desktop_app.storage.db import Database, open_database
from desktop_app.storage.integrity import damaged_dir, keep_damaged
from desktop_app.storage.paths import database_path
from desktop_app.storage.restore import restore_backup

TICK = 0.0156
START = datetime(2026, 9, 30, 10, 0)


class TickClock:
    """Real time moves a little on every reading; the clock shows it in 15.6 ms steps."""

    def __init__(self) -> None:
        self._readings = itertools.count()

    def seconds(self) -> float:
        real = next(self._readings) * 0.001  # each reading is 1 ms after the last
        return (real // TICK) * TICK

    def now(self) -> datetime:
        return START + timedelta(seconds=self.seconds())


@pytest.fixture
def tick_clock(monkeypatch: pytest.MonkeyPatch) -> TickClock:
    clock = TickClock()
    monkeypatch.setattr(time, "monotonic", clock.seconds)
    monkeypatch.setattr(time, "time", lambda: 1_790_000_000 + clock.seconds())
    return clock


@pytest.fixture
def database(data_dir: Path) -> Iterator[Database]:
    db = open_database(data_dir)
    with db.session() as session:
        profile.setup(session, Role.PARTNER, "Ana Souza", project_name="Better Pain Care")
    yield db
    db.close()


def test_the_fake_clock_stands_still_within_a_tick(tick_clock: TickClock) -> None:
    assert tick_clock.now() == tick_clock.now()


def test_backups_within_one_tick_are_all_kept(
    database: Database, data_dir: Path, tick_clock: TickClock
) -> None:
    made = [snapshot(data_dir, database.path, "on-request", tick_clock.now) for _ in range(3)]
    assert len(set(made)) == 3
    assert all(path.is_file() for path in made)
    assert len(list_backups(data_dir)) == 3
    assert {info.reason for info in list_backups(data_dir)} == {"on-request"}


def test_restoring_twice_within_one_tick_keeps_both_copies(
    database: Database, data_dir: Path, tick_clock: TickClock
) -> None:
    backup = snapshot(data_dir, database.path, "on-request", tick_clock.now)
    database.close()
    first = restore_backup(data_dir, backup, tick_clock.now)
    second = restore_backup(data_dir, backup, tick_clock.now)
    assert first.kept_aside is not None and second.kept_aside is not None
    assert first.kept_aside != second.kept_aside
    assert first.kept_aside.is_file() and second.kept_aside.is_file()


def test_damaged_files_kept_within_one_tick_do_not_mix(
    database: Database, data_dir: Path, tick_clock: TickClock
) -> None:
    database.close()
    live = database_path(data_dir)
    first = keep_damaged(data_dir, tick_clock.now)
    live.write_bytes(b"second damaged file")
    second = keep_damaged(data_dir, tick_clock.now)
    assert first != second
    assert (second / live.name).read_bytes() == b"second damaged file"
    assert (first / live.name).read_bytes() != b"second damaged file"
    assert {p.name for p in damaged_dir(data_dir).iterdir() if p.is_dir()} == {
        first.name,
        second.name,
    }
