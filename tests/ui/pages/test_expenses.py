"""Add an expense: the amount to the cent as typed, the day as typed, a receipt kept, a
large amount asked about again, and an unfinished one offered again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from desktop_app.i18n import set_language
from desktop_app.services import expenses
from desktop_app.settings import Preferences, Settings
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener, close_app, current, wait_for_page
from ui.context import AppContext
from ui.pages.add_time.check import CheckPage, DonePage
from ui.pages.add_time.steps import WhenPage
from ui.pages.expenses import AmountPage, ReceiptPage
from ui.pages.resume_draft import ResumeDraftPage


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot: QtBot, box: QLineEdit, text: str) -> None:
    """Click into the box (which selects what is there) and type, as a person does."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.hasFocus() and box.selectedText() == box.text())
    qtbot.keyClicks(box, text)


def to_the_amount(qtbot: QtBot, ctx: AppContext, category: str = "parking") -> AmountPage:
    home = current(ctx)
    click(qtbot, home.action_buttons["add_expense"])  # type: ignore[attr-defined]
    what = wait_for_page(qtbot, ctx, leaving=home)
    click(qtbot, what.tiles.tile_for(category))  # type: ignore[attr-defined]
    when = wait_for_page(qtbot, ctx, leaving=what, kind=WhenPage)
    click(qtbot, when.tiles.tile_for("today"))
    return wait_for_page(qtbot, ctx, leaving=when, kind=AmountPage)


def save_from_the_amount(qtbot: QtBot, ctx: AppContext, page: AmountPage) -> DonePage:
    receipt = wait_for_page(qtbot, ctx, leaving=page, kind=ReceiptPage)
    click(qtbot, receipt.skip)
    check = wait_for_page(qtbot, ctx, leaving=receipt, kind=CheckPage)
    assert check.continue_button is not None
    click(qtbot, check.continue_button)
    return wait_for_page(qtbot, ctx, leaving=check, kind=DonePage)


def test_a_typed_amount_is_saved_to_the_cent(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    page = to_the_amount(qtbot, ctx)
    assert page.amount.edit.hasFocus()
    qtbot.keyClicks(page.amount.edit, "12.50")
    qtbot.keyClick(page.amount.edit, Qt.Key.Key_Return)
    save_from_the_amount(qtbot, ctx, page)
    (saved,) = ctx.call(expenses.list_expenses)
    assert (saved.amount_minor, saved.currency, saved.category.value) == (1250, "CAD", "parking")


def test_letters_in_the_amount_are_refused_and_nothing_is_saved(
    qtbot: QtBot, open_app: Opener
) -> None:
    ctx, _window = open_app()
    page = to_the_amount(qtbot, ctx)
    qtbot.keyClicks(page.amount.edit, "abc")
    qtbot.keyClick(page.amount.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(page.errors.hasFocus)
    field = page.field("amount")
    assert field is not None and field.error.text() == "Use only numbers, like 12.50."
    assert page.errors.links[0].text() == "Use only numbers, like 12.50."
    assert page.amount.text() == "abc"  # never cleared
    assert current(ctx) is page and ctx.call(expenses.list_expenses) == []
    click(qtbot, page.errors.links[0])  # the problem links to the box; typing replaces
    type_into(qtbot, page.amount.edit, "1,250.00")
    qtbot.keyClick(page.amount.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(page.second_look.isVisible)  # CAD 1,250.00 for parking is a lot


def test_a_large_amount_is_asked_about_before_it_is_kept(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    page = to_the_amount(qtbot, ctx)
    qtbot.keyClicks(page.amount.edit, "999999.00")
    qtbot.keyClick(page.amount.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(page.second_look.hasFocus)
    assert page.second_look.question.text() == "Is CAD 999,999.00 right?"
    assert page.second_look.accessibleName() == "Is CAD 999,999.00 right?"
    assert current(ctx) is page
    click(qtbot, page.second_look.no)  # "No, change it": back to the amount
    qtbot.waitUntil(lambda: page.amount.edit.selectedText() == "999999.00")
    assert not page.second_look.isVisible()
    qtbot.keyClicks(page.amount.edit, "9999.00")
    qtbot.keyClick(page.amount.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(page.second_look.hasFocus)
    assert page.second_look.question.text() == "Is CAD 9,999.00 right?"
    qtbot.keyClick(page.second_look, Qt.Key.Key_Tab)
    assert page.second_look.yes.hasFocus()
    qtbot.keyClick(page.second_look.yes, Qt.Key.Key_Space)
    done = save_from_the_amount(qtbot, ctx, page)
    (saved,) = ctx.call(expenses.list_expenses)
    assert saved.amount_minor == 999900
    assert any("CAD 9,999.00" in label.text() for label in done.findChildren(QLabel))


@pytest.fixture
def in_spanish(data_dir: Path) -> Iterator[None]:
    """The app set to Spanish in its settings, as a person would choose it."""
    Settings.load(data_dir).set(Preferences.language, "es")
    yield
    set_language(None)


def test_a_decimal_comma_is_read_in_spanish(
    qtbot: QtBot, in_spanish: None, open_app: Opener
) -> None:
    ctx, _window = open_app()
    page = to_the_amount(qtbot, ctx)
    qtbot.keyClicks(page.amount.edit, "12,50")
    qtbot.keyClick(page.amount.edit, Qt.Key.Key_Return)
    save_from_the_amount(qtbot, ctx, page)
    (saved,) = ctx.call(expenses.list_expenses)
    assert saved.amount_minor == 1250


def _another_day(qtbot: QtBot, ctx: AppContext) -> WhenPage:
    home = current(ctx)
    click(qtbot, home.action_buttons["add_expense"])  # type: ignore[attr-defined]
    what = wait_for_page(qtbot, ctx, leaving=home)
    click(qtbot, what.tiles.tile_for("transit"))  # type: ignore[attr-defined]
    when = wait_for_page(qtbot, ctx, leaving=what, kind=WhenPage)
    click(qtbot, when.tiles.tile_for("another"))
    qtbot.waitUntil(when.picker.edit.hasFocus)
    return when


def test_a_typed_day_is_saved_as_that_day(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    when = _another_day(qtbot, ctx)
    assert when.picker.edit.placeholderText() == "30 September 2026"
    qtbot.keyClicks(when.picker.edit, "29 Sep 2026")
    qtbot.keyClick(when.picker.edit, Qt.Key.Key_Return)
    page = wait_for_page(qtbot, ctx, leaving=when, kind=AmountPage)
    qtbot.keyClicks(page.amount.edit, "4.25")
    qtbot.keyClick(page.amount.edit, Qt.Key.Key_Return)
    save_from_the_amount(qtbot, ctx, page)
    (saved,) = ctx.call(expenses.list_expenses)
    assert (saved.date, saved.amount_minor) == (date(2026, 9, 29), 425)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1 Oct 2026", "The date cannot be after today."),
        ("31 Sep 2026", "September 2026 has no day 31."),
        ("9/29/2026", "Write the month as a word, like 30 September 2026."),
    ],
)
def test_a_day_after_today_or_that_does_not_exist_is_refused(
    qtbot: QtBot, open_app: Opener, typed: str, message: str
) -> None:
    ctx, _window = open_app()
    when = _another_day(qtbot, ctx)
    qtbot.keyClicks(when.picker.edit, typed)
    qtbot.keyClick(when.picker.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(when.errors.hasFocus)
    assert when.date_field.error.text() == message
    assert current(ctx) is when and when.picker.text() == typed


def test_the_calendar_fills_the_box_with_the_keyboard(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    when = _another_day(qtbot, ctx)
    qtbot.keyClick(when.picker.edit, Qt.Key.Key_Tab)
    assert when.picker.calendar_button.hasFocus()
    qtbot.keyClick(when.picker.calendar_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: when.picker.dialog is not None and when.picker.dialog.isVisible())
    dialog = when.picker.dialog
    assert dialog is not None
    calendar = dialog.calendar
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    target = calendar.focusProxy() or calendar
    qtbot.keyClick(target, Qt.Key.Key_Right)  # today is the last day it offers
    qtbot.keyClick(target, Qt.Key.Key_Left)  # one day back: 29 September
    qtbot.keyClick(target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert when.picker.text() == "29 September 2026"
    qtbot.waitUntil(when.picker.edit.hasFocus)


def test_an_expense_with_a_receipt(
    qtbot: QtBot, open_app: Opener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    receipt = tmp_path / "parking.pdf"
    receipt.write_bytes(b"%PDF-1.4 receipt")
    monkeypatch.setattr(ReceiptPage, "ask_for_file", classmethod(lambda cls, p: str(receipt)))
    ctx, _window = open_app()
    page = to_the_amount(qtbot, ctx)
    qtbot.keyClicks(page.amount.edit, "12.50")
    assert page.continue_button is not None
    click(qtbot, page.continue_button)
    receipt_page = wait_for_page(qtbot, ctx, leaving=page, kind=ReceiptPage)
    click(qtbot, receipt_page.choose)
    check = wait_for_page(qtbot, ctx, leaving=receipt_page, kind=CheckPage)
    assert check.continue_button is not None
    click(qtbot, check.continue_button)
    wait_for_page(qtbot, ctx, leaving=check, kind=DonePage)
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
