""" "There is a problem": hidden until needed, then takes the keyboard and links to each field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from tests.helpers.screens import in_window, refit
from ui.widgets.error_summary import ErrorSummary


def test_nothing_shows_until_there_is_a_problem(qtbot: QtBot) -> None:
    summary = ErrorSummary()
    _window = in_window(qtbot, summary)
    assert not summary.isVisible()
    assert summary.accessibleName() == "There is a problem"


def test_the_problems_show_and_the_keyboard_moves_to_them(qtbot: QtBot) -> None:
    summary, name = ErrorSummary(), QLineEdit()
    _window = in_window(qtbot, summary, name)
    name.setFocus()
    summary.show_problems([("Enter your name.", name.setFocus), ("Enter the date.", name.clear)])
    assert summary.isVisible() and summary.hasFocus()
    assert [link.accessibleName() for link in summary.links] == [
        "Enter your name.",
        "Enter the date.",
    ]
    assert summary.accessibleDescription() == "Enter your name. Enter the date."


def test_each_problem_links_to_its_field_by_mouse_or_keyboard(qtbot: QtBot) -> None:
    summary, name = ErrorSummary(), QLineEdit()
    _window = in_window(qtbot, summary, name)
    summary.show_problems([("Enter your name.", name.setFocus)])
    summary.links[0].click()
    assert name.hasFocus()
    summary.show_problems([("Enter your name.", name.setFocus)])
    summary.links[0].setFocus()
    qtbot.keyClick(summary.links[0], Qt.Key.Key_Return)
    assert name.hasFocus()


def test_showing_again_replaces_the_old_problems_and_clear_hides_them(qtbot: QtBot) -> None:
    summary = ErrorSummary()
    _window = in_window(qtbot, summary)
    summary.show_problems([("Enter your name.", lambda: None)])
    summary.show_problems([("Enter the date.", lambda: None)])
    assert [link.full_text() for link in summary.links] == ["Enter the date."]
    summary.clear()
    assert not summary.isVisible() and summary.links == []


def test_each_link_is_big_enough_to_hit(qtbot: QtBot) -> None:
    summary = ErrorSummary()
    window = in_window(qtbot, summary)
    summary.show_problems([("Enter your name.", lambda: None)])
    refit(window)
    link = summary.links[0]
    assert link.width() >= 44 and link.height() >= 44
