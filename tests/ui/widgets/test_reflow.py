"""Labels that re-flow: a long button label wraps onto more lines instead of being cut off."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.helpers.screens import in_window
from ui.widgets.buttons import WrappingButton
from ui.widgets.reflow import wrap_lines

LONG = "Send my records to my coordinator, with a password"


def test_words_wrap_to_the_width_and_lines_given_stay(qapp: QApplication) -> None:
    metrics = QFontMetrics(QFont())
    width = metrics.horizontalAdvance("Send my records")
    lines = wrap_lines("Send my records to my\ncoordinator", metrics, width)
    assert lines[-1] == "coordinator"
    assert " ".join(lines) == "Send my records to my coordinator"
    assert all(metrics.horizontalAdvance(line) <= width for line in lines)


def test_a_word_longer_than_the_width_keeps_a_line_of_its_own(qapp: QApplication) -> None:
    metrics = QFontMetrics(QFont())
    assert wrap_lines("a Supercalifragilistic b", metrics, 5) == ["a", "Supercalifragilistic", "b"]


def test_a_narrow_button_wraps_its_label_and_is_tall_enough_for_it(qtbot: QtBot) -> None:
    button = WrappingButton(LONG)
    _window = in_window(qtbot, button, width=220)
    assert "\n" in button.text()
    assert button.text().replace("\n", " ") == LONG  # no word is lost
    assert button.full_text() == LONG
    assert button.height() >= button.sizeHint().height() >= 44


def test_a_wide_button_keeps_its_label_on_one_line(qtbot: QtBot) -> None:
    button = WrappingButton(LONG)
    _window = in_window(qtbot, button, width=900)
    assert button.text() == LONG


def test_new_text_is_wrapped_too(qtbot: QtBot) -> None:
    button = WrappingButton("Save")
    _window = in_window(qtbot, button, width=220)
    button.setText(LONG)
    assert button.full_text() == LONG and "\n" in button.text()


def test_a_larger_font_wraps_again(qtbot: QtBot) -> None:
    button = WrappingButton("Send my records to my coordinator")
    _window = in_window(qtbot, button, width=420)
    lines_before = button.text().count("\n")
    font = button.font()
    font.setPixelSize(round(QFontInfo(font).pixelSize() * 2))
    button.setFont(font)
    assert button.text().count("\n") > lines_before


def test_even_a_short_label_leaves_a_target_big_enough(qtbot: QtBot) -> None:
    button = WrappingButton("+")
    qtbot.addWidget(button)
    assert button.minimumSizeHint().width() >= 88
    assert button.minimumSizeHint().height() >= 44
    assert button.sizeHint().width() >= 44 and button.sizeHint().height() >= 44
