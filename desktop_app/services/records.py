"""The "My records" list: time entries and expenses together, newest first, by pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import String, Subquery, cast, func, literal, select, union_all
from sqlalchemy.orm import Session

from desktop_app.model import Activity, Expense

TIME = "time"
EXPENSE = "expense"


@dataclass(frozen=True)
class EntryRow:
    """One line of the records list (light, so 100,000 of them stay fast)."""

    id: str
    type: str
    date: date
    what: str
    minutes: int
    amount_minor: int
    currency: str
    status: str
    note: str
    project_id: str


def _union(person_id: str | None, project_id: str | None) -> Subquery:
    time = select(
        Activity.id,
        literal(TIME).label("type"),
        Activity.date,
        cast(Activity.kind, String).label("what"),
        (Activity.minutes + Activity.prep_minutes + Activity.travel_minutes).label("minutes"),
        literal(0).label("amount_minor"),
        literal("").label("currency"),
        cast(Activity.status, String).label("status"),
        Activity.note,
        Activity.project_id,
        Activity.created_at,
    ).where(Activity.deleted_at.is_(None))
    costs = select(
        Expense.id,
        literal(EXPENSE).label("type"),
        Expense.date,
        cast(Expense.category, String).label("what"),
        literal(0).label("minutes"),
        Expense.amount_minor,
        Expense.currency,
        cast(Expense.status, String).label("status"),
        Expense.note,
        Expense.project_id,
        Expense.created_at,
    ).where(Expense.deleted_at.is_(None))
    if person_id:
        time = time.where(Activity.person_id == person_id)
        costs = costs.where(Expense.person_id == person_id)
    if project_id:
        time = time.where(Activity.project_id == project_id)
        costs = costs.where(Expense.project_id == project_id)
    return union_all(time, costs).subquery()


def entry_rows(
    session: Session,
    person_id: str | None,
    project_id: str | None = None,
    offset: int = 0,
    limit: int = 200,
) -> list[EntryRow]:
    entries = _union(person_id, project_id)
    query = (
        select(entries)
        .order_by(entries.c.date.desc(), entries.c.created_at.desc(), entries.c.id)
        .offset(offset)
        .limit(limit)
    )
    return [
        EntryRow(
            id=row.id,
            type=row.type,
            date=row.date,
            what=row.what,
            minutes=int(row.minutes),
            amount_minor=int(row.amount_minor),
            currency=row.currency,
            status=row.status,
            note=row.note,
            project_id=row.project_id,
        )
        for row in session.execute(query)
    ]


def count_entries(session: Session, person_id: str | None, project_id: str | None = None) -> int:
    entries = _union(person_id, project_id)
    return session.scalar(select(func.count()).select_from(entries)) or 0
