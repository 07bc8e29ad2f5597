"""Payments: the amount and the dates are typed and kept exactly, or refused at their field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.services import payments
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener
from ui.pages.coordinator.payments import PaymentsPage


def _type(qtbot: QtBot, box: object, text: str) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: box.selectedText() == box.text())  # type: ignore[attr-defined]
    qtbot.keyClicks(box, text)  # type: ignore[arg-type]


def test_a_payment_is_recorded_to_the_cent(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app("coordinator-demo")
    page = visit(ctx, "coordinator-payments")
    assert isinstance(page, PaymentsPage)
    before = len(ctx.call(payments.list_payments))
    _type(qtbot, page.amount.edit, "abc")
    qtbot.mouseClick(page.record, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.errors.isVisible)
    field = page.field("amount")
    assert field is not None and field.error.text() == "Use only numbers, like 12.50."
    assert len(ctx.call(payments.list_payments)) == before
    _type(qtbot, page.amount.edit, "1,250.00")
    _type(qtbot, page.paid_on.edit, "31 Sep 2026")
    qtbot.mouseClick(page.record, Qt.MouseButton.LeftButton)
    paid_on = page.field("paid_on")
    assert paid_on is not None
    qtbot.waitUntil(lambda: paid_on.error.text() == "September 2026 has no day 31.")
    _type(qtbot, page.paid_on.edit, "29 Sep 2026")
    qtbot.mouseClick(page.record, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(ctx.call(payments.list_payments)) == before + 1)
    newest = max(ctx.call(payments.list_payments), key=lambda p: p.created_at)
    assert (newest.amount_minor, newest.paid_on) == (125000, date(2026, 9, 29))
    assert "is recorded" in page.done.text()
