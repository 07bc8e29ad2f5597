"""Payments a coordinator made, and recognition beyond pay."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput
from desktop_app.model import PaymentKind, PaymentMethod, Project
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
            paid_on=date.today() - timedelta(days=1),
        )
    assert len(payments.list_payments(session, me.id)) == 1
