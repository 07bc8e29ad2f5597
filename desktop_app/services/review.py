"""A coordinator's review of entries and expenses, and closing pay periods.

Review status belongs to the coordinator and travels to partners in project files. It
has its own revision, ``review_rev``, apart from ``rev`` (which counts the partner's own
changes), so a review never collides with the partner's edits. That is why these
functions raise ``review_rev`` rather than calling ``lifecycle.touch``; pay periods are
ordinary synced records and go through ``lifecycle``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.errors import InvalidInput, NotFound
from desktop_app.i18n import _
from desktop_app.model import Activity, Expense, PayPeriod, Project, ReviewStatus, new_id
from desktop_app.services import lifecycle
from desktop_app.services.owed import owed
from desktop_app.services.validation import MAX_NOTE, check_date, check_period, clean_text


class Decision(StrEnum):
    APPROVE = "approve"
    QUERY = "query"
    REJECT = "reject"


_RESULT = {
    Decision.APPROVE: ReviewStatus.APPROVED,
    Decision.QUERY: ReviewStatus.QUERIED,
    Decision.REJECT: ReviewStatus.REJECTED,
}

Entry = Activity | Expense


def touch_review(entry: Entry) -> None:
    """Record that the coordinator's field group of ``entry`` changed here."""
    entry.review_rev = (entry.review_rev or 0) + 1


def find_entry(session: Session, entry_id: str) -> Entry:
    """A live time entry or expense by id."""
    candidates: list[Entry | None] = [
        session.get(Activity, entry_id),
        session.get(Expense, entry_id),
    ]
    for found in candidates:
        if found is not None and found.deleted_at is None:
            return found
    raise NotFound(
        _("No entry or expense has the id \u201c{id}\u201d.").format(id=entry_id.strip())
    )


def review(
    session: Session, entry_ids: Iterable[str], decision: Decision | str, note: str = ""
) -> list[Entry]:
    """Approve, query (with a note) or reject entries and expenses, one or many.

    All or nothing: if one cannot be reviewed, none is changed (the caller's transaction
    is rolled back by the error)."""
    try:
        chosen = Decision(decision)
    except ValueError:
        raise InvalidInput(_("Choose approve, query or reject."), field="decision") from None
    text = clean_text(note, "note", _("the note"), MAX_NOTE, required=chosen == Decision.QUERY)
    entries = [find_entry(session, entry_id) for entry_id in dict.fromkeys(entry_ids)]
    if not entries:
        raise InvalidInput(_("Choose at least one entry."))
    for entry in entries:
        if entry.status == ReviewStatus.PAID or entry.pay_period_id is not None:
            raise InvalidInput(
                _("An entry from {day} is in a closed pay period, so its review is final.").format(
                    day=entry.date.isoformat()
                )
            )
    status = _RESULT[chosen]
    for entry in entries:
        if entry.status != status or entry.status_note != text:
            entry.status = status
            entry.status_note = text
            touch_review(entry)
    session.flush()
    return entries


class UnpaidInPeriod(InvalidInput):
    """Closing would lock approved time that is not paid yet: the person must confirm."""

    def __init__(self, waiting: list[Any]) -> None:
        names = ", ".join(dict.fromkeys(item.person for item in waiting))
        super().__init__(
            _("Approved time in this period is not paid yet, for: {names}.").format(names=names),
            _("Nothing was changed. Pay it first, or confirm to close the period anyway."),
            field="end",
        )
        #: What each partner is still owed in the period (``owed.Owed``).
        self.waiting = waiting


def overlapping_period(
    session: Session, project_id: str, start: date, end: date
) -> PayPeriod | None:
    """A closed pay period of the project that shares a day with ``start``..``end``."""
    return session.scalars(
        select(PayPeriod)
        .where(
            PayPeriod.project_id == project_id,
            PayPeriod.deleted_at.is_(None),
            PayPeriod.period_start <= end,
            PayPeriod.period_end >= start,
        )
        .order_by(PayPeriod.period_start, PayPeriod.id)
        .limit(1)
    ).first()


def close_period(
    session: Session,
    project_id: str,
    start: date,
    end: date,
    closed_on: date | None = None,
    note: str = "",
    confirm: bool = False,
) -> PayPeriod:
    """Close a project's pay period: every entry in it is locked, so later partner files
    raise conflicts instead of changing them. Closing never pays anything.

    Raises ``UnpaidInPeriod`` (listing who is still owed) unless ``confirm`` when approved
    time in the period is not paid yet. Dates that overlap a period already closed for
    the project are refused."""
    lifecycle.get_live(session, Project, project_id, _("project"))
    check_period(start, end)
    check_date(start, "start")
    check_date(end, "end")
    clash = overlapping_period(session, project_id, start, end)
    if clash is not None:
        raise InvalidInput(
            _("A pay period from {start} to {end} is already closed for this project.").format(
                start=clash.period_start.isoformat(), end=clash.period_end.isoformat()
            ),
            _("Nothing was changed. Choose dates after it."),
            field="start",
        )
    waiting = owed(session, project_id=project_id, start=start, end=end)
    if waiting and not confirm:
        raise UnpaidInPeriod(waiting)
    period = PayPeriod(
        id=new_id(),
        project_id=project_id,
        period_start=start,
        period_end=end,
        closed_on=check_date(closed_on or clock.today(), "closed_on"),
        note=clean_text(note, "note", _("the note"), MAX_NOTE, False),
    )
    lifecycle.stamp_new(session, period)
    session.flush()
    entries: list[Entry] = [
        *session.scalars(select(Activity).where(*_covered(Activity, project_id, start, end))),
        *session.scalars(select(Expense).where(*_covered(Expense, project_id, start, end))),
    ]
    for entry in entries:
        entry.pay_period_id = period.id
        touch_review(entry)
    session.flush()
    return period


def _covered(model: Any, project_id: str, start: date, end: date) -> list[Any]:
    return [
        model.project_id == project_id,
        model.deleted_at.is_(None),
        model.pay_period_id.is_(None),
        model.date >= start,
        model.date <= end,
    ]


def pay_periods(session: Session, project_id: str | None = None) -> list[PayPeriod]:
    query = select(PayPeriod).where(PayPeriod.deleted_at.is_(None))
    if project_id:
        query = query.where(PayPeriod.project_id == project_id)
    return list(session.scalars(query.order_by(PayPeriod.period_start, PayPeriod.id)))


def is_locked(entry: Entry) -> bool:
    """Paid, or in a closed pay period: the partner's fields can no longer change."""
    return entry.status == ReviewStatus.PAID or entry.pay_period_id is not None
