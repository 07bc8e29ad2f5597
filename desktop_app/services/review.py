"""A coordinator's review of entries and expenses, and closing pay periods.

Review status belongs to the coordinator and travels to partners in project files. It
has its own revision, ``review_rev``, apart from ``rev`` (which counts the partner's own
changes), so a review never collides with the partner's edits. That is why these
functions raise ``review_rev`` rather than calling ``lifecycle.touch``; pay periods are
ordinary synced records and go through ``lifecycle``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.errors import InvalidInput, NotFound
from desktop_app.i18n import _
from desktop_app.labels import label
from desktop_app.model import (
    Activity,
    ExchangeState,
    Expense,
    PayPeriod,
    Project,
    ReviewStatus,
    new_id,
)
from desktop_app.services import lifecycle
from desktop_app.services.concurrency import ChangedFirst, write_if_unchanged
from desktop_app.services.owed import owed
from desktop_app.services.validation import MAX_NOTE, check_date, check_period, clean_text
from desktop_app.storage.server_db import others_may_add_the_same


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

#: Decisions that must say why: the partner reads the note in their next project file.
NEEDS_NOTE = (Decision.QUERY, Decision.REJECT)
#: ExchangeState key (one per partner) of the rejections not yet sent to them, with
#: what each entry was before, so a rejection can be undone until the next file goes.
_UNSENT = "unsent_rejections:"


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
    session: Session,
    entry_ids: Iterable[str],
    decision: Decision | str,
    note: str = "",
    seen: Mapping[str, int] | None = None,
) -> list[Entry]:
    """Approve, query (with a note) or reject (with the reason) entries and expenses,
    one or many. The note travels to the partner in their next project file, and a
    rejection can be undone until then (``undo_reject``).

    ``seen`` gives the ``review_rev`` of each entry as the coordinator saw it: if someone
    else reviewed one since, ``ChangedFirst`` says so and nothing is saved. Each entry is
    written only if it is still at the revision read (``UPDATE ... WHERE review_rev =``).

    All or nothing: if one cannot be reviewed, none is changed (the caller's transaction
    is rolled back by the error)."""
    try:
        chosen = Decision(decision)
    except ValueError:
        raise InvalidInput(_("Choose approve, query or reject."), field="decision") from None
    what = _("why you do not accept it") if chosen == Decision.REJECT else _("the note")
    text = clean_text(note, "note", what, MAX_NOTE, required=chosen in NEEDS_NOTE)
    entries = [find_entry(session, entry_id) for entry_id in dict.fromkeys(entry_ids)]
    if not entries:
        raise InvalidInput(_("Choose at least one entry."))
    for entry in entries:
        if is_locked(entry):
            raise InvalidInput(
                _("An entry from {day} is in a closed pay period, so its review is final.").format(
                    day=entry.date.isoformat()
                )
            )
    for entry in entries:
        if seen is not None and entry.id in seen and entry.review_rev != seen[entry.id]:
            raise ChangedFirst(_changed_words(entry))
    status = _RESULT[chosen]
    # Another coordinator reviewing this partner at the same moment may add the same
    # note of what a rejection undoes; whoever saves second then runs again.
    others_may_add_the_same(session)
    for entry in entries:
        if entry.status != status or entry.status_note != text:
            _remember_for_undo(session, entry, status)
            session.flush()
            write_if_unchanged(
                session,
                entry,
                "review_rev",
                seen.get(entry.id, entry.review_rev) if seen else entry.review_rev,
                {"status": status, "status_note": text},
                _changed_words(entry),
            )
    session.flush()
    return entries


def _changed_words(entry: Entry) -> str:
    """What someone else made of ``entry``, for ``ChangedFirst``."""
    return _("the entry from {day} is now \u201c{status}\u201d").format(
        day=entry.date.isoformat(), status=label(entry.status)
    )


def _unsent(session: Session, person_id: str) -> dict[str, list[str]]:
    row = session.get(ExchangeState, _UNSENT + person_id)
    found: dict[str, list[str]] = json.loads(row.value) if row is not None and row.value else {}
    return found


def _set_unsent(session: Session, person_id: str, found: dict[str, list[str]]) -> None:
    value = json.dumps(found, sort_keys=True) if found else ""
    session.merge(ExchangeState(key=_UNSENT + person_id, value=value))


def _remember_for_undo(session: Session, entry: Entry, status: ReviewStatus) -> None:
    """Keep what a rejected entry was before, until the next file goes to the partner."""
    found = _unsent(session, entry.person_id)
    if status == ReviewStatus.REJECTED and entry.id not in found:
        found[entry.id] = [entry.status.value, entry.status_note]
    elif status != ReviewStatus.REJECTED:
        found.pop(entry.id, None)
    else:
        return
    _set_unsent(session, entry.person_id, found)


def can_undo_reject(session: Session, entry: Entry) -> bool:
    """Whether this rejection has not yet gone to the partner in a file."""
    return entry.status == ReviewStatus.REJECTED and entry.id in _unsent(session, entry.person_id)


def undo_reject(session: Session, entry_id: str) -> Entry:
    """Put a rejected entry back as it was before (waiting, or with its question), as
    long as no file has gone to the partner since."""
    entry = find_entry(session, entry_id)
    found = _unsent(session, entry.person_id)
    if entry.status != ReviewStatus.REJECTED:
        raise InvalidInput(_("This entry is not rejected, so there is nothing to undo."))
    if entry.id not in found:
        raise InvalidInput(
            _("This rejection was already sent to the partner, so it cannot be undone."),
            _("Review the entry again if you changed your mind."),
        )
    status, note = found.pop(entry.id)
    entry.status = ReviewStatus(status)
    entry.status_note = note
    touch_review(entry)
    _set_unsent(session, entry.person_id, found)
    session.flush()
    return entry


def undo_rejects(session: Session, entry_ids: Iterable[str]) -> list[Entry]:
    """Undo several rejections at once: all of them, or none if one cannot be undone."""
    return [undo_reject(session, entry_id) for entry_id in dict.fromkeys(entry_ids)]


def file_sent_to(session: Session, person_id: str | None) -> None:
    """A project file was made for this partner (None: for every partner). Their
    rejections are on their way, so they can no longer be undone."""
    query = select(ExchangeState).where(ExchangeState.key.startswith(_UNSENT, autoescape=True))
    if person_id is not None:
        query = query.where(ExchangeState.key == _UNSENT + person_id)
    for row in session.scalars(query):
        row.value = ""
    session.flush()


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
    check_date(start, "start", ahead=True)
    check_date(end, "end", ahead=True)
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


def is_locked(entry: Entry | Mapping[str, Any]) -> bool:
    """Whether an entry is paid or in a closed pay period, so nothing may rewrite it.

    The one place that says what "locked" means. Takes an entry or its values as a
    mapping (the merge works on plain dicts)."""
    if isinstance(entry, Mapping):
        status, period = entry.get("status"), entry.get("pay_period_id")
    else:
        status, period = entry.status, entry.pay_period_id
    return status == ReviewStatus.PAID or period is not None
