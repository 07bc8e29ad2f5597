"""Payments and their voids travel to the partner; older files stay readable."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop_app import exchange
from desktop_app.exchange import document, finance
from desktop_app.exchange.tables import PAYMENT
from desktop_app.model import Activity, Payment, ReviewStatus
from desktop_app.services import payments, profile, review
from desktop_app.services.pay_rules import set_pay_rules
from desktop_app.services.projects import find_project
from tests.helpers.sites import Site, add_time


def _import(site: Site, path: Path) -> None:
    def run(session: Any) -> None:
        exchange.apply(session, exchange.preview(session, [path]), confirm=True, backup=False)

    site.call(run)


def _back_to(coordinator: Site, folder: Path, name: str) -> Path:
    rosa = coordinator.call(lambda s: profile.find_person(s, "Rosa Martínez").id)
    return coordinator.call(exchange.export_project_file, folder / name, person_id=rosa).path


def test_a_voided_payment_arriving_voids_it_at_the_partner(
    partner: Site, coordinator: Site, tmp_path: Path
) -> None:
    entry = partner.call(add_time, 195)
    _import(coordinator, partner.call(exchange.export_partner_file, tmp_path / "a").path)

    def pay(session: Any) -> str:
        project = find_project(session, "My own project")
        set_pay_rules(session, project.id, rate_minor=3000)
        review.review(session, [entry], "approve")
        return payments.record_payment(
            session,
            person_id=session.get(Activity, entry).person_id,
            project_id=project.id,
            period_start=date(2025, 3, 1),
            period_end=date(2025, 3, 31),
            kind="compensation",
            method="bank_transfer",
            paid_on=date(2025, 4, 2),
        ).id

    paid = coordinator.call(pay)
    _import(partner, _back_to(coordinator, tmp_path, "b"))
    mine = partner.call(lambda s: s.get(Payment, paid))
    assert mine is not None and (mine.amount_minor, mine.voided_at) == (9750, None)
    assert partner.call(lambda s: s.get(Activity, entry).status) == ReviewStatus.PAID

    coordinator.call(payments.void_payment, paid, "Paid to the wrong account")
    rows = coordinator.call(finance.finance_rows)
    assert [(r.compensation, r.hours, r.void_reason) for r in rows] == [
        (Decimal("97.50"), Decimal("3.3"), "Paid to the wrong account")
    ]
    _import(partner, _back_to(coordinator, tmp_path, "c"))
    mine = partner.call(lambda s: s.get(Payment, paid))
    assert mine is not None and mine.voided_at is not None
    assert mine.void_reason == "Paid to the wrong account"
    assert partner.call(lambda s: s.get(Activity, entry).status) == ReviewStatus.APPROVED


def test_a_version_1_file_is_read_as_payments_never_voided() -> None:
    payment: dict[str, Any] = {
        "id": "0b4f6b43-4c55-4a43-9b4f-2c4b8e8f6a11",
        "created_at": "2025-04-02T10:00:00+00:00",
        "updated_at": "2025-04-02T10:00:00+00:00",
        "rev": 1,
        "origin": "",
        "deleted_at": None,
        "person_id": "1b4f6b43-4c55-4a43-9b4f-2c4b8e8f6a11",
        "project_id": "2b4f6b43-4c55-4a43-9b4f-2c4b8e8f6a11",
        "period_start": "2025-03-01",
        "period_end": "2025-03-31",
        "amount_minor": 4500,
        "currency": "CAD",
        "kind": "compensation",
        "method": "cheque",
        "paid_on": "2025-04-02",
        "reference": "",
    }
    [old] = document._records([payment], PAYMENT, 1)
    assert (old["reason"], old["voided_at"], old["void_reason"]) == ("", None, "")
    with pytest.raises(document.InvalidContents, match="reason"):
        document._records([payment], PAYMENT, 2)  # a version 2 file must carry it
