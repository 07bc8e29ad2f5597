"""Save a planned import, all or nothing, after a checked backup; and undo an import.

The caller owns the transaction (``Workspace.call`` or ``session_for``): if any row
fails, nothing of the import is kept. Each row's fingerprint is stored, so the same
sheet brought in again adds nothing. Undo removes exactly what one import added, as long
as none of it has been sent (or reviewed, paid or locked since).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput, NotFound
from desktop_app.i18n import _, ngettext
from desktop_app.model import (
    Activity,
    Expense,
    Person,
    ReviewStatus,
    Role,
    SheetImport,
    SheetRow,
    new_id,
    utcnow,
)
from desktop_app.services import activities, bulk_entries, expenses, lifecycle, profile
from desktop_app.services.bulk_entries import NewActivity, NewExpense
from desktop_app.sheets.fingerprints import already_here
from desktop_app.sheets.preview import Plan, cost_print, time_print
from desktop_app.sheets.words import fold
from desktop_app.storage.backup import snapshot
from desktop_app.storage.sqlite_uri import database_file

log = logging.getLogger("partner_log.sheets")

R = TypeVar("R", Activity, Expense)


class NewPeopleNeedConfirmation(InvalidInput):
    """The sheet names partners who are not in the records yet."""


@dataclass(frozen=True)
class ImportDone:
    #: "" when nothing was new, so nothing was saved (and there is nothing to undo).
    import_id: str
    activities: int
    expenses: int
    already_here: int
    skipped: int
    people_added: int
    backup: Path | None


@dataclass(frozen=True)
class UndoDone:
    activities: int
    expenses: int
    people: int


def _backup(session: Session) -> Path | None:
    path = database_file(session.get_bind().engine.url)
    if path is None:
        return None
    session.flush()
    return snapshot(path.parent, path, "before-import")


def new_people_words(names: list[str]) -> str:
    return ngettext(
        "This partner is not in your records yet: {names}.",
        "These partners are not in your records yet: {names}.",
        len(names),
    ).format(names=", ".join(names))


def apply_plan(
    session: Session, plan: Plan, *, add_people: bool = False, backup: bool = True
) -> ImportDone:
    """Save ``plan``'s new rows in the caller's transaction, after a checked backup.

    Partners the sheet names who are not here yet are added only with ``add_people``;
    otherwise ``NewPeopleNeedConfirmation`` is raised and nothing is changed."""
    if plan.new_people and not add_people:
        raise NewPeopleNeedConfirmation(
            new_people_words(plan.new_people),
            _("Say yes to add them (--yes), or fix their names. Nothing was changed."),
            field="people",
        )
    if not plan.new_people:
        wanted = [p for r in plan.rows for p in (r.time_print, r.cost_print) if p]
        if set(wanted) <= already_here(session, wanted):
            # Nothing is new (the same sheet again): no backup, and no import to undo.
            return ImportDone("", 0, 0, len(wanted), len(plan.problems), 0, None)
    saved = _backup(session) if backup else None
    batch = SheetImport(
        id=new_id(),
        file_name=plan.file_name[:300],
        sheet_name=plan.sheet_name[:200],
        made_at=utcnow(),
        activities=0,
        expenses=0,
        people_added=[],
    )
    session.add(batch)
    made: dict[str, str] = {}
    for name in plan.new_people:
        person = profile.add_person(session, name, Role.PARTNER)
        made["new:" + fold(name)] = person.id
    batch.people_added = list(made.values())  # a new list: changes inside one go unseen
    session.flush()
    # Fingerprints are read again here, in this transaction, so a sheet brought in
    # twice at the same time still adds its rows once.
    for row in plan.rows:
        if row.person.startswith("new:"):
            row.person = made[row.person]
            row.time_print = time_print(row, row.person) if row.has_time else ""
            row.cost_print = cost_print(row, row.person) if row.has_cost else ""
    here = already_here(session, [p for r in plan.rows for p in (r.time_print, r.cost_print) if p])
    times, costs, kept, same = _new_records(plan, batch.id, here)
    bulk_entries.record_activities(session, times)
    bulk_entries.record_expenses(session, costs)
    if kept:
        session.execute(insert(cast(Table, SheetRow.__table__)), kept)
    batch.activities, batch.expenses = len(times), len(costs)
    session.flush()
    log.info("a sheet import added %d time entries and %d costs", len(times), len(costs))
    return ImportDone(batch.id, len(times), len(costs), same, len(plan.problems), len(made), saved)


def _new_records(
    plan: Plan, import_id: str, here: set[str]
) -> tuple[list[NewActivity], list[NewExpense], list[dict[str, str | None]], int]:
    """The time entries and costs of ``plan`` that are not ``here`` yet; the sheet rows
    that keep each one's fingerprint with its id; and how many were here already."""
    times: list[NewActivity] = []
    costs: list[NewExpense] = []
    kept: list[dict[str, str | None]] = []
    same = 0
    for row in plan.rows:
        if row.has_time and row.time_print not in here:
            entry = NewActivity(
                date=row.date,
                minutes=row.minutes,
                kind=row.kind,  # type: ignore[arg-type]
                prep_minutes=row.prep_minutes,
                travel_minutes=row.travel_minutes,
                note=row.note,
                project_id=row.project_id,
                person_id=row.person,
            )
            times.append(entry)
            kept.append(_sheet_row(row.time_print, import_id, activity_id=entry.id))
            here.add(row.time_print)
        elif row.has_time:
            same += 1
        if row.has_cost and row.cost_print not in here:
            cost = NewExpense(
                date=row.date,
                category=row.category,  # type: ignore[arg-type]
                amount_minor=row.amount_minor,
                note=row.cost_note,
                project_id=row.project_id,
                person_id=row.person,
            )
            costs.append(cost)
            kept.append(_sheet_row(row.cost_print, import_id, expense_id=cost.id))
            here.add(row.cost_print)
        elif row.has_cost:
            same += 1
    return times, costs, kept, same


def _sheet_row(
    fingerprint: str,
    import_id: str,
    activity_id: str | None = None,
    expense_id: str | None = None,
) -> dict[str, str | None]:
    return {
        "fingerprint": fingerprint,
        "import_id": import_id,
        "activity_id": activity_id,
        "expense_id": expense_id,
    }


def list_imports(session: Session) -> list[SheetImport]:
    """Every import, newest first (undone ones too)."""
    return list(session.scalars(select(SheetImport).order_by(SheetImport.made_at.desc())))


def _moved_on(record: Activity | Expense) -> bool:
    return record.status != ReviewStatus.DRAFT or record.pay_period_id is not None


def undo_import(session: Session, import_id: str) -> UndoDone:
    """Remove exactly what the import ``import_id`` added (and the partners it added,
    when nothing else of theirs is left). Refused once any of it has been sent."""
    batch = session.get(SheetImport, import_id)
    if batch is None:
        raise NotFound(_("Nothing was brought in with that number."), field="import")
    if batch.undone_at is not None:
        raise InvalidInput(_("These records were already taken out."), _("Nothing was changed."))
    rows = list(session.scalars(select(SheetRow).where(SheetRow.import_id == batch.id)))
    time_entries = _load(session, Activity, [r.activity_id for r in rows if r.activity_id])
    costs = _load(session, Expense, [r.expense_id for r in rows if r.expense_id])
    entries: list[Activity | Expense] = [*time_entries, *costs]
    live = [e for e in entries if e.deleted_at is None]
    if any(_moved_on(entry) for entry in live):
        raise InvalidInput(
            _("Some of these records have been sent, so they cannot be taken out."),
            _("Nothing was changed. Delete single entries in My records instead."),
        )
    gone_time = gone_cost = 0
    for entry in live:
        if isinstance(entry, Activity):
            activities.delete_activity(session, entry.id)
            gone_time += 1
        else:
            expenses.delete_expense(session, entry.id)
            gone_cost += 1
    for row in rows:
        session.delete(row)
    gone_people = 0
    session.flush()
    for person_id in batch.people_added:
        if not _has_records(session, person_id):
            lifecycle.delete(session, Person, person_id, _("person"))
            gone_people += 1
    batch.undone_at = utcnow()
    session.flush()
    log.info("a sheet import was undone")
    return UndoDone(gone_time, gone_cost, gone_people)


def _load(session: Session, model: type[R], ids: list[str]) -> list[R]:
    """The records with these ids, 500 to a query (not one query a record), held in the
    session so that the services find them there."""
    found: list[R] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found += session.scalars(select(model).where(model.id.in_(chunk)))
    return found


def _has_records(session: Session, person_id: str) -> bool:
    for model in (Activity, Expense):
        found = session.scalar(
            select(model.id).where(model.person_id == person_id, model.deleted_at.is_(None))
        )
        if found is not None:
            return True
    return False
