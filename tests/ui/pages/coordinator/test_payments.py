"""Payments: what is owed shows first, a payment pays it once, voids and closing ask first.

Rosa Martínez gave 3 h 15 min in three approved entries, at CAD 30.00 an hour: the page
shows CAD 97.50 owed, and every test checks what the records hold afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.model import Activity, PayPeriod, ReviewStatus
from desktop_app.services import owed, payments
from desktop_app.services.pay_rules import rules_for
from desktop_app.storage.workspace import Workspace
from tests.helpers.money import Books, approved, open_books, pay
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener, wait_until_still
from ui import crash_dialog
from ui.context import AppContext
from ui.pages.coordinator.pay_period_section import PayPeriodSection
from ui.pages.coordinator.payments import PaymentsPage
from ui.pages.coordinator.void_dialog import VoidDialog

ROSA = "Rosa Martínez"
DAYS = (date(2026, 9, 2), date(2026, 9, 10), date(2026, 9, 16))
MINUTES = (60, 60, 75)  # 3 h 15 min: CAD 97.50 at CAD 30.00 an hour


#: Windows opened by ``_open``, kept until the test ends (Python owns a top window).
KEPT: list[QWidget] = []


@pytest.fixture(autouse=True)
def _keep_windows() -> Iterator[None]:
    yield
    KEPT.clear()


@pytest.fixture
def bugs(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Anything the page would show in the crash dialog (there must be nothing)."""
    seen: list[BaseException] = []
    monkeypatch.setattr(crash_dialog, "report_bug", seen.append)
    return seen


def _open(
    qtbot: QtBot, open_app: Opener, data_dir: Path, paid: bool = False
) -> tuple[AppContext, PaymentsPage, Books, list[str]]:
    """Karen's records: Rosa's three approved entries (paid already with ``paid``)."""
    workspace = Workspace.open(data_dir)
    books = workspace.call(open_books)
    ids = [
        workspace.call(lambda s, d=day, m=minutes: approved(s, books, books.rosa, d, m).id)
        for day, minutes in zip(DAYS, MINUTES, strict=True)
    ]
    if paid:
        workspace.call(pay, books, books.rosa, date(2026, 9, 1), date(2026, 9, 30))
    workspace.close()
    ctx, window = open_app(None)
    KEPT.append(window)  # the window lives as long as the test, not as long as this call
    page = visit(ctx, "coordinator-payments")
    assert isinstance(page, PaymentsPage)
    _settled(qtbot, page)
    return ctx, page, books, ids


def _settled(qtbot: QtBot, page: PaymentsPage) -> None:
    """Wait until the figures worked out off the UI thread are on the page."""
    qtbot.waitUntil(lambda: page.figures is not None and not page.loader.running)
    wait_until_still(qtbot, page)


def _pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Choose ``text`` in a drop-down list with the arrow keys, as a person would."""
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def _type(qtbot: QtBot, box: Any, text: str) -> None:
    """Click into a box (which selects what is there) and type over it."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.selectedText() == box.text())
    qtbot.keyClicks(box, text)


def _click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _problems(page: PaymentsPage) -> list[str]:
    """The problems listed at the top of the page (as one line each: buttons wrap)."""
    if not page.errors.isVisible():
        return []
    return [" ".join(link.text().split()) for link in page.errors.links]


def _payments(ctx: AppContext) -> list[Any]:
    return ctx.call(payments.list_payments)


def _statuses(ctx: AppContext, ids: list[str]) -> list[ReviewStatus]:
    return ctx.call(lambda s: [s.get(Activity, i).status for i in ids])


def _linked(ctx: AppContext, payment_id: str) -> list[str]:
    links = ctx.call(payments.paid_entries, payment_id)
    return sorted(link.activity_id or "" for link in links if link.voided_at is None)


def _owed_to_rosa(ctx: AppContext, books: Books) -> int:
    rows = ctx.call(owed.owed, project_id=books.project_id, person_id=books.rosa)
    return sum(row.amount_minor for row in rows)


def test_the_page_shows_what_is_owed_and_pays_exactly_that_once(
    qtbot: QtBot, open_app: Opener, data_dir: Path, bugs: list[BaseException]
) -> None:
    ctx, page, books, ids = _open(qtbot, open_app, data_dir)
    assert page.owed_section.texts() == [
        f"{ROSA} 3 entries, 3.3 hours, at CAD 30.00 an hour. "
        "Days: 2 September 2026, 10 September 2026, 16 September 2026. Owed CAD 97.50."
    ]
    assert "Rosa Martínez (CAD 97.50)" in page.period.waiting.text()

    _pick(qtbot, page.form.person, ROSA)
    assert page.form.amount.text() == "97.50"
    assert page.form.owed_line.text() == (
        "Rosa Martínez is owed CAD 97.50 for 3 entries: 3.3 hours at CAD 30.00 an hour."
    )
    assert not page.form.differs.isVisible()
    _click(qtbot, page.form.record)
    _settled(qtbot, page)

    [payment] = _payments(ctx)
    assert (payment.amount_minor, payment.currency, payment.reason) == (9750, "CAD", "")
    assert _linked(ctx, payment.id) == sorted(ids)
    assert _statuses(ctx, ids) == [ReviewStatus.PAID] * 3
    assert page.form.done.text() == "Paid Rosa Martínez CAD 97.50 for 3 entries."
    assert page.owed_section.texts() == [
        "Nobody is owed anything for approved time in these dates."
    ]
    assert page.form.amount.text() == ""
    assert page.form.owed_line.text() == "Rosa Martínez is owed nothing for these dates."
    assert [card.row.amount_minor for card in page.payments_list.shown] == [9750]

    _click(qtbot, page.form.record)  # the same click again
    qtbot.waitUntil(page.errors.isVisible)
    assert _problems(page) == [
        "Nothing is owed to this person for these dates. Nothing was saved. "
        "Entries must be approved first. Entries already paid cannot be paid again."
    ]
    assert page.form.done.text() == ""
    assert len(_payments(ctx)) == 1
    assert bugs == []


def test_recording_twice_before_the_figures_refresh_is_refused(
    qtbot: QtBot, open_app: Opener, data_dir: Path, bugs: list[BaseException]
) -> None:
    """Two quick clicks: the second names the entries already paid, and saves nothing."""
    ctx, page, _books, _ids = _open(qtbot, open_app, data_dir)
    _pick(qtbot, page.form.person, ROSA)
    _click(qtbot, page.form.record)
    _click(qtbot, page.form.record)
    _settled(qtbot, page)
    assert len(_payments(ctx)) == 1
    assert any(
        "already paid" in problem or "Nothing is owed" in problem for problem in _problems(page)
    )
    assert bugs == []


def test_another_amount_needs_a_reason(
    qtbot: QtBot, open_app: Opener, data_dir: Path, bugs: list[BaseException]
) -> None:
    ctx, page, _books, ids = _open(qtbot, open_app, data_dir)
    _pick(qtbot, page.form.person, ROSA)
    _type(qtbot, page.form.amount.edit, "abc")
    _click(qtbot, page.form.record)
    amount = page.field("amount")
    assert amount is not None
    qtbot.waitUntil(lambda: amount.error.text() == "Use only numbers, like 12.50.")

    _type(qtbot, page.form.amount.edit, "90.00")
    assert page.form.differs.isVisible()
    assert page.form.differs.text() == "This is not the CAD 97.50 owed. Say why in the box below."
    _click(qtbot, page.form.record)
    reason = page.field("reason")
    assert reason is not None
    qtbot.waitUntil(lambda: reason.error.text() == "Say why the amount is not the CAD 97.50 owed.")
    assert _payments(ctx) == []

    _type(qtbot, page.form.paid_on.edit, "31 Sep 2026")
    _type(qtbot, page.form.reason, "Paid the rest in June")
    _click(qtbot, page.form.record)
    paid_on = page.field("paid_on")
    assert paid_on is not None
    qtbot.waitUntil(lambda: paid_on.error.text() == "September 2026 has no day 31.")
    assert _payments(ctx) == []

    _type(qtbot, page.form.paid_on.edit, "29 Sep 2026")
    _click(qtbot, page.form.record)
    _settled(qtbot, page)
    [payment] = _payments(ctx)
    assert (payment.amount_minor, payment.reason) == (9000, "Paid the rest in June")
    assert payment.paid_on == date(2026, 9, 29)
    assert _statuses(ctx, ids) == [ReviewStatus.PAID] * 3
    assert page.form.done.text() == "Paid Rosa Martínez CAD 90.00 for 3 entries."
    card = page.payments_list.shown[0]
    assert "Why the amount is different: Paid the rest in June" in card.lines
    assert bugs == []


def test_a_partner_who_declines_is_recorded_without_an_amount(
    qtbot: QtBot, open_app: Opener, data_dir: Path
) -> None:
    ctx, page, _books, ids = _open(qtbot, open_app, data_dir)
    _pick(qtbot, page.form.person, ROSA)
    _pick(qtbot, page.form.method, "Not paid, by choice")
    assert not page.form.amount.isEnabled()
    _click(qtbot, page.form.record)
    _settled(qtbot, page)
    [payment] = _payments(ctx)
    assert (payment.amount_minor, payment.method.value) == (0, "declined")
    assert _statuses(ctx, ids) == [ReviewStatus.PAID] * 3
    assert (
        page.form.done.text() == "Recorded that Rosa Martínez chose not to be paid for 3 entries."
    )


def _void_button(page: PaymentsPage) -> QWidget:
    [card] = page.payments_list.shown
    assert card.void_button is not None
    return card.void_button


def test_voiding_asks_for_a_reason_and_keeps_the_payment_listed(
    qtbot: QtBot, open_app: Opener, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, page, books, ids = _open(qtbot, open_app, data_dir, paid=True)
    asked: list[str] = []
    answers: list[str | None] = [None, "Paid to the wrong account"]

    def ask(cls: type, parent: QWidget, question: str) -> str | None:
        asked.append(question)
        return answers.pop(0)

    monkeypatch.setattr(VoidDialog, "ask", classmethod(ask))
    _click(qtbot, _void_button(page))  # "No": nothing changes
    assert asked == ["Void the payment of CAD 97.50 to Rosa Martínez?"]
    [payment] = _payments(ctx)
    assert payment.voided_at is None and _owed_to_rosa(ctx, books) == 0

    _click(qtbot, _void_button(page))
    _settled(qtbot, page)
    [payment] = _payments(ctx)
    assert payment.voided_at is not None
    assert payment.void_reason == "Paid to the wrong account"
    assert _statuses(ctx, ids) == [ReviewStatus.APPROVED] * 3
    assert _owed_to_rosa(ctx, books) == 9750
    [card] = page.payments_list.shown
    assert card.lines[-1] == "Voided: Paid to the wrong account"
    assert card.void_button is None
    assert page.payments_list.status.text() == (
        "The payment of CAD 97.50 to Rosa Martínez is void. Its entries are owed again."
    )
    assert "Owed CAD 97.50." in page.owed_section.texts()[0]


def test_the_real_void_dialog_needs_a_reason_and_answers_to_keys(
    qtbot: QtBot, open_app: Opener, data_dir: Path
) -> None:
    ctx, page, books, ids = _open(qtbot, open_app, data_dir, paid=True)
    errors: list[str] = []

    def enter_with_no_reason(dialog: VoidDialog) -> None:
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        errors.append(dialog.field.error.text())

    def type_and_enter(dialog: VoidDialog) -> None:
        qtbot.keyClicks(dialog.reason, "Sent twice by the bank")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    timer = QTimer()
    steps = [enter_with_no_reason, type_and_enter]
    questions: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, VoidDialog) or not dialog.isVisible():
            return
        if not steps:
            questions.append("still open after the keys")
            dialog.reject()
            return
        questions.append(dialog.question.text())
        steps.pop(0)(dialog)

    timer.timeout.connect(look)
    timer.start(20)
    _click(qtbot, _void_button(page))
    timer.stop()
    _settled(qtbot, page)
    assert questions == ["Void the payment of CAD 97.50 to Rosa Martínez?"] * 2
    assert errors == ["Write why this payment is void."]
    [payment] = _payments(ctx)
    assert payment.void_reason == "Sent twice by the bank"
    assert _statuses(ctx, ids) == [ReviewStatus.APPROVED] * 3
    assert _owed_to_rosa(ctx, books) == 9750


def _periods(ctx: AppContext) -> list[PayPeriod]:
    return ctx.call(lambda s: list(s.scalars(select(PayPeriod))))


def test_closing_asks_first_pays_nothing_and_is_refused_twice(
    qtbot: QtBot, open_app: Opener, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, page, books, ids = _open(qtbot, open_app, data_dir)
    asked: list[tuple[str, str]] = []
    answers = [False, True]

    def ask(cls: type, parent: QWidget, question: str, details: str) -> bool:
        asked.append((question, details))
        return answers.pop(0)

    monkeypatch.setattr(PayPeriodSection, "ask", classmethod(ask))
    close = page.period.close_button
    _click(qtbot, close)  # No
    assert asked == [
        (
            "Close the pay period from 3 June 2026 to 30 September 2026?",
            "Approved time is not paid yet, for: Rosa Martínez. "
            "Closing does not pay it. The entries will be locked.",
        )
    ]
    assert _periods(ctx) == []

    _click(qtbot, close)  # Yes
    _settled(qtbot, page)
    [period] = _periods(ctx)
    assert (period.period_start, period.period_end) == (date(2026, 6, 3), date(2026, 9, 30))
    assert _payments(ctx) == []
    assert _statuses(ctx, ids) == [ReviewStatus.APPROVED] * 3
    assert ctx.call(lambda s: {s.get(Activity, i).pay_period_id for i in ids}) == {period.id}
    assert _owed_to_rosa(ctx, books) == 9750
    assert page.period.done.text() == (
        "The pay period from 3 June 2026 to 30 September 2026 is closed. Nothing was paid."
    )

    _click(qtbot, close)  # the same period again: refused without asking
    qtbot.waitUntil(page.errors.isVisible)
    assert len(asked) == 2
    assert _problems(page) == [
        "A pay period from 2026-06-03 to 2026-09-30 is already closed for this project. "
        "Nothing was changed. Choose dates after it."
    ]
    assert len(_periods(ctx)) == 1


def test_the_pay_rules_are_shown_and_changed_on_the_page(
    qtbot: QtBot, open_app: Opener, data_dir: Path
) -> None:
    ctx, page, books, _ids = _open(qtbot, open_app, data_dir)
    rules = page.rules
    assert rules.now.text() == "Now: CAD 30.00 an hour. Getting ready is paid. Travel is paid."
    assert rules.rate.text() == "30.00"
    _type(qtbot, rules.rate.edit, "40.00")
    rules.travel.setFocus()
    qtbot.waitUntil(rules.travel.hasFocus)
    qtbot.keyClick(rules.travel, Qt.Key.Key_Space)
    _click(qtbot, rules.save)
    _settled(qtbot, page)
    saved = ctx.call(rules_for, books.project_id)
    assert (saved.rate_minor, saved.pay_preparation, saved.pay_travel) == (4000, True, False)
    assert rules.now.text() == "Now: CAD 40.00 an hour. Getting ready is paid. Travel is not paid."
    assert "Owed CAD 130.00." in page.owed_section.texts()[0]


def test_a_payment_can_be_made_with_the_keyboard_alone(
    qtbot: QtBot, open_app: Opener, data_dir: Path
) -> None:
    ctx, page, _books, ids = _open(qtbot, open_app, data_dir)
    qtbot.waitUntil(page.project.hasFocus)

    def tab_to(target: QWidget) -> None:
        for _ in range(40):
            if target.hasFocus():
                return
            focused = QApplication.focusWidget()
            assert focused is not None
            qtbot.keyClick(focused, Qt.Key.Key_Tab)
        assert target.hasFocus()

    tab_to(page.form.person)
    while page.form.person.currentText() != ROSA:
        qtbot.keyClick(page.form.person, Qt.Key.Key_Down)
    tab_to(page.form.record)
    qtbot.keyClick(page.form.record, Qt.Key.Key_Return)
    _settled(qtbot, page)
    [payment] = _payments(ctx)
    assert payment.amount_minor == 9750
    assert _statuses(ctx, ids) == [ReviewStatus.PAID] * 3
