"""Payments a coordinator made, the entries they pay, voids, and recognition beyond pay."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.errors import InvalidInput, NotFound
from desktop_app.model import (
    Payment,
    PaymentEntry,
    PaymentKind,
    PaymentMethod,
    Project,
    RecognitionKind,
    ReviewStatus,
)
from desktop_app.services import expenses, owed, payments, profile, review
from tests.helpers.money import approved, open_books, pay

MARCH = (date(2024, 3, 1), date(2024, 3, 31))


def _count(session: Session, model: type) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_paying_without_an_amount_pays_exactly_what_is_owed(session: Session) -> None:
    books = open_books(session)
    entry = approved(session, books, books.rosa, date(2024, 3, 4), 150, prep=45)
    paid = pay(session, books, books.rosa, *MARCH)
    assert (paid.amount_minor, paid.rate_minor, paid.currency) == (9750, 3000, "CAD")  # 3.25 h
    assert entry.status == ReviewStatus.PAID
    [link] = payments.paid_entries(session, paid.id)
    assert (link.activity_id, link.paid_minutes, link.voided_at) == (entry.id, 195, None)
    assert owed.owed(session) == []


def test_paying_the_same_entries_twice_is_refused_and_saves_nothing(session: Session) -> None:
    books = open_books(session)
    entry = approved(session, books, books.rosa, date(2024, 3, 4), 60)
    first = pay(session, books, books.rosa, *MARCH)
    with pytest.raises(InvalidInput, match="Nothing is owed"):
        pay(session, books, books.rosa, *MARCH)
    with pytest.raises(InvalidInput, match="already paid"):
        pay(session, books, books.rosa, *MARCH, entry_ids=[entry.id])
    assert [p.id for p in payments.list_payments(session)] == [first.id]
    assert _count(session, PaymentEntry) == 1


def test_the_database_itself_refuses_a_second_live_link(session: Session) -> None:
    books = open_books(session)
    entry = approved(session, books, books.rosa, date(2024, 3, 4), 60)
    first = pay(session, books, books.rosa, *MARCH)
    with pytest.raises(IntegrityError), session.begin_nested():
        session.add(PaymentEntry(payment_id=first.id, activity_id=entry.id, paid_minutes=60))
        session.flush()
    assert _count(session, PaymentEntry) == 1
    payments.void_payment(session, first.id, "Paid to the wrong account")
    session.add(PaymentEntry(payment_id=first.id, activity_id=entry.id, paid_minutes=60))
    session.flush()  # once the first link is void, a new one may pay the entry


def test_another_amount_needs_a_reason(session: Session) -> None:
    books = open_books(session)
    approved(session, books, books.rosa, date(2024, 3, 4), 60)
    with pytest.raises(InvalidInput, match="owed CAD 30.00, not CAD 25.00") as problem:
        pay(session, books, books.rosa, *MARCH, amount_minor=2500)
    assert problem.value.field == "reason"
    assert _count(session, Payment) == 0
    paid = pay(session, books, books.rosa, *MARCH, amount_minor=2500, reason=" Agreed cap ")
    assert (paid.amount_minor, paid.reason) == (2500, "Agreed cap")


def test_a_payment_of_nothing_is_refused_but_a_declined_one_is_kept(session: Session) -> None:
    books = open_books(session)
    entry = approved(session, books, books.rosa, date(2024, 3, 4), 60)
    with pytest.raises(InvalidInput, match="CAD 0.00 cannot be recorded") as problem:
        pay(session, books, books.rosa, *MARCH, amount_minor=0, reason="none")
    assert problem.value.field == "amount"
    with pytest.raises(InvalidInput, match="declined has no amount"):
        pay(session, books, books.rosa, *MARCH, amount_minor=100, method=PaymentMethod.DECLINED)
    declined = pay(session, books, books.rosa, *MARCH, method=PaymentMethod.DECLINED)
    assert (declined.amount_minor, entry.status) == (0, ReviewStatus.PAID)


def test_a_project_with_no_rate_owes_nothing_and_cannot_pay_nothing(session: Session) -> None:
    books = open_books(session, rate_minor=0)
    approved(session, books, books.rosa, date(2024, 3, 4), 60)
    [row] = owed.owed(session)
    assert (row.minutes, row.amount_minor) == (60, 0)
    with pytest.raises(InvalidInput, match="cannot be recorded"):
        pay(session, books, books.rosa, *MARCH)


def test_only_approved_unpaid_entries_of_the_period_are_paid(session: Session) -> None:
    books = open_books(session)
    inside = approved(session, books, books.rosa, date(2024, 3, 4), 60)
    waiting = approved(
        session, books, books.rosa, date(2024, 3, 5), 60, status=ReviewStatus.SUBMITTED
    )
    refused = approved(session, books, books.rosa, date(2024, 3, 6), 60)
    review.review(session, [refused.id], "reject", "Not project work")
    after = approved(session, books, books.rosa, date(2024, 4, 2), 60)
    bens = approved(session, books, books.ben, date(2024, 3, 4), 60)
    paid = pay(session, books, books.rosa, *MARCH)
    assert [link.activity_id for link in payments.paid_entries(session, paid.id)] == [inside.id]
    assert paid.amount_minor == 3000
    assert [e.status for e in (waiting, refused, after, bens)] == [
        ReviewStatus.SUBMITTED,
        ReviewStatus.REJECTED,
        ReviewStatus.APPROVED,
        ReviewStatus.APPROVED,
    ]
    with pytest.raises(InvalidInput, match="not approved"):
        pay(session, books, books.rosa, *MARCH, entry_ids=[waiting.id])
    with pytest.raises(InvalidInput, match="another person"):
        pay(session, books, books.rosa, *MARCH, entry_ids=[bens.id])


def test_voiding_keeps_the_payment_and_makes_its_entries_owed_again(session: Session) -> None:
    books = open_books(session)
    entry = approved(session, books, books.rosa, date(2024, 3, 4), 60)
    paid = pay(session, books, books.rosa, *MARCH)
    review_rev = entry.review_rev
    with pytest.raises(InvalidInput, match="Enter why"):
        payments.void_payment(session, paid.id, " ")
    voided = payments.void_payment(session, paid.id, "Paid twice by the bank")
    assert voided.voided_at is not None and voided.void_reason == "Paid twice by the bank"
    assert voided.rev == 2  # the void travels to the partner
    assert entry.status == ReviewStatus.APPROVED and entry.review_rev == review_rev + 1
    assert [o.entry_ids for o in owed.owed(session)] == [(entry.id,)]
    assert [p.id for p in payments.list_payments(session)] == [paid.id]
    assert payments.list_payments(session, include_voided=False) == []
    with pytest.raises(InvalidInput, match="already void"):
        payments.void_payment(session, paid.id, "again")
    again = pay(session, books, books.rosa, *MARCH)
    assert again.amount_minor == 3000 and entry.status == ReviewStatus.PAID


def test_costs_are_paid_back_by_a_reimbursement_linked_to_them(session: Session) -> None:
    books = open_books(session)
    cost = expenses.record_expense(
        session,
        date=date(2024, 3, 4),
        category="parking",
        amount_minor=1250,
        person_id=books.rosa,
        project_id=books.project_id,
    )
    review.review(session, [cost.id], "approve")
    back = pay(session, books, books.rosa, *MARCH, kind=PaymentKind.REIMBURSEMENT)
    assert (back.amount_minor, back.rate_minor, cost.status) == (1250, None, ReviewStatus.PAID)
    [link] = payments.paid_entries(session, back.id)
    assert (link.expense_id, link.paid_minor) == (cost.id, 1250)


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


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"amount_minor": -1}, "amount", "cannot be less than zero"),
        ({"kind": "tip"}, "kind", "Choose one of the options"),
        ({"method": "cash"}, "method", "Choose one of the options"),
        ({"paid_on": clock.today() + timedelta(days=1)}, "paid_on", "cannot be after today"),
        ({"currency": "dollars"}, "currency", "three letters"),
        ({"period_end": date(2023, 12, 1)}, "end", "on or after the start date"),
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
