"""Payments a coordinator made, and recognition beyond pay."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.errors import InvalidInput, NotFound
from desktop_app.model import Payment, PaymentKind, PaymentMethod, Project, RecognitionKind, Role
from desktop_app.services import payments, profile


def test_payments_are_recorded_with_their_kind(session: Session, partner: Project) -> None:
    me = profile.owner(session)
    paid = payments.record_payment(
        session,
        person_id=me.id,
        project_id=partner.id,
        period_start=date(2024, 1, 1),
        period_end=date(2024, 3, 31),
        amount_minor=12000,
        kind=PaymentKind.COMPENSATION,
        method=PaymentMethod.CHEQUE,
        paid_on=date(2024, 4, 10),
    )
    assert paid.currency == partner.currency
    with pytest.raises(InvalidInput, match="end date"):
        payments.record_payment(
            session,
            person_id=me.id,
            project_id=partner.id,
            period_start=date(2024, 3, 1),
            period_end=date(2024, 1, 1),
            amount_minor=1,
            kind="compensation",
            method="cheque",
            paid_on=clock.today() - timedelta(days=1),
        )
    assert len(payments.list_payments(session, me.id)) == 1


def _pay(session: Session, project: Project, person_id: str, **overrides: object) -> Payment:
    fields: dict[str, object] = {
        "person_id": person_id,
        "project_id": project.id,
        "period_start": date(2024, 1, 1),
        "period_end": date(2024, 3, 31),
        "amount_minor": 12000,
        "kind": "compensation",
        "method": "bank_transfer",
        "paid_on": date(2024, 4, 10),
    }
    fields.update(overrides)
    return payments.record_payment(session, **fields)  # type: ignore[arg-type]


def test_the_amount_is_kept_to_the_cent_in_the_currency_given(
    session: Session, partner: Project
) -> None:
    me = profile.owner(session).id
    paid = _pay(session, partner, me, amount_minor=12345, currency="eur", reference=" Cheque 42 ")
    assert (paid.amount_minor, paid.currency, paid.reference) == (12345, "EUR", "Cheque 42")
    assert (paid.kind, paid.method) == (PaymentKind.COMPENSATION, PaymentMethod.BANK_TRANSFER)


def test_a_declined_payment_of_nothing_is_recorded(session: Session, partner: Project) -> None:
    me = profile.owner(session).id
    declined = _pay(session, partner, me, amount_minor=0, method=PaymentMethod.DECLINED)
    assert (declined.amount_minor, declined.method) == (0, PaymentMethod.DECLINED)


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"amount_minor": -1}, "amount", "cannot be less than zero"),
        ({"kind": "tip"}, "kind", "Choose one of the options"),
        ({"method": "cash"}, "method", "Choose one of the options"),
        ({"paid_on": clock.today() + timedelta(days=1)}, "paid_on", "cannot be after today"),
        ({"currency": "dollars"}, "currency", "three letters"),
    ],
)
def test_a_payment_that_cannot_be_right_is_refused_at_its_field(
    session: Session, partner: Project, overrides: dict[str, object], field: str, words: str
) -> None:
    with pytest.raises(InvalidInput, match=words) as problem:
        _pay(session, partner, profile.owner(session).id, **overrides)
    assert problem.value.field == field


def test_a_payment_for_someone_not_in_the_records_is_refused(
    session: Session, partner: Project
) -> None:
    with pytest.raises(NotFound, match="person could not be found"):
        _pay(session, partner, "no-such-person")


def test_payments_are_listed_newest_first_and_a_deleted_one_can_come_back(
    session: Session, partner: Project
) -> None:
    me = profile.owner(session).id
    ben = profile.add_person(session, "Ben Carter", Role.PARTNER).id
    first = _pay(session, partner, me, paid_on=date(2024, 4, 10), amount_minor=100)
    second = _pay(session, partner, me, paid_on=date(2024, 7, 10), amount_minor=200)
    _pay(session, partner, ben, paid_on=date(2024, 5, 1), amount_minor=300)
    assert [p.amount_minor for p in payments.list_payments(session, me)] == [200, 100]
    assert [p.amount_minor for p in payments.list_payments(session)] == [200, 300, 100]
    payments.delete_payment(session, second.id)
    assert [p.id for p in payments.list_payments(session, me)] == [first.id]
    payments.undo_delete_payment(session, second.id)
    assert [p.id for p in payments.list_payments(session, me)] == [second.id, first.id]


def test_recognition_beyond_pay(session: Session, partner: Project) -> None:
    me = profile.owner(session).id
    kept = payments.record_recognition(
        session,
        person_id=me,
        project_id=partner.id,
        kind=RecognitionKind.CO_AUTHORSHIP,
        title="  Pain care paper ",
        date=date(2024, 6, 1),
    )
    assert (kept.kind, kept.title, kept.rev) == (
        RecognitionKind.CO_AUTHORSHIP,
        "Pain care paper",
        1,
    )
    with pytest.raises(InvalidInput, match="Enter what it was."):
        payments.record_recognition(
            session,
            person_id=me,
            project_id=partner.id,
            kind="conference",
            title=" ",
            date=date(2024, 6, 1),
        )
