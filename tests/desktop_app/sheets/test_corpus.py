"""The corpus: one sheet for each way old records go wrong, in English and in Spanish.

Each sheet is made here, read through the whole preview, saved, saved again (which adds
nothing) and taken back out (which leaves nothing)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.model import Activity, ActivityKind, Project
from desktop_app.sheets import (
    AmbiguousDateOrder,
    DateOrder,
    Field,
    ImportOptions,
    UnitNeeded,
    apply_plan,
    make_plan,
    undo_import,
)
from desktop_app.sheets.values import Unit
from tests.helpers.sheets import Cells, Formatted, write_csv, write_ods, write_xlsx

MARCH_4, MARCH_25 = date(2021, 3, 4), date(2021, 3, 25)
MEETING, REVIEWING, OTHER = ActivityKind.MEETING, ActivityKind.REVIEWING, ActivityKind.OTHER

Writer = Callable[[Path, Cells], Path]


def _csv(**how: object) -> Writer:
    return lambda path, rows: write_csv(path.with_suffix(".csv"), rows, **how)  # type: ignore[arg-type]


def _xlsx(path: Path, rows: Cells) -> Path:
    return write_xlsx(path.with_suffix(".xlsx"), {"Hoja 1": rows})


def _ods(path: Path, rows: Cells) -> Path:
    return write_ods(path.with_suffix(".ods"), {"Hoja 1": rows})


@dataclass(frozen=True)
class Case:
    rows: Cells
    write: Writer
    #: (date, minutes, kind) of every row that becomes a time entry, in order.
    saved: list[tuple[date, int, ActivityKind]]
    #: Row numbers that cannot be used, with a word of each reason.
    skipped: dict[int, str] = field(default_factory=dict)
    options: ImportOptions = ImportOptions()


CASES: dict[str, Case] = {
    # Day-first and month-first dates confused: one row settles the order.
    "day first (en)": Case(
        [["Date", "Hours", "What"], ["04/03/2021", 1, "Meeting"], ["25/03/2021", 2, "Review"]],
        _csv(),
        [(MARCH_4, 60, MEETING), (MARCH_25, 120, REVIEWING)],
    ),
    "day first (es)": Case(
        [["Fecha", "Horas", "Actividad"], ["04/03/2021", 1, "Reunión"], ["25/03/21", 2, "x"]],
        _csv(),
        [(MARCH_4, 60, MEETING), (MARCH_25, 120, OTHER)],
    ),
    "month first (en)": Case(
        [["Date", "Hours"], ["03/04/2021", 1], ["03/25/2021", 2]],
        _csv(),
        [(MARCH_4, 60, OTHER), (MARCH_25, 120, OTHER)],
    ),
    "month first, said (es)": Case(
        [["Fecha", "Horas"], ["03/04/2021", 1]],
        _csv(),
        [(MARCH_4, 60, OTHER)],
        options=ImportOptions(date_order=DateOrder.MDY),
    ),
    # Excel's "CSV UTF-8" puts a byte-order mark before the first header.
    "byte-order mark (en)": Case(
        [["Date", "Minutes"], ["2021-03-04", 90]], _csv(bom=True), [(MARCH_4, 90, OTHER)]
    ),
    "byte-order mark (es)": Case(
        [["Fecha", "Minutos"], ["4 de marzo de 2021", 90]], _csv(bom=True), [(MARCH_4, 90, OTHER)]
    ),
    # Excel's plain "CSV" is Windows-1252; UTF-16 comes from "Unicode text".
    "windows-1252 (es)": Case(
        [["Fecha", "Duración", "Actividad"], ["4 mar 2021", "1 h 30 min", "Revisión"]],
        _csv(encoding="cp1252"),
        [(MARCH_4, 90, REVIEWING)],
    ),
    "windows-1252 (en)": Case(
        [["Date", "Hours", "Notes"], ["4 March 2021", "1.5", "Café with the team"]],
        _csv(encoding="cp1252"),
        [(MARCH_4, 90, OTHER)],
    ),
    "utf-16 (es)": Case(
        [["Fecha", "Horas"], ["2021-03-04", "2"]], _csv(encoding="utf-16"), [(MARCH_4, 120, OTHER)]
    ),
    # Semicolons and decimal commas from Spanish, Latin American and European settings.
    "semicolons and decimal commas (es)": Case(
        [["Fecha", "Horas", "Gasto"], ["04/03/2021", "1,5", "12,50"], ["25/03/2021", "0,5", ""]],
        _csv(delimiter=";"),
        [(MARCH_4, 90, OTHER), (MARCH_25, 30, OTHER)],
    ),
    "semicolons and decimal commas (en)": Case(
        [["Date", "Hours"], ["2021-03-04", "1,5"]], _csv(delimiter=";"), [(MARCH_4, 90, OTHER)]
    ),
    # "1:30" is a length of time, not a clock time, in any column of time.
    "1:30 is a length (en)": Case(
        [["Date", "Time"], ["2021-03-04", "1:30"], ["2021-03-25", "1h30"]],
        _csv(),
        [(MARCH_4, 90, OTHER), (MARCH_25, 90, OTHER)],
    ),
    "1:30 is a length (es)": Case(
        [["Fecha", "Tiempo"], ["2021-03-04", "1:30"], ["2021-03-25", "2 horas"]],
        _csv(delimiter=";"),
        [(MARCH_4, 90, OTHER), (MARCH_25, 120, OTHER)],
    ),
    # Excel serial dates, in a real workbook and written out as text.
    "excel serial dates (en)": Case(
        [["Date", "Hours"], [44259, 1.5], ["44280", 2]],
        _xlsx,
        [(MARCH_4, 90, OTHER), (MARCH_25, 120, OTHER)],
    ),
    "excel serial dates (es)": Case(
        [["Fecha", "Horas"], ["44259", "1,5"]], _csv(delimiter=";"), [(MARCH_4, 90, OTHER)]
    ),
    # Excel keeps a time as a part of a day; the cell's format says it is a time.
    "excel times (en)": Case(
        [
            ["Date", "Time"],
            [MARCH_4, Formatted(0.0625, "h:mm")],
            [MARCH_25, Formatted(0.0625, "[h]:mm")],
            [MARCH_25, Formatted(1.0625, "[h]:mm")],
            [MARCH_25, Formatted(1.0625, "h:mm")],
        ],
        _xlsx,
        [(MARCH_4, 90, OTHER), (MARCH_25, 90, OTHER)],
        skipped={4: "24 hours", 5: "24 hours"},
    ),
    "excel times (es)": Case(
        [["Fecha", "Tiempo"], [MARCH_4, time(1, 30)], [MARCH_25, Formatted(0.5, "[h]:mm")]],
        _xlsx,
        [(MARCH_4, 90, OTHER), (MARCH_25, 720, OTHER)],
    ),
    "opendocument times (es)": Case(
        [["Fecha", "Horas"], [MARCH_4, time(1, 30)], [MARCH_25, 2]],
        _ods,
        [(MARCH_4, 90, OTHER), (MARCH_25, 120, OTHER)],
    ),
    # A time copied without its format is a bare part of a day: asked, then read.
    "parts of a day, said (en)": Case(
        [["Date", "Time"], ["2021-03-04", 0.0625]],
        _xlsx,
        [(MARCH_4, 90, OTHER)],
        options=ImportOptions(units={Field.TIME: Unit.DAYS}),
    ),
    # A TOTAL row is not an entry; neither is a subtotal.
    "total rows (en)": Case(
        [["Date", "Hours"], ["2021-03-04", 1], ["Subtotal", 1], ["2021-03-25", 2], ["TOTAL", 3]],
        _xlsx,
        [(MARCH_4, 60, OTHER), (MARCH_25, 120, OTHER)],
    ),
    "total rows (es)": Case(
        [["Fecha", "Horas"], ["04/03/2021", 1], ["25/03/2021", 2], ["Total general", 3]],
        _ods,
        [(MARCH_4, 60, OTHER), (MARCH_25, 120, OTHER)],
    ),
    # Rows that cannot be read are named, with a reason, and the rest still come in.
    "unreadable rows (en)": Case(
        [["Date", "Hours"], ["2021-03-04", 1], ["soon", 2], ["2031-01-01", 1], ["2021-03-25", 25]],
        _csv(),
        [(MARCH_4, 60, OTHER)],
        skipped={3: "not a date", 4: "after today", 5: "24 hours"},
    ),
    "unreadable rows (es)": Case(
        [["Fecha", "Horas"], ["04/03/2021", "1,5"], ["31/02/2021", "1"], ["25/03/2021", "mucho"]],
        _csv(delimiter=";"),
        [(MARCH_4, 90, OTHER)],
        skipped={3: "31/02/2021", 4: ""},
    ),
}


def _saved(session: Session) -> list[tuple[date, int, ActivityKind]]:
    query = select(Activity).where(Activity.deleted_at.is_(None))
    return sorted((a.date, a.minutes, a.kind) for a in session.scalars(query))


def _live(session: Session) -> int:
    query = select(func.count()).select_from(Activity).where(Activity.deleted_at.is_(None))
    return session.scalar(query) or 0


@pytest.mark.parametrize("name", list(CASES))
def test_the_corpus(session: Session, partner: Project, tmp_path: Path, name: str) -> None:
    case = CASES[name]
    path = case.write(tmp_path / "old", case.rows)
    plan = make_plan(session, path, case.options)
    assert [(r.date, r.minutes, r.kind) for r in plan.rows] == case.saved
    assert {p.row: p.reason for p in plan.problems}.keys() == case.skipped.keys()
    for problem in plan.problems:
        assert case.skipped[problem.row] in problem.reason
    done = apply_plan(session, plan)
    assert _saved(session) == sorted(case.saved)
    again = apply_plan(session, make_plan(session, path, case.options))
    assert (again.activities, again.expenses) == (0, 0)
    assert again.already_here == done.activities + done.expenses
    assert _live(session) == len(case.saved)
    undo_import(session, done.import_id)
    assert _live(session) == 0


@pytest.mark.parametrize(
    ("rows", "asked", "day_parts"),
    [
        ([["Date", "Hours"], ["04/03/2021", 1], ["05/03/2021", 2]], AmbiguousDateOrder, False),
        ([["Fecha", "Horas"], ["04/03/2021", 1], ["05/03/2021", 2]], AmbiguousDateOrder, False),
        ([["Date", "Time"], ["2021-03-04", 2]], UnitNeeded, False),
        ([["Fecha", "Tiempo"], ["2021-03-04", "1,5"]], UnitNeeded, False),
        ([["Date", "Time"], ["2021-03-04", 0.0625], ["2021-03-25", 0.5]], UnitNeeded, True),
        ([["Fecha", "Duración"], ["2021-03-04", "0,0625"]], UnitNeeded, True),
    ],
)
def test_what_the_sheet_does_not_say_is_asked(
    session: Session,
    partner: Project,
    tmp_path: Path,
    rows: Cells,
    asked: type[Exception],
    day_parts: bool,
) -> None:
    path = _csv(delimiter=";")(tmp_path / "old", rows)
    with pytest.raises(asked) as question:
        make_plan(session, path)
    if isinstance(question.value, UnitNeeded):
        assert question.value.day_parts == day_parts
    assert _live(session) == 0
