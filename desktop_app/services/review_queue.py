"""What a coordinator has to look at: entries and expenses waiting for a decision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.model import Activity, Expense, Person, ReviewStatus

WAITING = (ReviewStatus.SUBMITTED, ReviewStatus.QUERIED)


@dataclass(frozen=True)
class QueueRow:
    id: str
    type: str  # "time" or "expense"
    person: str
    date: date
    what: str  # the kind or the category (enum value)
    minutes: int
    amount_minor: int
    currency: str
    status: str
    note: str
    status_note: str


def waiting_entries(session: Session, project_id: str | None = None) -> list[QueueRow]:
    """Sent entries and expenses that are not approved, rejected or paid yet, oldest first."""
    names = {pid: name for pid, name in session.execute(select(Person.id, Person.display_name))}
    time_query = select(Activity).where(Activity.deleted_at.is_(None), Activity.status.in_(WAITING))
    cost_query = select(Expense).where(Expense.deleted_at.is_(None), Expense.status.in_(WAITING))
    if project_id:
        time_query = time_query.where(Activity.project_id == project_id)
        cost_query = cost_query.where(Expense.project_id == project_id)
    rows = [
        QueueRow(
            a.id,
            "time",
            names.get(a.person_id, ""),
            a.date,
            a.kind.value,
            a.total_minutes,
            0,
            "",
            a.status.value,
            a.note,
            a.status_note,
        )
        for a in session.scalars(time_query)
    ]
    rows += [
        QueueRow(
            e.id,
            "expense",
            names.get(e.person_id, ""),
            e.date,
            e.category.value,
            0,
            e.amount_minor,
            e.currency,
            e.status.value,
            e.note,
            e.status_note,
        )
        for e in session.scalars(cost_query)
    ]
    rows.sort(key=lambda row: (row.date, row.person, row.id))
    return rows
