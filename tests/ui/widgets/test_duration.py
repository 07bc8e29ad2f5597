"""The duration stepper: − and + in 15 minutes, arrow keys too, and the time said in words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.errors import InvalidInput
from tests.helpers.screens import in_window
from ui.widgets.duration import DurationStepper, describe_minutes


def test_the_time_is_said_in_plain_words() -> None:
    assert describe_minutes(0) == "no time"
    assert describe_minutes(45) == "45 minutes"
    assert describe_minutes(60) == "1 hour"
    assert describe_minutes(61) == "1 hour 1 minute"
    assert describe_minutes(150) == "2 hours 30 minutes"


def test_less_and_more_are_named_and_step_by_15_minutes(qtbot: QtBot) -> None:
    stepper = DurationStepper("How long did it take?")
    qtbot.addWidget(stepper)
    assert (stepper.less.accessibleName(), stepper.more.accessibleName()) == (
        "Less time",
        "More time",
    )
    with qtbot.waitSignal(stepper.changed, check_params_cb=lambda value: value == 15):
        stepper.more.click()
    stepper.more.click()
    stepper.less.click()
    assert stepper.value() == 15
    assert stepper.words.text() == "15 minutes"


def test_the_time_never_goes_below_the_least_allowed(qtbot: QtBot) -> None:
    stepper = DurationStepper("Extra time", minimum=0)
    qtbot.addWidget(stepper)
    stepper.less.click()
    assert stepper.value() == 0 and stepper.words.text() == "no time"


def test_a_screen_reader_hears_the_question_and_the_time_in_words(qtbot: QtBot) -> None:
    stepper = DurationStepper("How long did it take?")
    qtbot.addWidget(stepper)
    stepper.set_value(90)
    assert stepper.box.accessibleName() == "How long did it take?"
    assert stepper.box.accessibleDescription() == "1 hour 30 minutes"


def test_the_buttons_are_big_enough_to_hit(qtbot: QtBot) -> None:
    stepper = DurationStepper("How long did it take?")
    _window = in_window(qtbot, stepper)
    for button in (stepper.less, stepper.more):
        assert button.width() >= 44 and button.height() >= 44


def test_arrow_keys_and_typing_change_the_time(qtbot: QtBot) -> None:
    stepper = DurationStepper("How long did it take?")
    _window = in_window(qtbot, stepper)
    stepper.focus()
    assert stepper.box.hasFocus()
    qtbot.keyClick(stepper.box, Qt.Key.Key_Up)
    qtbot.keyClick(stepper.box, Qt.Key.Key_Up)
    assert stepper.value() == 30
    qtbot.keyClick(stepper.box, Qt.Key.Key_Down)
    assert stepper.value() == 15
    stepper.box.selectAll()
    qtbot.keyClicks(stepper.box, "50")
    assert stepper.value() == 50 and stepper.words.text() == "50 minutes"


def test_tab_goes_less_then_the_box_then_more(qtbot: QtBot) -> None:
    stepper = DurationStepper("How long did it take?")
    _window = in_window(qtbot, stepper)
    stepper.less.setFocus()
    reached = [QApplication.focusWidget()]
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == [stepper.less, stepper.box, stepper.more]


def test_hours_and_minutes_can_be_typed(qtbot: QtBot) -> None:
    stepper = DurationStepper("How long did it take?")
    _window = in_window(qtbot, stepper)
    for typed, minutes, words in (
        ("1:30", 90, "1 hour 30 minutes"),
        ("1 h 30", 90, "1 hour 30 minutes"),
        ("90", 90, "1 hour 30 minutes"),
        ("45 min", 45, "45 minutes"),
    ):
        stepper.box.selectAll()
        qtbot.keyClicks(stepper.box, typed)
        assert (stepper.value(), stepper.words.text()) == (minutes, words), typed
    qtbot.mouseClick(stepper.more, Qt.MouseButton.LeftButton)
    assert stepper.value() == 60 and stepper.box.text() == "1 h"


def test_letters_are_never_swallowed(qtbot: QtBot) -> None:
    stepper = DurationStepper("How long did it take?")
    _window = in_window(qtbot, stepper)
    stepper.box.selectAll()
    qtbot.keyClicks(stepper.box, "9o")
    assert stepper.box.text() == "9o" and stepper.words.text() == ""
    with pytest.raises(InvalidInput, match="Write the time like"):
        stepper.value()
