"""The preview: every row as it will be saved, and the rows that cannot be used."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.model import Activity, ActivityKind, Project, Role
from desktop_app.services import profile
from desktop_app.sheets import (
    AmbiguousDateOrder,
    DateOrder,
    Field,
    ImportOptions,
    NotASheet,
    UnitNeeded,
    make_plan,
)
from desktop_app.sheets.values import Unit
from tests.helpers.sheets import MESSY, write_csv, write_xlsx


def test_the_messy_sheet_is_shown_row_by_row_as_it_will_be_saved(
    session: Session, partner: Project, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "messy.xlsx", {"Horas": MESSY}, merge={"Horas": "A1:D1"})
    plan = make_plan(session, path)
    assert plan.date_order == DateOrder.DMY  # 25/03/2021 can only be day first
    assert [(r.row, r.date, r.minutes, r.kind, r.note) for r in plan.rows] == [
        (5, date(2021, 3, 4), 90, ActivityKind.MEETING, "Primera reunión"),
        (7, date(2021, 3, 25), 120, ActivityKind.PRESENTING, "=SUM(A1)"),
        (8, date(2021, 4, 13), 90, ActivityKind.REVIEWING, "Revisión del folleto"),
    ]
    assert plan.totals == [9]
    assert plan.problems == []
    assert all(r.person_name == "Ana" for r in plan.rows)
    # Nothing is saved by a preview.
    assert session.scalar(select(func.count()).select_from(Activity)) == 0


def test_rows_that_cannot_be_used_are_listed_by_number_with_a_reason(
    session: Session, partner: Project, tmp_path: Path
) -> None:
    rows = [
        ["Date", "Hours", "Name"],
        ["2021-03-04", "2", "Ana Souza"],
        ["2021-03-05", "lots", ""],
        ["2099-01-01", "1", ""],
        ["2021-03-06", "1", "Bruno Lima"],
        ["", "1", ""],
        ["2021-03-07", "", ""],
    ]
    plan = make_plan(session, write_csv(tmp_path / "h.csv", rows))
    assert [r.row for r in plan.rows] == [2]
    reasons = {p.row: p.reason for p in plan.problems}
    assert sorted(reasons) == [3, 4, 5, 6, 7]
    assert "after today" in reasons[4]
    assert reasons[5] == "This row is for Bruno Lima, not for you."
    assert "no date" in reasons[6].lower()


def test_an_unsettled_date_order_is_asked_naming_the_rows(
    session: Session, partner: Project, tmp_path: Path
) -> None:
    rows = [["Date", "Hours"], ["04/03/2021", "1"], ["05/06/2021", "2"]]
    path = write_csv(tmp_path / "h.csv", rows)
    with pytest.raises(AmbiguousDateOrder) as caught:
        make_plan(session, path)
    assert caught.value.rows == [2, 3]
    plan = make_plan(session, path, ImportOptions(date_order=DateOrder.MDY))
    assert [r.date for r in plan.rows] == [date(2021, 4, 3), date(2021, 5, 6)]


def test_a_time_column_without_a_unit_is_asked_about(
    session: Session, partner: Project, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "h.csv", [["Date", "Time"], ["2021-03-04", "2"]])
    with pytest.raises(UnitNeeded):
        make_plan(session, path)
    plan = make_plan(session, path, ImportOptions(units={Field.TIME: Unit.HOURS}))
    assert plan.rows[0].minutes == 120


def test_a_sheet_with_no_date_column_is_refused(
    session: Session, partner: Project, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "h.csv", [["Who", "Hours"], ["Ana", "2"]])
    with pytest.raises(NotASheet, match="no column of dates"):
        make_plan(session, path)


def test_costs_become_expenses_with_their_kind(
    session: Session, partner: Project, tmp_path: Path
) -> None:
    rows = [["Fecha", "Horas", "Gasto", "Categoría"], ["2021-03-04", "1", "12,50", "Parking"]]
    plan = make_plan(session, write_csv(tmp_path / "h.csv", rows))
    assert plan.rows[0].minutes == 60 and plan.rows[0].amount_minor == 1250
    assert plan.rows[0].category is not None and plan.rows[0].category.value == "parking"


def test_a_coordinator_sees_partners_matched_and_new_ones_named(
    session: Session, tmp_path: Path
) -> None:
    profile.setup(session, Role.COORDINATOR, "Carla", project_name="Pain care")
    profile.add_person(session, "José Pérez")
    rows = [
        ["Date", "Hours", "Partner"],
        ["2021-03-04", "1", "jose perez"],
        ["2021-03-05", "2", "Lin Wu"],
    ]
    plan = make_plan(session, write_csv(tmp_path / "h.csv", rows))
    assert [r.person_name for r in plan.rows] == ["José Pérez", "Lin Wu"]
    assert plan.new_people == ["Lin Wu"]
