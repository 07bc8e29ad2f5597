"""Text size: Smaller and Bigger buttons or arrow keys, 100% to 200%, said as a percentage."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.helpers.screens import in_window
from ui.widgets.text_size import TextSizeControl


def test_bigger_and_smaller_step_and_say_the_size(qtbot: QtBot) -> None:
    control = TextSizeControl(1.0)
    qtbot.addWidget(control)
    with qtbot.waitSignal(control.changed, check_params_cb=lambda scale: scale == 1.25):
        control.bigger.click()
    assert control.value_label.text() == "125%"
    assert control.slider.accessibleName() == "Text size"
    assert control.slider.accessibleDescription() == "125%"
    control.smaller.click()
    assert control.scale() == 1.0


def test_the_size_stays_between_100_and_200_percent(qtbot: QtBot) -> None:
    control = TextSizeControl(2.0)
    qtbot.addWidget(control)
    with qtbot.assertNotEmitted(control.changed):
        control.bigger.click()
    assert control.scale() == 2.0
    control.set_scale(1.0)
    control.smaller.click()
    assert control.scale() == 1.0


@pytest.mark.parametrize(("asked", "shown"), [(1.3, 1.25), (0.5, 1.0), (3.0, 2.0), (1.6, 1.5)])
def test_a_saved_size_shows_as_the_nearest_step(qtbot: QtBot, asked: float, shown: float) -> None:
    control = TextSizeControl(asked)
    qtbot.addWidget(control)
    assert control.scale() == shown
    assert control.value_label.text() == f"{round(shown * 100)}%"


def test_arrow_keys_on_the_slider_change_the_size(qtbot: QtBot) -> None:
    control = TextSizeControl(1.0)
    _window = in_window(qtbot, control)
    control.setFocus()
    assert control.slider.hasFocus()  # the keyboard lands on the slider itself
    qtbot.keyClick(control.slider, Qt.Key.Key_Right)
    qtbot.keyClick(control.slider, Qt.Key.Key_Right)
    assert control.scale() == 1.5
    qtbot.keyClick(control.slider, Qt.Key.Key_Left)
    assert control.scale() == 1.25


def test_nothing_needs_dragging_and_the_buttons_are_big_enough(qtbot: QtBot) -> None:
    control = TextSizeControl(1.0)
    _window = in_window(qtbot, control)
    for button in (control.smaller, control.bigger):
        assert button.width() >= 44 and button.height() >= 44
        assert button.accessibleName() in ("Smaller", "Bigger")
