"""Payments a coordinator made, the entries each one pays, and recognition beyond pay.

A payment for time (compensation) pays the approved time entries it is linked to; a
payment of costs (reimbursement) pays approved expenses. An entry is paid only while a
live payment links it, and the database refuses a second live link. Payments are never
deleted: a mistaken one is voided with a reason, and its entries are owed again. The
partner's choice to decline pay is recorded the same way: a payment with the method
"declined" and no amount, linked to the entries it covers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput
from desktop_app.i18n import _
from desktop_app.model import (
    Activity,
    Expense,
    Payment,
    PaymentEntry,
    PaymentKind,
    PaymentMethod,
    Person,
    Project,
    Recognition,
    RecognitionKind,
    ReviewStatus,
    new_id,
    utcnow,
)
from desktop_app.services import lifecycle
from desktop_app.services.money_text import money as money_text
from desktop_app.services.owed import has_live_link, owed_for, payable_activities, payable_expenses
from desktop_app.services.pay_rules import rules_for
from desktop_app.services.review import touch_review
from desktop_app.services.validation import (
    MAX_NAME,
    MAX_NOTE,
    MAX_TITLE,
    check_amount,
    check_choice,
    check_currency,
    check_date,
    check_period,
    clean_text,
)
from desktop_app.storage.server_db import others_may_add_the_same

Entry = Activity | Expense


def _chosen_entries(
    session: Session,
    model: type[Activity] | type[Expense],
    entry_ids: Sequence[str],
    person_id: str,
    project_id: str,
) -> list[Entry]:
    """The entries named, each checked: this person's, this project's, approved, unpaid."""
    chosen: list[Entry] = []
    for entry_id in dict.fromkeys(entry_ids):
        entry: Entry | None = (
            session.get(Activity, entry_id) if model is Activity else session.get(Expense, entry_id)
        )
        if entry is None or entry.deleted_at is not None:
            raise InvalidInput(
                _("No entry has the id \u201c{id}\u201d.").format(id=entry_id), field="entries"
            )
        if entry.person_id != person_id or entry.project_id != project_id:
            raise InvalidInput(
                _("The entry from {day} belongs to another person or project.").format(
                    day=entry.date.isoformat()
                ),
                field="entries",
            )
        _check_unpaid(session, entry)
        if entry.status != ReviewStatus.APPROVED:
            raise InvalidInput(
                _("The entry from {day} is not approved, so it cannot be paid yet.").format(
                    day=entry.date.isoformat()
                ),
                field="entries",
            )
        chosen.append(entry)
    return chosen


def _check_unpaid(session: Session, entry: Entry) -> None:
    model = type(entry)
    linked = session.scalar(select(has_live_link(model)).where(model.id == entry.id))
    if linked or entry.status == ReviewStatus.PAID:
        raise InvalidInput(
            _("The entry from {day} is already paid. Nothing was saved.").format(
                day=entry.date.isoformat()
            ),
            _("Void the old payment first if it was wrong."),
            field="entries",
        )


def _entries_to_pay(
    session: Session,
    kind: PaymentKind,
    person_id: str,
    project_id: str,
    start: date,
    end: date,
    entry_ids: Sequence[str] | None,
    currency: str,
) -> list[Entry]:
    model: type[Activity] | type[Expense] = (
        Activity if kind == PaymentKind.COMPENSATION else Expense
    )
    if entry_ids is not None:
        chosen = _chosen_entries(session, model, entry_ids, person_id, project_id)
    elif model is Activity:
        chosen = list(payable_activities(session, person_id, project_id, start, end))
    else:
        chosen = [
            e
            for e in payable_expenses(session, person_id, project_id, start, end)
            if e.currency == currency
        ]
    if not chosen:
        raise InvalidInput(
            _("Nothing is owed to this person for these dates. Nothing was saved."),
            _("Entries must be approved first. Entries already paid cannot be paid again."),
            field="period_start",
        )
    return chosen


def record_payment(
    session: Session,
    *,
    person_id: str,
    project_id: str,
    period_start: date,
    period_end: date,
    amount_minor: int | None = None,
    kind: PaymentKind | str,
    method: PaymentMethod | str,
    paid_on: date,
    currency: str | None = None,
    reference: str = "",
    reason: str = "",
    entry_ids: Sequence[str] | None = None,
) -> Payment:
    """Record a payment and link it to the entries it pays.

    Without ``entry_ids`` it pays every approved, unpaid entry of the person and project
    in the period (time entries for compensation, expenses for reimbursement). Without
    ``amount_minor`` it pays exactly what those entries are owed; another amount needs a
    ``reason``. A declined payment has no amount. A payment of nothing is refused, and so
    is paying an entry that is already paid.

    Two coordinators paying the same entries at once: the database refuses the second
    link to an entry, the second payment is tried again, and finds the entries paid."""
    others_may_add_the_same(session)
    person = lifecycle.get_live(session, Person, person_id, _("person"))
    project = lifecycle.get_live(session, Project, project_id, _("project"))
    check_period(period_start, period_end)
    chosen_kind = check_choice(kind, PaymentKind, "kind")
    chosen_method = check_choice(method, PaymentMethod, "method")
    code = check_currency(currency or project.currency)
    note = clean_text(reason, "reason", _("the reason"), MAX_NOTE, False)
    given = None if amount_minor is None else check_amount(amount_minor)
    payment = Payment(
        id=new_id(),
        person_id=person.id,
        project_id=project.id,
        period_start=check_date(period_start, "period_start", ahead=True),
        period_end=check_date(period_end, "period_end", ahead=True),
        amount_minor=0,
        currency=code,
        kind=chosen_kind,
        method=chosen_method,
        paid_on=check_date(paid_on, "paid_on"),
        reference=clean_text(reference, "reference", _("the reference"), MAX_NAME, False),
        reason=note,
    )
    entries = _entries_to_pay(
        session, chosen_kind, person.id, project.id, period_start, period_end, entry_ids, code
    )
    if chosen_kind == PaymentKind.COMPENSATION:
        rules = rules_for(session, project.id)
        times = [e for e in entries if isinstance(e, Activity)]
        minutes, owed_minor = owed_for(rules, times)
        payment.rate_minor = rules.rate_minor
        sizes = {e.id: (rules.paid_minutes(e), 0) for e in times}
    else:
        costs = [e for e in entries if isinstance(e, Expense)]
        owed_minor = sum(e.amount_minor for e in costs)
        sizes = {e.id: (0, e.amount_minor) for e in costs}
    declined = chosen_method == PaymentMethod.DECLINED
    amount = given if given is not None else (0 if declined else owed_minor)
    _check_amount(amount, owed_minor, declined, note, code)
    payment.amount_minor = amount
    lifecycle.stamp_new(session, payment)
    session.flush()
    for entry in entries:
        paid_minutes, paid_minor = sizes[entry.id]
        session.add(
            PaymentEntry(
                id=new_id(),
                payment_id=payment.id,
                activity_id=entry.id if isinstance(entry, Activity) else None,
                expense_id=entry.id if isinstance(entry, Expense) else None,
                paid_minutes=paid_minutes,
                paid_minor=paid_minor,
                created_at=utcnow(),
            )
        )
        entry.status = ReviewStatus.PAID
        touch_review(entry)
    session.flush()
    return payment


def _check_amount(amount: int, owed_minor: int, declined: bool, reason: str, code: str) -> None:
    if declined:
        if amount:
            raise InvalidInput(_("A payment the partner declined has no amount."), field="amount")
        return
    if amount == 0:
        raise InvalidInput(
            _("A payment of {amount} cannot be recorded.").format(amount=money_text(0, code)),
            _("Enter the amount paid, or choose \u201cdeclined\u201d as the way it was paid."),
            field="amount",
        )
    if amount != owed_minor and not reason:
        raise InvalidInput(
            _("These entries are owed {owed}, not {amount}. Say why they differ.").format(
                owed=money_text(owed_minor, code), amount=money_text(amount, code)
            ),
            _("Nothing was saved."),
            field="reason",
        )


def void_payment(session: Session, payment_id: str, reason: str) -> Payment:
    """Void a payment that was wrong. It stays in the records, marked void with the
    reason, and the entries it paid are owed again."""
    text = clean_text(reason, "reason", _("why this payment is void"), MAX_NOTE, True)
    payment = lifecycle.get_live(session, Payment, payment_id, _("payment"))
    if payment.voided_at is not None:
        raise InvalidInput(_("This payment is already void. Nothing was changed."))
    now = utcnow()
    payment.voided_at = now
    payment.void_reason = text
    lifecycle.touch(session, payment)
    for link in session.scalars(
        select(PaymentEntry).where(
            PaymentEntry.payment_id == payment.id, PaymentEntry.voided_at.is_(None)
        )
    ):
        link.voided_at = now
        entry: Entry | None = (
            session.get(Activity, link.activity_id)
            if link.activity_id
            else session.get(Expense, link.expense_id or "")
        )
        if entry is not None and entry.status == ReviewStatus.PAID:
            entry.status = ReviewStatus.APPROVED
            touch_review(entry)
    session.flush()
    return payment


def get_payment(session: Session, payment_id: str) -> Payment:
    return lifecycle.get_live(session, Payment, payment_id, _("payment"))


def paid_entries(session: Session, payment_id: str) -> list[PaymentEntry]:
    """The links of a payment, live and voided, oldest first."""
    return list(
        session.scalars(
            select(PaymentEntry)
            .where(PaymentEntry.payment_id == payment_id)
            .order_by(PaymentEntry.created_at, PaymentEntry.id)
        )
    )


def list_payments(
    session: Session, person_id: str | None = None, include_voided: bool = True
) -> list[Payment]:
    """Payments, newest first. Voided ones are kept and listed unless left out."""
    query = select(Payment).where(Payment.deleted_at.is_(None))
    if person_id:
        query = query.where(Payment.person_id == person_id)
    if not include_voided:
        query = query.where(Payment.voided_at.is_(None))
    return list(session.scalars(query.order_by(Payment.paid_on.desc(), Payment.id)))


def record_recognition(
    session: Session,
    *,
    person_id: str,
    project_id: str,
    kind: RecognitionKind | str,
    title: str,
    date: date,
    note: str = "",
) -> Recognition:
    lifecycle.get_live(session, Person, person_id, _("person"))
    lifecycle.get_live(session, Project, project_id, _("project"))
    recognition = Recognition(
        id=new_id(),
        person_id=person_id,
        project_id=project_id,
        kind=check_choice(kind, RecognitionKind, "kind"),
        title=clean_text(title, "title", _("what it was"), MAX_TITLE, True),
        date=check_date(date),
        note=clean_text(note, "note", _("the note"), MAX_NOTE, False),
    )
    return lifecycle.stamp_new(session, recognition)
