"""Many time entries or expenses saved at once, as fast as the database allows.

Each entry is checked exactly as ``activities.record_activity`` and
``expenses.record_expense`` check one (their ``check_fields``), and gets the same id,
revision, origin and times. The people and projects they name are looked up once each,
not once a row. Nothing is written until every entry has passed; then all of them go in
one ``INSERT`` run many times, in the caller's transaction.

The saved rows are not loaded into the session: read them back by id when needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from desktop_app.i18n import _
from desktop_app.model import (
    Activity,
    ActivityKind,
    ActivityMode,
    Expense,
    ExpenseCategory,
    Person,
    Project,
    ReviewStatus,
    new_id,
    utcnow,
)
from desktop_app.services import activities, expenses, lifecycle


@dataclass
class NewActivity:
    """A time entry still to be saved: the same fields ``record_activity`` takes."""

    date: date
    minutes: int
    kind: ActivityKind
    project_id: str
    person_id: str
    mode: ActivityMode = ActivityMode.VIDEO
    prep_minutes: int = 0
    travel_minutes: int = 0
    note: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class NewExpense:
    """An expense still to be saved (no receipt): the fields ``record_expense`` takes.
    An empty ``currency`` means the project's own."""

    date: date
    category: ExpenseCategory
    amount_minor: int
    project_id: str
    person_id: str
    note: str = ""
    currency: str = ""
    id: str = field(default_factory=new_id)


def _stamp(session: Session) -> dict[str, object]:
    """What ``lifecycle.stamp_new`` and the review fields give every new record."""
    now = utcnow()
    return {
        "created_at": now,
        "updated_at": now,
        "rev": 1,
        "origin": lifecycle.origin_of(session),
        "deleted_at": None,
        "status": ReviewStatus.DRAFT,
        "status_note": "",
        "review_rev": 0,
        "pay_period_id": None,
    }


def _projects(session: Session, ids: set[str]) -> dict[str, Project]:
    return {pid: lifecycle.get_live(session, Project, pid, _("project")) for pid in ids}


def _check_people(session: Session, ids: set[str]) -> None:
    for pid in ids:
        lifecycle.get_live(session, Person, pid, _("person"))


def record_activities(session: Session, entries: Sequence[NewActivity]) -> list[str]:
    """Save every entry, or raise ``InvalidInput`` for the first bad one and save none.
    Returns their ids, in order."""
    for entry in entries:
        activities.check_fields(entry)
    _projects(session, {e.project_id for e in entries})
    _check_people(session, {e.person_id for e in entries})
    if not entries:
        return []
    stamp = _stamp(session)
    rows = [
        {
            **stamp,
            "id": e.id,
            "person_id": e.person_id,
            "project_id": e.project_id,
            "date": e.date,
            "kind": e.kind,
            "mode": e.mode,
            "minutes": e.minutes,
            "prep_minutes": e.prep_minutes,
            "travel_minutes": e.travel_minutes,
            "note": e.note,
        }
        for e in entries
    ]
    session.flush()
    session.execute(insert(cast(Table, Activity.__table__)), rows)
    return [e.id for e in entries]


def record_expenses(session: Session, entries: Sequence[NewExpense]) -> list[str]:
    """Save every expense, or raise ``InvalidInput`` for the first bad one and save none.
    Returns their ids, in order."""
    places = _projects(session, {e.project_id for e in entries})
    for entry in entries:
        entry.currency = entry.currency or places[entry.project_id].currency
        expenses.check_fields(entry)
    _check_people(session, {e.person_id for e in entries})
    if not entries:
        return []
    stamp = _stamp(session)
    rows = [
        {
            **stamp,
            "id": e.id,
            "person_id": e.person_id,
            "project_id": e.project_id,
            "date": e.date,
            "category": e.category,
            "amount_minor": e.amount_minor,
            "currency": e.currency,
            "note": e.note,
            "receipt_path": "",
        }
        for e in entries
    ]
    session.flush()
    session.execute(insert(cast(Table, Expense.__table__)), rows)
    return [e.id for e in entries]
