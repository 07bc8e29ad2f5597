"""Plan an import: every row as it will be saved, and each row that cannot be used with
its number and a plain reason. Nothing is saved here.

Text is only ever read as text: a note like "=SUM(A1)" stays those characters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.errors import InvalidInput
from desktop_app.i18n import _
from desktop_app.model import ActivityKind, ExpenseCategory, Project, Role
from desktop_app.services import projects
from desktop_app.services.validation import MAX_MINUTES, MAX_NOTE
from desktop_app.sheets.columns import TIME_FIELDS, Columns, Field, guess_columns, with_choices
from desktop_app.sheets.fingerprints import already_here, fingerprint
from desktop_app.sheets.people import People
from desktop_app.sheets.reading import Cell, NotASheet, Row, read_sheet
from desktop_app.sheets.table import Table, find_table
from desktop_app.sheets.values import (
    DateOrder,
    Unit,
    UnitNeeded,
    has_number_only,
    is_day_part,
    read_amount,
    read_category,
    read_date,
    read_kind,
    read_minutes,
    settle_order,
)

_MAIN = (Field.TIME, Field.HOURS, Field.MINUTES)
_PREP = (Field.PREP_HOURS, Field.PREP_MINUTES)
_TRAVEL = (Field.TRAVEL_HOURS, Field.TRAVEL_MINUTES)


@dataclass(frozen=True)
class ImportOptions:
    """What the person said: the sheet, column choices, units, the date order, and the
    person and project for rows that name none."""

    sheet: str | None = None
    columns: Mapping[Field, str | None] = field(default_factory=dict)
    units: Mapping[Field, Unit] = field(default_factory=dict)
    date_order: DateOrder | None = None
    person: str | None = None
    project: str | None = None


@dataclass
class PlannedRow:
    """One row as it will be saved: a time entry, a cost, or both."""

    row: int
    date: date
    #: The person's id, or "new:<folded name>" for a partner still to be added.
    person: str
    person_name: str
    project_id: str
    project_name: str
    kind: ActivityKind | None = None
    minutes: int = 0
    prep_minutes: int = 0
    travel_minutes: int = 0
    note: str = ""
    category: ExpenseCategory | None = None
    amount_minor: int = 0
    cost_note: str = ""
    #: How many rows above this one say exactly the same (for the fingerprint).
    time_nth: int = 0
    cost_nth: int = 0
    time_print: str = ""
    cost_print: str = ""
    time_here: bool = False
    cost_here: bool = False

    @property
    def has_time(self) -> bool:
        return self.kind is not None

    @property
    def has_cost(self) -> bool:
        return self.category is not None

    @property
    def already_here(self) -> bool:
        return (not self.has_time or self.time_here) and (not self.has_cost or self.cost_here)

    def as_dict(self) -> dict[str, object]:
        return {
            "row": self.row,
            "date": self.date.isoformat(),
            "person": self.person_name,
            "project": self.project_name,
            "kind": self.kind.value if self.kind else None,
            "minutes": self.minutes,
            "prep_minutes": self.prep_minutes,
            "travel_minutes": self.travel_minutes,
            "note": self.note,
            "category": self.category.value if self.category else None,
            "amount_minor": self.amount_minor,
            "already_here": self.already_here,
        }


@dataclass(frozen=True)
class Problem:
    row: int
    reason: str


@dataclass
class Plan:
    file_name: str
    sheet_name: str
    sheet_names: list[str]
    header_row: int
    columns: Columns
    date_order: DateOrder | None
    role: Role
    rows: list[PlannedRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    totals: list[int] = field(default_factory=list)
    #: Names of partners that are not in the records yet (a coordinator's app only).
    new_people: list[str] = field(default_factory=list)
    options: ImportOptions = field(default_factory=ImportOptions)
    path: Path | None = None

    @property
    def new_rows(self) -> list[PlannedRow]:
        return [r for r in self.rows if not r.already_here]

    @property
    def read(self) -> int:
        return len(self.rows) + len(self.problems)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file_name,
            "sheet": self.sheet_name,
            "columns": self.columns.as_dict(),
            "date_order": self.date_order.value if self.date_order else None,
            "rows_read": self.read,
            "new": len(self.new_rows),
            "already_here": len(self.rows) - len(self.new_rows),
            "skipped": len(self.problems),
            "skipped_rows": [{"row": p.row, "reason": p.reason} for p in self.problems],
            "totals_left_out": self.totals,
            "new_people": self.new_people,
            "rows": [r.as_dict() for r in self.rows],
        }


class _Projects:
    def __init__(self, session: Session, name: str | None) -> None:
        self.session = session
        self.chosen = projects.find_project(session, name) if name else None
        self._default: Project | None = self.chosen

    def default(self) -> Project:
        if self._default is None:
            try:
                self._default = projects.default_project(self.session)
            except InvalidInput as problem:
                raise InvalidInput(
                    problem.message, _("Say which project these records are for."), "project"
                ) from None
        return self._default

    def named(self, written: str) -> Project | None:
        if not written.strip():
            return self.default()
        found = projects.matching_projects(self.session, written)
        return found[0] if found else None


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _cell(row: Row, columns: Columns, wanted: Field) -> Cell:
    index = columns.where.get(wanted)
    return row[index] if index is not None and index < len(row) else None


def _check_units(table: Table, columns: Columns) -> None:
    """Ask (``UnitNeeded``) when a time column of bare numbers says no unit."""
    for wanted in TIME_FIELDS:
        if wanted not in columns.where or columns.unit_of(wanted) is not None:
            continue
        cells = [(n, _cell(row, columns, wanted)) for n, row in table.rows]
        rows = [n for n, cell in cells if has_number_only(cell)]
        if rows:
            day_parts = all(is_day_part(cell) for _n, cell in cells if has_number_only(cell))
            raise UnitNeeded(columns.header_of(wanted), rows, wanted.value, day_parts)


def _minutes(row: Row, columns: Columns, fields: tuple[Field, ...]) -> int:
    return sum(
        read_minutes(_cell(row, columns, f), columns.unit_of(f))
        for f in fields
        if f in columns.where
    )


def _joined(*parts: str) -> str:
    return " \u2014 ".join(part for part in parts if part)


def _plan_row(
    number: int,
    row: Row,
    columns: Columns,
    order: DateOrder | None,
    people: People,
    places: _Projects,
    today: date,
) -> PlannedRow | Problem | None:
    when = _cell(row, columns, Field.DATE)
    time_cells = [_cell(row, columns, f) for f in (*_MAIN, *_PREP, *_TRAVEL) if f in columns.where]
    has_time = any(c not in (None, "") for c in time_cells)
    cost_cell = _cell(row, columns, Field.AMOUNT)
    if when in (None, "") and not has_time:
        return None  # neither a date nor a time: not a record
    try:
        day = read_date(when, order)
    except InvalidInput as problem:
        return Problem(number, problem.message)
    if day > today:
        return Problem(number, _("The date is after today."))
    person, why = people.person_of(_text(_cell(row, columns, Field.PERSON)))
    if person is None:
        return Problem(number, why)
    project_text = _text(_cell(row, columns, Field.PROJECT))
    project = places.named(project_text)
    if project is None:
        return Problem(
            number, _("No project called \u201c{name}\u201d is here.").format(name=project_text)
        )
    planned = PlannedRow(number, day, person, "", project.id, project.name)
    note = _text(_cell(row, columns, Field.NOTE))
    try:
        main = _minutes(row, columns, _MAIN)
        prep = _minutes(row, columns, _PREP)
        travel = _minutes(row, columns, _TRAVEL)
        amount = read_amount(cost_cell)
    except InvalidInput as problem:
        return Problem(number, problem.message)
    if main + prep + travel > MAX_MINUTES:
        return Problem(number, _("All the time for one entry must add up to 24 hours or less."))
    if main == 0 and (prep or travel):
        return Problem(number, _("This row has time to get ready or travel, but no other time."))
    if main == 0 and amount == 0:
        return Problem(number, _("This row has no time and no cost."))
    if main:
        kind, words = read_kind(_cell(row, columns, Field.KIND))
        planned.kind = kind
        planned.minutes, planned.prep_minutes, planned.travel_minutes = main, prep, travel
        planned.note = _joined(words, note)
    if amount:
        category, words = read_category(_cell(row, columns, Field.CATEGORY))
        planned.category = category
        planned.amount_minor = amount
        planned.cost_note = _joined(words, note) if not main else _joined(words)
    if len(planned.note) > MAX_NOTE or len(planned.cost_note) > MAX_NOTE:
        return Problem(number, _("The note is too long. It can be up to 2000 characters."))
    return planned


def time_print(row: PlannedRow, person_id: str) -> str:
    assert row.kind is not None
    size = row.minutes * 10_000 + row.prep_minutes * 100 + row.travel_minutes
    return fingerprint("time", row.date, person_id, size, row.kind.value, row.note, row.time_nth)


def cost_print(row: PlannedRow, person_id: str) -> str:
    assert row.category is not None
    return fingerprint(
        "cost",
        row.date,
        person_id,
        row.amount_minor,
        row.category.value,
        row.cost_note,
        row.cost_nth,
    )


def _number_repeats(rows: list[PlannedRow]) -> None:
    """Count rows that say exactly the same, so two alike rows are two records."""
    times: Counter[tuple[object, ...]] = Counter()
    costs: Counter[tuple[object, ...]] = Counter()
    for row in rows:
        if row.has_time:
            key = (
                row.date,
                row.person,
                row.minutes,
                row.prep_minutes,
                row.travel_minutes,
                row.kind,
                row.note,
            )
            row.time_nth = times[key]
            times[key] += 1
        if row.has_cost:
            said = (row.date, row.person, row.amount_minor, row.category, row.cost_note)
            row.cost_nth = costs[said]
            costs[said] += 1


def fingerprint_rows(session: Session, rows: list[PlannedRow]) -> None:
    """Give each row its fingerprints, and mark what an earlier import brought in."""
    for row in rows:
        if row.person.startswith("new:"):
            continue  # a new partner's rows cannot be here yet; printed once they exist
        if row.has_time:
            row.time_print = time_print(row, row.person)
        if row.has_cost:
            row.cost_print = cost_print(row, row.person)
    found = already_here(session, [p for r in rows for p in (r.time_print, r.cost_print) if p])
    for row in rows:
        row.time_here = bool(row.time_print) and row.time_print in found
        row.cost_here = bool(row.cost_print) and row.cost_print in found


def plan_table(
    session: Session,
    table: Table,
    options: ImportOptions,
    *,
    file_name: str = "",
    sheet_name: str = "",
    sheet_names: list[str] | None = None,
) -> Plan:
    """Plan the rows of ``table``. Raises ``AmbiguousDateOrder`` or ``UnitNeeded`` when
    the person must be asked first, and ``NotASheet`` when the table has no dates."""
    data = [row for _n, row in table.rows]
    columns = with_choices(guess_columns(table.header, data), options.columns)
    for wanted, unit in options.units.items():
        columns.units[wanted] = unit
    if Field.DATE not in columns.where:
        raise NotASheet(
            _("This sheet has no column of dates."),
            _("Name the column Date, or choose it. Nothing was changed."),
        )
    if not any(f in columns.where for f in TIME_FIELDS) and Field.AMOUNT not in columns.where:
        raise NotASheet(
            _("This sheet has no column of hours or minutes."),
            _("Name the column Hours, or choose it. Nothing was changed."),
        )
    _check_units(table, columns)
    dates = [(n, _cell(row, columns, Field.DATE)) for n, row in table.rows]
    order = settle_order(dates, options.date_order)
    people = People.load(session, options.person)
    places = _Projects(session, options.project)
    plan = Plan(
        file_name,
        sheet_name,
        sheet_names or [sheet_name],
        table.header_row,
        columns,
        order,
        people.role,
        totals=list(table.totals),
        options=options,
    )
    today = clock.today()
    for number, row in table.rows:
        found = _plan_row(number, row, columns, order, people, places, today)
        if isinstance(found, Problem):
            plan.problems.append(found)
        elif found is not None:
            plan.rows.append(found)
    for planned in plan.rows:
        planned.person_name = people.name_of(planned.person, session)
    _number_repeats(plan.rows)
    fingerprint_rows(session, plan.rows)
    used = {r.person for r in plan.rows}
    plan.new_people = [name for key, name in people.new.items() if "new:" + key in used]
    return plan


def make_plan(session: Session, path: Path | str, options: ImportOptions | None = None) -> Plan:
    """Read the sheet at ``path`` and plan its import. Changes nothing."""
    options = options or ImportOptions()
    path = Path(path)
    names, sheet = read_sheet(path, options.sheet)
    table = find_table(sheet.rows)
    plan = plan_table(
        session, table, options, file_name=path.name, sheet_name=sheet.name, sheet_names=names
    )
    plan.path = path
    return plan
