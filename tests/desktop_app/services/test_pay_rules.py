"""A project's pay rules: the rate by the hour, and which time it pays for."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput
from desktop_app.model import CompensationUnit, PayBasis, Project, ReviewStatus
from desktop_app.services import owed, review
from desktop_app.services.pay_rules import rules_for, set_pay_rules
from tests.helpers.money import approved, open_books


def test_a_project_paid_nothing_has_no_rate(session: Session, partner: Project) -> None:
    rules = rules_for(session, partner.id)
    assert (rules.basis, rules.rate_minor, rules.currency) == (PayBasis.PER_HOUR, None, "CAD")


def test_setting_the_rate_keeps_the_project_file_in_step(
    session: Session, partner: Project
) -> None:
    rules = set_pay_rules(session, partner.id, rate_minor=3000)
    assert (rules.rate_minor, rules.pay_preparation, rules.pay_travel) == (3000, True, True)
    assert (partner.rate_minor, partner.compensation_unit) == (3000, CompensationUnit.HOURLY)
    rules = set_pay_rules(session, partner.id, pay_travel=False)
    assert (rules.rate_minor, rules.pay_travel) == (3000, False)  # the rate stays
    with pytest.raises(InvalidInput, match="less than zero") as problem:
        set_pay_rules(session, partner.id, rate_minor=-1)
    assert problem.value.field == "rate"


def test_preparation_and_travel_count_only_when_paid(session: Session) -> None:
    books = open_books(session)
    approved(session, books, books.rosa, date(2024, 3, 4), 60, prep=30, travel=45)
    assert [o.minutes for o in owed.owed(session)] == [135]
    set_pay_rules(session, books.project_id, pay_preparation=False, pay_travel=False)
    [row] = owed.owed(session)
    assert (row.minutes, row.amount_minor) == (60, 3000)


def test_what_is_owed_leaves_out_time_not_approved(session: Session) -> None:
    books = open_books(session)
    kept = approved(session, books, books.rosa, date(2024, 3, 4), 150, prep=45)
    refused = approved(session, books, books.rosa, date(2024, 3, 5), 60)
    approved(session, books, books.ben, date(2024, 3, 5), 60, status=ReviewStatus.SUBMITTED)
    review.review(session, [refused.id], "reject", "Not project work")
    [row] = owed.owed(session)
    assert row.as_dict() == {
        "person": "Rosa Martínez",
        "project": "Better Pain Care",
        "entries": 1,
        "minutes": 195,
        "amount_minor": 9750,
        "currency": "CAD",
    }
    assert row.entry_ids == (kept.id,)
