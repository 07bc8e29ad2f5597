"""The "My records" list: time entries and expenses together, newest first, by pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    Subquery,
    and_,
    cast,
    func,
    literal,
    or_,
    select,
    union_all,
)
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
    #: When it was typed in: with ``date`` and ``id``, its place in the list.
    created_at: datetime


def _keyset(model: type[Activity] | type[Expense], after: EntryRow) -> ColumnElement[bool]:
    """Rows that come after ``after`` in the list's order (newest first).

    ``date <= after.date`` is written out on its own so the database can seek straight
    to the place in its index, however deep the page.
    """
    later = or_(
        model.date < after.date,
        model.created_at < after.created_at,
        and_(model.created_at == after.created_at, model.id > after.id),
    )
    return and_(model.date <= after.date, later)


def _branches(
    person_id: str | None, project_id: str | None, after: EntryRow | None, limit: int | None
) -> Subquery:
    """Time entries and expenses, each already cut to its own first ``limit`` rows.

    Each side is ordered and limited on its own, through its (person, date) or date
    index, so a page never has to sort every entry there is.
    """
    sides = []
    for model, kind, what, minutes, amount, currency in (
        (
            Activity,
            TIME,
            Activity.kind,
            Activity.minutes + Activity.prep_minutes + Activity.travel_minutes,
            literal(0),
            literal(""),
        ),
        (Expense, EXPENSE, Expense.category, literal(0), Expense.amount_minor, Expense.currency),
    ):
        query = select(
            model.id,
            literal(kind).label("type"),
            model.date,
            cast(what, String).label("what"),
            minutes.label("minutes"),
            amount.label("amount_minor"),
            currency.label("currency"),
            cast(model.status, String).label("status"),
            model.note,
            model.project_id,
            model.created_at,
        ).where(model.deleted_at.is_(None))
        if person_id:
            query = query.where(model.person_id == person_id)
        if project_id:
            query = query.where(model.project_id == project_id)
        if after is not None:
            query = query.where(_keyset(model, after))
        if limit is not None:
            query = query.order_by(*_order(model.date, model.created_at, model.id)).limit(limit)
        sides.append(select(query.subquery()))
    return union_all(*sides).subquery()


def _order(day: Any, created: Any, row_id: Any) -> tuple[Any, ...]:
    return day.desc(), created.desc(), row_id


def entry_rows(
    session: Session,
    person_id: str | None,
    project_id: str | None = None,
    offset: int = 0,
    limit: int = 200,
    after: EntryRow | None = None,
) -> list[EntryRow]:
    """One page of the list, newest first.

    Pass the last row of the page before as ``after`` to get the next page: that costs
    the same at the end of 100,000 entries as at the start. ``offset`` also works, but
    the database then reads every row before the page.
    """
    entries = _branches(person_id, project_id, after, offset + limit)
    query = (
        select(entries)
        .order_by(*_order(entries.c.date, entries.c.created_at, entries.c.id))
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
            created_at=row.created_at,
        )
        for row in session.execute(query)
    ]


def count_entries(session: Session, person_id: str | None, project_id: str | None = None) -> int:
    entries = _branches(person_id, project_id, None, None)
    return session.scalar(select(func.count()).select_from(entries)) or 0
