"""Backups: verified copies, taken only when records changed, thinned by age."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.model import ActivityKind, Role
from desktop_app.services import profile
from desktop_app.services.activities import delete_activity, record_activity
from desktop_app.storage.backup import (
    backup_if_changed,
    integrity_problems,
    list_backups,
    newest_good_backup,
    snapshot,
    thin_backups,
)
from desktop_app.storage.backup_thinning import backups_to_remove
from desktop_app.storage.db import Database, open_database
from desktop_app.storage.paths import backups_dir, database_path
from tests.helpers.platforms import assert_private

NOW = datetime(2025, 3, 20, 15, 0)


@pytest.fixture
def database(data_dir: Path) -> Iterator[Database]:
    """Records of a partner who is set up (committed), like after the first start."""
    db = open_database(data_dir)
    with db.session() as session:
        profile.setup(session, Role.PARTNER, "Ana Souza", project_name="Better Pain Care")
    yield db
    db.close()


def _save(database: Database, count: int = 1) -> list[str]:
    ids = []
    for _ in range(count):
        with database.session() as session:
            ids.append(
                record_activity(
                    session, date=date(2025, 3, 1), minutes=60, kind=ActivityKind.MEETING
                ).id
            )
    return ids


def test_backups_taken_while_saving_all_check_out(database: Database) -> None:
    stop = threading.Event()

    def keep_saving() -> None:
        while not stop.is_set():
            _save(database)

    writer = threading.Thread(target=keep_saving)
    writer.start()
    try:
        taken = [snapshot(database.data_dir, database.path, "on-request") for _ in range(8)]
    finally:
        stop.set()
        writer.join()
    assert len(set(taken)) == 8
    for path in taken:
        assert integrity_problems(path) == []
        assert_private(path)
    assert_private(backups_dir(database.data_dir), 0o700)


def test_a_backup_at_start_only_when_records_changed(database: Database) -> None:
    data_dir = database.data_dir
    first = backup_if_changed(data_dir)
    assert first is not None and first.name.endswith("-at-start.sqlite3")
    assert backup_if_changed(data_dir) is None  # nothing changed since

    [saved] = _save(database)
    second = backup_if_changed(data_dir)
    assert second is not None
    assert backup_if_changed(data_dir) is None

    with database.session() as session:  # a deletion keeps the count but raises rev
        delete_activity(session, saved)
    assert backup_if_changed(data_dir) is not None


def test_a_missing_last_backup_means_a_new_one(database: Database) -> None:
    first = backup_if_changed(database.data_dir)
    assert first is not None
    first.unlink()
    assert backup_if_changed(database.data_dir) is not None


def test_no_records_no_backup(data_dir: Path) -> None:
    assert backup_if_changed(data_dir) is None


def test_list_says_when_why_and_what(database: Database) -> None:
    _save(database, 3)
    snapshot(database.data_dir, database.path, "before-import", now=lambda: NOW)
    [info] = list_backups(database.data_dir)
    assert info.taken_at == NOW
    assert info.reason == "before-import"
    assert "before records were added" in info.reason_text
    assert info.counts["activity"] == 3
    assert info.latest_entry_date == date(2025, 3, 1)
    assert newest_good_backup(database.data_dir) == info


def test_a_damaged_backup_is_never_offered(database: Database) -> None:
    old = snapshot(database.data_dir, database.path, "on-request", now=lambda: NOW)
    new = snapshot(database.data_dir, database.path, "on-request", now=lambda: NOW.replace(hour=16))
    new.write_bytes(b"scrambled" * 1000)
    best = newest_good_backup(database.data_dir)
    assert best is not None and best.path == old


# Thinning: all from today, one a day for a week, one a week for a month, one a month.


def _every_six_hours(days: int) -> list[tuple[Path, datetime]]:
    start = NOW - timedelta(days=days)
    times = [start + timedelta(hours=6 * i) for i in range(days * 4 + 1)]
    return [(Path(f"{t:%Y%m%d-%H%M}"), t) for t in times]


def test_thinning_keeps_today_then_days_weeks_months() -> None:
    backups = _every_six_hours(150)
    removed = set(backups_to_remove(backups, NOW))
    kept = [t for p, t in backups if p not in removed]

    def age(t: datetime) -> int:
        return (NOW.date() - t.date()).days

    assert [t for t in kept if age(t) == 0] == [t for _, t in backups if age(t) == 0]
    daily = [t for t in kept if 1 <= age(t) <= 6]
    assert sorted(t.date() for t in daily) == [
        NOW.date() - timedelta(days=d) for d in range(6, 0, -1)
    ]
    for t in daily:  # the newest of each day is the one kept
        assert t == max(u for _, u in backups if u.date() == t.date())
    weekly = [t for t in kept if 7 <= age(t) <= 30]
    weeks = [t.isocalendar()[:2] for t in weekly]
    assert len(weeks) == len(set(weeks)) and 4 <= len(weeks) <= 5
    monthly = [t for t in kept if age(t) > 30]
    months = [(t.year, t.month) for t in monthly]
    assert len(months) == len(set(months)) and len(months) >= 4
    assert max(t for _, t in backups) in kept


def test_thinning_twice_removes_nothing_more() -> None:
    backups = _every_six_hours(90)
    removed = set(backups_to_remove(backups, NOW))
    kept = [(p, t) for p, t in backups if p not in removed]
    assert backups_to_remove(kept, NOW) == []


def test_thinning_every_day_for_a_year_stays_small() -> None:
    kept: list[tuple[Path, datetime]] = []
    start = datetime(2024, 1, 1, 9, 0)
    for day in range(365):
        for hour in (9, 13, 17):
            taken = start + timedelta(days=day, hours=hour - 9)
            kept.append((Path(taken.isoformat()), taken))
        now = start + timedelta(days=day, hours=10)
        removed = set(backups_to_remove(kept, now))
        kept = [(p, t) for p, t in kept if p not in removed]
    # 3 from today, 6 daily, about 4 weekly, about 12 monthly.
    assert len(kept) <= 3 + 6 + 5 + 13
    assert kept[-1][1] == start + timedelta(days=364, hours=8)


def test_thinning_the_folder_removes_files_but_keeps_pre_restore_copies(database: Database) -> None:
    data_dir = database.data_dir
    for days_ago in (40, 39, 38):
        snapshot(data_dir, database.path, "at-start", now=lambda d=days_ago: NOW - timedelta(d))
    aside = backups_dir(data_dir) / "partner-log-before-restore-20250101-090000-000000.sqlite3"
    aside.write_bytes(database_path(data_dir).read_bytes())
    thin_backups(data_dir, now=lambda: NOW)
    names = sorted(p.name for p in backups_dir(data_dir).glob("*.sqlite3"))
    newest_of_month = f"partner-log-{NOW - timedelta(38):%Y%m%d-%H%M%S-%f}-at-start.sqlite3"
    assert names == sorted([aside.name, newest_of_month])
