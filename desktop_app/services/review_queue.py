"""What a coordinator has to look at: entries and expenses waiting for a decision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.model import Activity, Expense, Person, Project, ReviewStatus

WAITING = (ReviewStatus.SUBMITTED, ReviewStatus.QUERIED)


@dataclass(frozen=True)
class QueueRow:
    """One waiting entry or expense, with everything the review screen shows of it.

    ``note`` is the partner's own note; ``status_note`` is the coordinator's question
    (or reason), kept apart so that one never hides the other.
    """

    id: str
    type: str  # "time" or "expense"
    person: str
    date: date
    what: str  # the kind or the category (enum value)
    minutes: int  # for time: the whole time, getting ready and travel included
    amount_minor: int
    currency: str
    status: str
    note: str
    status_note: str
    person_id: str = ""
    project_id: str = ""
    project: str = ""
    mode: str = ""  # for time: how it was done (enum value)
    work_minutes: int = 0  # for time: the time itself, without getting ready or travel
    prep_minutes: int = 0
    travel_minutes: int = 0
    products: tuple[str, ...] = ()  # for time: titles of the products it was for
    has_receipt: bool = False  # for an expense
    #: The review's revision as read: a decision is saved only if it is still this one
    #: (``review.review(..., seen=...)``), so no one's decision is lost.
    review_rev: int = 0


def waiting_entries(session: Session, project_id: str | None = None) -> list[QueueRow]:
    """Sent entries and expenses that are not approved, rejected or paid yet, oldest first."""
    names = {pid: name for pid, name in session.execute(select(Person.id, Person.display_name))}
    project_names = {pid: name for pid, name in session.execute(select(Project.id, Project.name))}
    time_query = select(Activity).where(Activity.deleted_at.is_(None), Activity.status.in_(WAITING))
    cost_query = select(Expense).where(Expense.deleted_at.is_(None), Expense.status.in_(WAITING))
    if project_id:
        time_query = time_query.where(Activity.project_id == project_id)
        cost_query = cost_query.where(Expense.project_id == project_id)
    rows = [
        QueueRow(
            id=a.id,
            type="time",
            person=names.get(a.person_id, ""),
            date=a.date,
            what=a.kind.value,
            minutes=a.total_minutes,
            amount_minor=0,
            currency="",
            status=a.status.value,
            note=a.note,
            status_note=a.status_note,
            person_id=a.person_id,
            project_id=a.project_id,
            project=project_names.get(a.project_id, ""),
            mode=a.mode.value,
            work_minutes=a.minutes,
            prep_minutes=a.prep_minutes,
            travel_minutes=a.travel_minutes,
            products=tuple(p.title for p in a.products if p.deleted_at is None),
            review_rev=a.review_rev,
        )
        for a in session.scalars(time_query)
    ]
    rows += [
        QueueRow(
            id=e.id,
            type="expense",
            person=names.get(e.person_id, ""),
            date=e.date,
            what=e.category.value,
            minutes=0,
            amount_minor=e.amount_minor,
            currency=e.currency,
            status=e.status.value,
            note=e.note,
            status_note=e.status_note,
            person_id=e.person_id,
            project_id=e.project_id,
            project=project_names.get(e.project_id, ""),
            has_receipt=bool(e.receipt_path),
            review_rev=e.review_rev,
        )
        for e in session.scalars(cost_query)
    ]
    rows.sort(key=lambda row: (row.date, row.person, row.id))
    return rows
