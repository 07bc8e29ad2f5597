"""Payments a coordinator made, and recognition beyond pay."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.i18n import _
from desktop_app.model import (
    Payment,
    PaymentKind,
    PaymentMethod,
    Person,
    Project,
    Recognition,
    RecognitionKind,
    new_id,
)
from desktop_app.services import lifecycle
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


def record_payment(
    session: Session,
    *,
    person_id: str,
    project_id: str,
    period_start: date,
    period_end: date,
    amount_minor: int,
    kind: PaymentKind | str,
    method: PaymentMethod | str,
    paid_on: date,
    currency: str | None = None,
    reference: str = "",
) -> Payment:
    """Record that a partner was paid (or chose not to be) for a period."""
    lifecycle.get_live(session, Person, person_id, _("person"))
    project = lifecycle.get_live(session, Project, project_id, _("project"))
    check_period(period_start, period_end)
    payment = Payment(
        id=new_id(),
        person_id=person_id,
        project_id=project_id,
        period_start=check_date(period_start, "period_start", ahead=True),
        period_end=check_date(period_end, "period_end", ahead=True),
        amount_minor=check_amount(amount_minor),
        currency=check_currency(currency or project.currency),
        kind=check_choice(kind, PaymentKind, "kind"),
        method=check_choice(method, PaymentMethod, "method"),
        paid_on=check_date(paid_on, "paid_on"),
        reference=clean_text(reference, "reference", _("the reference"), MAX_NAME, False),
    )
    return lifecycle.stamp_new(session, payment)


def delete_payment(session: Session, payment_id: str) -> Payment:
    return lifecycle.delete(session, Payment, payment_id, _("payment"))


def undo_delete_payment(session: Session, payment_id: str) -> Payment:
    return lifecycle.undo_delete(session, Payment, payment_id, _("payment"))


def list_payments(session: Session, person_id: str | None = None) -> list[Payment]:
    query = select(Payment).where(Payment.deleted_at.is_(None))
    if person_id:
        query = query.where(Payment.person_id == person_id)
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
