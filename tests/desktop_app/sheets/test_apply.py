"""Saving an import: a backup first, all or nothing, never twice, and undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput
from desktop_app.model import Activity, Expense, Person, ReviewStatus, Role
from desktop_app.services import activities, bulk_entries, profile
from desktop_app.services.bulk_entries import NewActivity
from desktop_app.sheets import apply_plan, list_imports, make_plan, undo_import
from desktop_app.sheets.apply import NewPeopleNeedConfirmation
from desktop_app.storage.backup import list_backups
from desktop_app.storage.db import Database
from tests.helpers.sheets import MESSY, write_csv, write_ods, write_xlsx

MESSY_DAY = date(2021, 3, 4)


def _live(session: Session, model: type[Activity] | type[Expense] = Activity) -> int:
    query = select(func.count()).select_from(model).where(model.deleted_at.is_(None))
    return session.scalar(query) or 0


@pytest.fixture
def ana(database: Database) -> Database:
    with database.session() as session:
        profile.setup(session, Role.PARTNER, "Ana Souza", preferred_name="Ana", project_name="P")
    return database


def test_the_same_sheet_twice_adds_nothing_the_second_time(ana: Database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "messy.xlsx", {"Horas": MESSY})
    with ana.session() as session:
        done = apply_plan(session, make_plan(session, path))
    assert (done.activities, done.already_here) == (3, 0)
    assert done.backup is not None and done.backup.exists()
    backups_after_first = list_backups(done.backup.parent.parent)
    assert any(b.reason == "before-import" for b in backups_after_first)
    with ana.session() as session:
        again = make_plan(session, path)
        assert again.new_rows == []
        second = apply_plan(session, again)
    assert (second.activities, second.already_here) == (0, 3)
    assert (second.import_id, second.backup) == ("", None)  # nothing saved, nothing to undo
    assert len(list_backups(done.backup.parent.parent)) == len(backups_after_first)
    with ana.session() as session:
        assert _live(session) == 3
        assert len(list_imports(session)) == 1


def test_a_copy_saved_anew_in_another_format_adds_nothing(ana: Database, tmp_path: Path) -> None:
    with ana.session() as session:
        apply_plan(session, make_plan(session, write_csv(tmp_path / "h.csv", MESSY, "cp1252", ";")))
    for copy in (
        write_xlsx(tmp_path / "h.xlsx", {"Hoja": MESSY}),
        write_ods(tmp_path / "h.ods", {"Hoja": MESSY}),
        write_csv(tmp_path / "h2.csv", MESSY, "utf-8", ",", bom=True),
    ):
        with ana.session() as session:
            assert apply_plan(session, make_plan(session, copy)).activities == 0
    with ana.session() as session:
        assert _live(session) == 3


def test_two_rows_that_say_the_same_are_two_entries_once(ana: Database, tmp_path: Path) -> None:
    rows = [
        ["Date", "Hours", "What"],
        ["2021-03-04", "1", "meeting"],
        ["2021-03-04", "1", "meeting"],
    ]
    path = write_csv(tmp_path / "h.csv", rows)
    for _ in range(2):
        with ana.session() as session:
            apply_plan(session, make_plan(session, path))
    with ana.session() as session:
        assert _live(session) == 2


def test_undo_removes_exactly_what_the_import_added(ana: Database, tmp_path: Path) -> None:
    with ana.session() as session:
        mine = activities.record_activity(
            session, date=MESSY_DAY, minutes=30, kind="meeting", note="typed by hand"
        ).id
        done = apply_plan(session, make_plan(session, write_csv(tmp_path / "h.csv", MESSY)))
    with ana.session() as session:
        undone = undo_import(session, done.import_id)
    assert undone.activities == 3
    with ana.session() as session:
        assert _live(session) == 1
        assert session.get(Activity, mine).deleted_at is None  # type: ignore[union-attr]
        # Undone, the sheet can be brought in again.
        assert len(make_plan(session, write_csv(tmp_path / "h.csv", MESSY)).new_rows) == 3
        with pytest.raises(InvalidInput, match="already taken out"):
            undo_import(session, done.import_id)


def test_undo_is_refused_once_the_entries_were_sent(ana: Database, tmp_path: Path) -> None:
    with ana.session() as session:
        done = apply_plan(session, make_plan(session, write_csv(tmp_path / "h.csv", MESSY)))
    with ana.session() as session:
        for entry in session.scalars(select(Activity)):
            entry.status = ReviewStatus.SUBMITTED
    with ana.session() as session, pytest.raises(InvalidInput, match="have been sent"):
        undo_import(session, done.import_id)
    with ana.session() as session:
        assert _live(session) == 3


def test_a_failure_after_the_time_entries_are_written_keeps_nothing(
    ana: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = bulk_entries.record_activities
    written: list[int] = []

    def writes(session: Session, entries: list[NewActivity]) -> list[str]:
        ids = real(session, entries)
        written.append(_live(session))
        return ids

    def fails(*args: object, **kwargs: object) -> list[str]:
        raise InvalidInput("the disk said no")

    monkeypatch.setattr(bulk_entries, "record_activities", writes)
    monkeypatch.setattr(bulk_entries, "record_expenses", fails)
    path = write_csv(tmp_path / "h.csv", MESSY)
    with pytest.raises(InvalidInput), ana.session() as session:
        apply_plan(session, make_plan(session, path))
    monkeypatch.undo()
    with ana.session() as session:
        assert _live(session) == 0
        assert len(make_plan(session, path).new_rows) == 3  # no fingerprint was kept
    assert written == [3]  # the entries had been written before the failure


def test_a_coordinator_is_asked_before_new_partners_are_added(
    database: Database, tmp_path: Path
) -> None:
    with database.session() as session:
        profile.setup(session, Role.COORDINATOR, "Carla", project_name="Pain care")
        profile.add_person(session, "José Pérez")
    rows = [
        ["Date", "Hours", "Partner", "Cost"],
        ["2021-03-04", "1", "JOSE PEREZ", ""],
        ["2021-03-05", "2", "Lin Wu", "8.00"],
    ]
    path = write_csv(tmp_path / "h.csv", rows)
    with database.session() as session, pytest.raises(NewPeopleNeedConfirmation, match="Lin Wu"):
        apply_plan(session, make_plan(session, path))
    with database.session() as session:
        assert _live(session) == 0
        done = apply_plan(session, make_plan(session, path), add_people=True)
    assert (done.activities, done.expenses, done.people_added) == (2, 1, 1)
    with database.session() as session:
        names = {a.person_id: a for a in session.scalars(select(Activity))}
        people = {p.id: p.display_name for p in session.scalars(select(Person))}
        assert sorted(people[pid] for pid in names) == ["José Pérez", "Lin Wu"]
        # Again: Lin Wu is known now, and nothing is added.
        assert make_plan(session, path).new_rows == []
        undo_import(session, done.import_id)
    with database.session() as session:
        assert _live(session) == 0 and _live(session, Expense) == 0
        live = [p.display_name for p in session.scalars(select(Person)) if p.deleted_at is None]
        assert sorted(live) == ["Carla", "José Pérez"]
