"""The frame of every page: a named heading, Enter continues and Escape goes back."""

from __future__ import annotations

import gc

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QStackedWidget
from pytestqt.qtbot import QtBot

from tests.helpers.screens import in_window
from ui.widgets.buttons import PrimaryButton
from ui.widgets.fields import LabelledField
from ui.widgets.page import Page


def _page(qtbot: QtBot) -> tuple[Page, QLineEdit, QPlainTextEdit]:
    page = Page("What is your name?", "Your coordinator will see it.", "", "")
    name, note = QLineEdit(), QPlainTextEdit()
    note.setTabChangesFocus(True)  # as every page with a note does
    page.add_field("name", LabelledField("Your full name", name))
    page.add_field("note", LabelledField("A note", note))
    page.set_tab_order([name, note])
    return page, name, note


def test_the_page_is_named_by_its_heading(qtbot: QtBot) -> None:
    page, _name, _note = _page(qtbot)
    qtbot.addWidget(page)
    assert page.accessibleName() == "What is your name?"
    assert page.heading.text() == "What is your name?"
    assert page.hint.text() == "Your coordinator will see it."
    assert page.continue_button is not None and page.continue_button.text() == "Continue"
    assert page.back_button is not None and page.back_button.text() == "Back"


def test_enter_in_a_one_line_box_continues(qtbot: QtBot) -> None:
    page, name, _note = _page(qtbot)
    _window = in_window(qtbot, page)
    assert page.continue_button is not None
    name.setFocus()
    with qtbot.waitSignal(page.continue_button.clicked, timeout=1000):
        qtbot.keyClick(name, Qt.Key.Key_Return)


def test_enter_in_a_note_starts_a_new_line(qtbot: QtBot) -> None:
    page, _name, note = _page(qtbot)
    _window = in_window(qtbot, page)
    assert page.continue_button is not None
    pressed: list[bool] = []
    page.continue_button.clicked.connect(lambda: pressed.append(True))
    note.setFocus()
    qtbot.keyClicks(note, "first")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    qtbot.keyClicks(note, "second")
    assert note.toPlainText() == "first\nsecond" and pressed == []


def test_escape_goes_back(qtbot: QtBot) -> None:
    page, name, _note = _page(qtbot)
    _window = in_window(qtbot, page)
    name.setFocus()
    with qtbot.waitSignal(page.back_requested, timeout=1000):
        qtbot.keyClick(name, Qt.Key.Key_Escape)


def test_escape_goes_back_from_a_page_without_a_back_button_too(qtbot: QtBot) -> None:
    """A confirmation ("Your time is saved") has no Back button; Escape still means Back.
    On Home the navigator has nowhere to go back to, so nothing happens there."""
    page = Page("Your time is saved")
    button = PrimaryButton("Go to home")
    page.body.addWidget(button)
    _window = in_window(qtbot, page)
    button.setFocus()
    with qtbot.waitSignal(page.back_requested, timeout=1000):
        qtbot.keyClick(button, Qt.Key.Key_Escape)


def test_problems_are_cleared_when_the_page_is_left(qtbot: QtBot) -> None:
    page, name, _note = _page(qtbot)
    stack = QStackedWidget()
    stack.addWidget(page)
    other = Page("How long did it take?")
    stack.addWidget(other)
    _window = in_window(qtbot, stack)
    qtbot.keyClicks(name, "Ana")
    page.show_problems([("name", "Enter your full name.")])
    name_field = page.field("name")
    assert name_field is not None and name_field.has_error() and page.errors.isVisible()
    stack.setCurrentWidget(other)  # on to the next page
    stack.setCurrentWidget(page)  # and Back again
    assert not page.errors.isVisible() and not name_field.has_error()
    assert name.text() == "Ana"  # what was typed stays


def test_problems_show_at_the_top_and_at_each_field_and_tab_starts_there(qtbot: QtBot) -> None:
    page, name, note = _page(qtbot)
    _window = in_window(qtbot, page)
    page.show_problems([("name", "Enter your name.")])
    name_field = page.field("name")
    assert name_field is not None and name_field.error.text() == "Enter your name."
    assert page.errors.hasFocus()
    assert page.errors.nextInFocusChain() is page.errors.links[0]
    page.errors.links[0].click()
    assert name.hasFocus()
    page.clear_problems()
    assert not page.errors.isVisible() and not name_field.has_error()


def test_tab_follows_the_order_given_then_back_and_continue(qtbot: QtBot) -> None:
    page, name, note = _page(qtbot)
    _window = in_window(qtbot, page)
    name.setFocus()
    reached = [name]
    for _ in range(3):
        qtbot.keyClick(reached[-1], Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == [name, note, page.back_button, page.continue_button]


def test_a_callback_into_a_flow_that_nothing_else_holds_still_works(qtbot: QtBot) -> None:
    class Flow:
        def __init__(self) -> None:
            self.pressed = 0

        def go(self) -> None:
            self.pressed += 1

    page = Page("Your time is saved")
    qtbot.addWidget(page)
    button = PrimaryButton("Add more time")
    page.body.addWidget(button)
    page.connect_kept(button.clicked, Flow().go)
    gc.collect()
    button.click()
    (kept,) = page._kept
    assert kept.__self__.pressed == 1  # type: ignore[attr-defined]
