"""Buttons: named for screen readers, at least 44 by 44 pixels, and Enter or Space presses them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.helpers.screens import in_window
from ui.widgets.buttons import Button, LinkButton, PrimaryButton, SecondaryButton, plain


def test_the_name_a_screen_reader_says_is_the_label_without_shortcut_marks() -> None:
    assert plain("&Save") == "Save"
    assert plain("Tea && biscuits") == "Tea & biscuits"


def test_a_button_is_named_and_described(qtbot: QtBot) -> None:
    button = Button("&Save the changes", "Keeps what you typed")
    qtbot.addWidget(button)
    assert button.accessibleName() == "Save the changes"
    assert button.accessibleDescription() == "Keeps what you typed"
    assert button.toolTip() == "Keeps what you typed"  # the same words on hover
    button.setText("Save &again")
    assert button.accessibleName() == "Save again"


def test_a_link_can_say_more_than_its_visible_word(qtbot: QtBot) -> None:
    link = LinkButton("Change", "Change: How long")
    qtbot.addWidget(link)
    assert link.text() == "Change"
    assert link.accessibleName() == "Change: How long"


@pytest.mark.parametrize("kind", [PrimaryButton, SecondaryButton, LinkButton])
def test_every_button_is_at_least_44_pixels_each_way(qtbot: QtBot, kind: type[Button]) -> None:
    button = kind("+")
    _window = in_window(qtbot, button)
    assert button.width() >= 44 and button.height() >= 44
    assert button.minimumSizeHint().width() >= 44 and button.minimumSizeHint().height() >= 44


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_enter_and_space_both_press_the_focused_button(qtbot: QtBot, key: Qt.Key) -> None:
    button = PrimaryButton("Continue")
    _window = in_window(qtbot, button)
    button.setFocus()
    assert button.hasFocus()
    with qtbot.waitSignal(button.clicked, timeout=1000):
        qtbot.keyClick(button, key)


def test_tab_reaches_a_button(qtbot: QtBot) -> None:
    button = SecondaryButton("Back")
    qtbot.addWidget(button)
    assert button.focusPolicy() == Qt.FocusPolicy.StrongFocus
