"""Correction requests: a partner changed an entry that is already paid or locked.

No file ever rewrites such an entry (``review.is_locked``). The merge keeps the change
apart and makes a request; the coordinator answers it here:

- ``pay_difference``: the request is marked "to pay", so what is owed can include it;
- ``keep_paid``: the paid version stays, and the partner is told.

Either answer travels to the partner in their next project file, where the entry's page
says what happened. Changes are stored as data ({"minutes": [60, 120]}) and put into
words only when shown, in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput, NotFound
from desktop_app.i18n import _, ngettext
from desktop_app.labels import field_label
from desktop_app.model import (
    Activity,
    CorrectionRequest,
    CorrectionStatus,
    ExchangeConflict,
    Expense,
    Person,
    ReviewStatus,
    utcnow,
)

#: Minute fields of a time entry; a change to any of them is told as the total.
MINUTE_FIELDS = ("minutes", "prep_minutes", "travel_minutes")
TOTAL = "total_minutes"
_FILE_TABLE = {"activities": "activity", "expenses": "expense"}


@dataclass(frozen=True)
class CorrectionView:
    """One request, for a screen or a command: who, which entry, what changed, and the
    coordinator's answer so far."""

    id: str
    person_id: str
    person_name: str
    record_id: str
    is_time: bool
    status: CorrectionStatus
    changes: dict[str, Any]
    #: The time the partner added (+) or took away (-), in minutes (0 for costs).
    minutes_difference: int
    #: The money the partner added or took away, in minor units (0 for time).
    amount_difference_minor: int
    currency: str
    received_at: datetime
    #: "Rosa changed an entry you already paid: 60 → 120 minutes."
    description: str


def _entry(session: Session, table_name: str, record_id: str) -> Activity | Expense | None:
    if table_name == "activities":
        return session.get(Activity, record_id)
    return session.get(Expense, record_id)


def _money(amount_minor: Any, currency: str) -> str:
    return f"{currency} {int(amount_minor or 0) / 100:,.2f}"


def change_words(changes: dict[str, Any], currency: str = "") -> str:
    """What changed, in plain words: "60 → 120 minutes", "the date and the note"."""
    if "deleted_at" in changes and changes["deleted_at"][1] is not None:
        return _("the entry was deleted")
    parts: list[str] = []
    if TOTAL in changes:
        before, after = changes[TOTAL]
        parts.append(
            ngettext(
                "{before} \u2192 {after} minute", "{before} \u2192 {after} minutes", after
            ).format(before=before, after=after)
        )
    if "amount_minor" in changes:
        before, after = changes["amount_minor"]
        cur = changes.get("currency", [currency, currency])
        parts.append(f"{_money(before, cur[0])} \u2192 {_money(after, cur[1])}")
    skip = {TOTAL, "amount_minor", "currency", "deleted_at", *MINUTE_FIELDS}
    others = [field_label(name).lower() for name in changes if name not in skip]
    if others:
        parts.append(_("a change to: {fields}").format(fields=", ".join(others)))
    return "; ".join(parts) or _("a small change")


def _view(session: Session, request: CorrectionRequest, names: dict[str, str]) -> CorrectionView:
    entry = _entry(session, request.table_name, request.record_id)
    currency = entry.currency if isinstance(entry, Expense) else ""
    changes = dict(request.changes)
    minutes = changes.get(TOTAL, [0, 0])
    amount = changes.get("amount_minor", [0, 0])
    who = names.get(request.person_id) or request.source_name
    words = change_words(changes, currency)
    if entry is not None and entry.status == ReviewStatus.PAID:
        text = _("{who} changed an entry you already paid: {change}.")
    else:
        text = _("{who} changed an entry in a closed pay period: {change}.")
    return CorrectionView(
        id=request.id,
        person_id=request.person_id,
        person_name=who,
        record_id=request.record_id,
        is_time=request.table_name == "activities",
        status=request.status,
        changes=changes,
        minutes_difference=int(minutes[1] or 0) - int(minutes[0] or 0),
        amount_difference_minor=int(amount[1] or 0) - int(amount[0] or 0),
        currency=currency,
        received_at=request.received_at,
        description=text.format(who=who, change=words),
    )


def correction_requests(
    session: Session, status: CorrectionStatus | None = None
) -> list[CorrectionView]:
    """The requests raised here by partners' files, oldest first. With ``status``, only
    those (``CorrectionStatus.TO_PAY``: the differences to pay)."""
    query = select(CorrectionRequest).where(CorrectionRequest.conflict_id.is_not(None))
    if status is not None:
        query = query.where(CorrectionRequest.status == status)
    names = {pid: name for pid, name in session.execute(select(Person.id, Person.display_name))}
    rows = session.scalars(query.order_by(CorrectionRequest.received_at, CorrectionRequest.id))
    return [_view(session, row, names) for row in rows]


def _decide(session: Session, request_id: str, status: CorrectionStatus, how: str) -> None:
    request = session.get(CorrectionRequest, request_id)
    if request is None or request.conflict_id is None:
        raise NotFound(_("That request could not be found."))
    if request.status != CorrectionStatus.OPEN:
        raise InvalidInput(_("This request is answered already."))
    request.status = status
    request.decided_at = utcnow()
    conflict = session.get(ExchangeConflict, request.conflict_id)
    if conflict is not None and conflict.resolved_at is None:
        conflict.resolved_at = request.decided_at
        conflict.resolution = how
    session.flush()


def pay_difference(session: Session, request_id: str) -> None:
    """Pay the difference: the entry stays as paid; the request is "to pay"."""
    _decide(session, request_id, CorrectionStatus.TO_PAY, "to_pay")


def keep_paid(session: Session, request_id: str) -> None:
    """Keep the paid version; the partner is told in their next project file."""
    _decide(session, request_id, CorrectionStatus.KEPT, "kept_paid")


def answers_for(session: Session, person_id: str | None) -> list[dict[str, Any]]:
    """The answered requests to send in a project file (for one partner, or everyone)."""
    query = select(CorrectionRequest).where(
        CorrectionRequest.conflict_id.is_not(None),
        CorrectionRequest.status != CorrectionStatus.OPEN,
    )
    if person_id:
        query = query.where(CorrectionRequest.person_id == person_id)
    return [
        {
            "table": _FILE_TABLE[row.table_name],
            "id": row.id,
            "record_id": row.record_id,
            "person_id": row.person_id,
            "status": row.status.value,
            "changes": row.changes,
            "decided_at": row.decided_at.isoformat() if row.decided_at else None,
        }
        for row in session.scalars(query.order_by(CorrectionRequest.id))
    ]


def answers_for_entry(session: Session, entry_id: str) -> list[str]:
    """What the coordinator answered to the partner's changes to this entry, in words."""
    rows = session.scalars(
        select(CorrectionRequest)
        .where(
            CorrectionRequest.record_id == entry_id,
            CorrectionRequest.status != CorrectionStatus.OPEN,
        )
        .order_by(CorrectionRequest.received_at, CorrectionRequest.id)
    )
    found = []
    for row in rows:
        entry = _entry(session, row.table_name, row.record_id)
        currency = entry.currency if isinstance(entry, Expense) else ""
        change = change_words(dict(row.changes), currency)
        if row.status == CorrectionStatus.TO_PAY:
            text = _(
                "You changed this entry after it was paid ({change}). "
                "Your coordinator will pay the difference."
            )
        else:
            text = _(
                "You changed this entry after it was paid ({change}). "
                "Your coordinator kept the paid version."
            )
        found.append(text.format(change=change))
    return found
