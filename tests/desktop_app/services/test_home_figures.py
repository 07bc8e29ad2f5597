"""Home's figures read quickly (standard-library sqlite3, read-only) are the service's own.

The quick read draws Home before the ORM is loaded, so it must give the same numbers as
``services.home.home_figures`` and step aside whenever it cannot be sure.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app import demo
from desktop_app.model import Activity, ActivityKind, ReviewStatus, Role, utcnow
from desktop_app.services import activities, profile
from desktop_app.services.home import home_figures
from desktop_app.services.home_figures import (
    MEETING,
    NOT_COUNTED_VALUES,
    quick_home_figures,
)
from desktop_app.services.scope import NOT_COUNTED
from desktop_app.settings import Preferences, Settings
from desktop_app.storage.db import open_database
from desktop_app.storage.paths import database_path
from desktop_app.storage.server_choice import ENV_URL, chosen_url

#: Days inside the demo records (2020 to 2023), a month-end, and a day after them.
DAYS = (date(2021, 3, 15), date(2023, 11, 30), date(2026, 9, 30))


def _demo(data_dir: Path, role: Role, twists: bool = False) -> None:
    database = open_database(data_dir)
    try:
        with database.session() as session:
            demo.populate(session, role)
        if twists:  # a rejected entry and a deleted one count nowhere
            with database.session() as session:
                first, second = session.scalars(
                    select(Activity).where(Activity.kind == ActivityKind.MEETING).limit(2)
                ).all()
                first.status = ReviewStatus.REJECTED
                second.deleted_at = utcnow()
    finally:
        database.close()


def _service_figures(data_dir: Path, today: date) -> object:
    database = open_database(data_dir)
    try:
        with database.session() as session:
            return home_figures(session, today=today)
    finally:
        database.close()


@pytest.mark.parametrize("role", [Role.PARTNER, Role.COORDINATOR])
@pytest.mark.parametrize("twists", [False, True])
def test_the_quick_figures_are_the_services_own(data_dir: Path, role: Role, twists: bool) -> None:
    _demo(data_dir, role, twists)
    for today in DAYS:
        quick = quick_home_figures(data_dir, today)
        assert quick is not None and quick.set_up
        assert quick == _service_figures(data_dir, today)
        assert quick.total_minutes > 0 and quick.meetings > 0
    assert quick_home_figures(data_dir, date(2021, 3, 15)).month_minutes > 0  # type: ignore[union-attr]


def test_the_quick_figures_use_the_services_definitions() -> None:
    assert set(NOT_COUNTED_VALUES) == {status.value for status in NOT_COUNTED}
    assert MEETING == ActivityKind.MEETING.value


def test_the_quick_read_changes_nothing_in_the_folder(data_dir: Path) -> None:
    _demo(data_dir, Role.PARTNER)
    path = database_path(data_dir)
    before = {
        p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in data_dir.iterdir() if p.is_file()
    }
    assert quick_home_figures(data_dir) is not None
    after = {
        p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in data_dir.iterdir() if p.is_file()
    }
    assert after == before
    assert not Path(f"{path}-shm").exists()


def test_no_records_yet_or_not_set_up_takes_the_normal_path(data_dir: Path) -> None:
    assert quick_home_figures(data_dir) is None  # first run: no file at all
    open_database(data_dir).close()  # made, but nobody set up yet
    figures = quick_home_figures(data_dir)
    assert figures is not None and not figures.set_up


def test_an_older_or_newer_schema_takes_the_normal_path(data_dir: Path) -> None:
    _demo(data_dir, Role.PARTNER)
    with sqlite3.connect(database_path(data_dir)) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.close()
    assert quick_home_figures(data_dir) is None


def test_a_file_that_cannot_be_read_takes_the_normal_path(data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    database_path(data_dir).write_bytes(b"not a database at all" * 100)
    assert quick_home_figures(data_dir) is None


def test_records_in_a_database_server_take_the_normal_path(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _demo(data_dir, Role.PARTNER)
    monkeypatch.setenv(ENV_URL, "postgresql://ana@records.example.org/partners")
    assert quick_home_figures(data_dir) is None
    monkeypatch.delenv(ENV_URL)
    assert quick_home_figures(data_dir) is not None
    settings = Settings.load(data_dir)
    settings.set(Preferences.organisation_database, "postgresql://records.example.org/partners")
    assert quick_home_figures(data_dir) is None
    assert chosen_url(data_dir) == "postgresql://records.example.org/partners"


def test_a_partner_sees_only_their_own_time_read_quickly(data_dir: Path) -> None:
    database = open_database(data_dir)
    with database.session() as session:
        profile.setup(session, Role.PARTNER, "Ana Souza", "Ana", "Pain care")
        activities.record_activity(session, date=date(2024, 3, 1), minutes=60, kind="meeting")
        other = profile.add_person(session, "Ben")
        session.flush()
        activities.record_activity(
            session, date=date(2024, 3, 2), minutes=90, kind="meeting", person_id=other.id
        )
    database.close()
    figures = quick_home_figures(data_dir, date(2024, 3, 20))
    assert figures is not None
    assert (figures.name, figures.month_minutes, figures.total_minutes) == ("Ana", 60, 60)
    assert figures.meetings == 1
