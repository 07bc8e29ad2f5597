"""The second look: a question on the page with two clear answers, and the keyboard on it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.helpers.screens import in_window, refit
from ui.widgets.second_look import SecondLook


def test_the_question_takes_the_keyboard_and_yes_confirms(qtbot: QtBot) -> None:
    look = SecondLook()
    window = in_window(qtbot, look)
    assert not look.isVisible()
    look.ask("Is CAD 1,250.00 right?", 125000)
    refit(window)
    qtbot.waitUntil(look.hasFocus)
    assert look.accessibleName() == "Is CAD 1,250.00 right?"
    assert (look.yes.accessibleName(), look.no.accessibleName()) == (
        "Yes, it is right",
        "No, change it",
    )
    qtbot.keyClick(look, Qt.Key.Key_Tab)
    assert look.yes.hasFocus()
    with qtbot.waitSignal(look.confirmed):
        qtbot.keyClick(look.yes, Qt.Key.Key_Space)
    assert look.about == 125000 and not look.isVisible()


def test_no_puts_the_question_away(qtbot: QtBot) -> None:
    look = SecondLook()
    _window = in_window(qtbot, look)
    look.ask("Is 16 hours right?", 960)
    with qtbot.waitSignal(look.declined):
        qtbot.mouseClick(look.no, Qt.MouseButton.LeftButton)
    assert look.about is None and not look.isVisible()
