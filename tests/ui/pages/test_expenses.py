"""Add an expense: the amount to the cent, a receipt kept, and an unfinished one offered again."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.services import expenses
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener, close_app, current
from ui.pages.add_time.check import CheckPage, DonePage
from ui.pages.expenses import AmountPage, ReceiptPage
from ui.pages.resume_draft import ResumeDraftPage


def test_an_expense_with_a_receipt(
    qtbot: QtBot, open_app: Opener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    receipt = tmp_path / "parking.pdf"
    receipt.write_bytes(b"%PDF-1.4 receipt")
    monkeypatch.setattr(ReceiptPage, "ask_for_file", classmethod(lambda cls, p: str(receipt)))
    ctx, _window = open_app()
    page = visit(ctx, "expense-3-amount")
    page.amount.setValue(12.5)  # type: ignore[attr-defined]
    page.continue_button.click()  # type: ignore[union-attr]
    current(ctx).choose.click()  # type: ignore[attr-defined]
    check = current(ctx)
    assert isinstance(check, CheckPage)
    check.continue_button.click()  # type: ignore[union-attr]
    assert isinstance(current(ctx), DonePage)
    (saved,) = ctx.call(expenses.list_expenses)
    assert (saved.amount_minor, saved.category.value) == (1250, "parking")
    assert (ctx.workspace.data_dir / saved.receipt_path).read_bytes() == b"%PDF-1.4 receipt"


def test_an_unfinished_expense_is_offered_again(qtbot: QtBot, open_app: Opener) -> None:
    ctx, window = open_app()
    visit(ctx, "expense-3-amount")  # category and day answered, then the window closes
    close_app(ctx, window)
    ctx, _window = open_app()
    current(ctx).action_buttons["add_expense"].click()  # type: ignore[attr-defined]
    offer = current(ctx)
    assert isinstance(offer, ResumeDraftPage)
    offer.resume_button.click()
    assert isinstance(current(ctx), AmountPage)
