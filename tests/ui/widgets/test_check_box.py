"""A check box named by its label, that Space ticks and whose label wraps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.helpers.screens import in_window
from ui.widgets.check_box import CheckBox

LONG = "Share this reflection with my coordinator when I send my records"


def test_a_screen_reader_hears_the_label(qtbot: QtBot) -> None:
    box = CheckBox(LONG)
    qtbot.addWidget(box)
    assert box.accessibleName() == LONG
    assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_space_ticks_and_unticks(qtbot: QtBot) -> None:
    box = CheckBox("Share it")
    _window = in_window(qtbot, box)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not box.isChecked()


def test_a_long_label_wraps_in_a_narrow_space_and_keeps_its_name(qtbot: QtBot) -> None:
    box = CheckBox(LONG)
    _window = in_window(qtbot, box, width=260)
    assert "\n" in box.text()  # drawn on more than one line
    assert box.full_text() == LONG and box.accessibleName() == LONG
    assert box.height() >= 44 and box.width() <= 260
