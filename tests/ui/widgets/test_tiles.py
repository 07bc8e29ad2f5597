"""Choice tiles: one click, Enter or Space chooses; arrow keys only move between tiles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.helpers.screens import in_window
from ui.widgets.buttons import PrimaryButton
from ui.widgets.tiles import Choice, ChoiceTile, TileGroup

CHOICES = [
    Choice("meeting", "Meeting", "A call or a visit with the team"),
    Choice("reviewing", "Reviewing"),
    Choice("writing", "Writing"),
    Choice("other", "Something else"),
]


def _group(qtbot: QtBot) -> tuple[TileGroup, list[object]]:
    group = TileGroup(CHOICES, columns=2)
    chosen: list[object] = []
    group.chosen.connect(chosen.append)
    return group, chosen


def test_a_tile_is_named_by_its_words_and_described_by_its_second_line(qtbot: QtBot) -> None:
    tile = ChoiceTile(CHOICES[0])
    qtbot.addWidget(tile)
    assert tile.accessibleName() == "Meeting"
    assert tile.accessibleDescription() == "A call or a visit with the team"
    assert tile.text().split("\n")[:2] == ["Meeting", "A call or a visit with the team"]
    assert tile.isCheckable() and tile.autoExclusive()  # a screen reader hears a radio button


def test_a_tile_is_a_big_target(qtbot: QtBot) -> None:
    group, _chosen = _group(qtbot)
    _window = in_window(qtbot, group)
    for tile in group.tiles:
        assert tile.width() >= 3 * 44 and tile.height() >= 44


def test_one_click_chooses(qtbot: QtBot) -> None:
    group, chosen = _group(qtbot)
    _window = in_window(qtbot, group)
    qtbot.mouseClick(group.tile_for("writing"), Qt.MouseButton.LeftButton)
    assert chosen == ["writing"] and group.value() == "writing"


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Space])
def test_enter_or_space_chooses_the_focused_tile(qtbot: QtBot, key: Qt.Key) -> None:
    group, chosen = _group(qtbot)
    _window = in_window(qtbot, group)
    group.focus_current()
    assert QApplication.focusWidget() is group.tiles[0]
    qtbot.keyClick(group.tiles[0], key)
    assert chosen == ["meeting"]


def test_arrow_keys_move_between_tiles_without_choosing(qtbot: QtBot) -> None:
    group, chosen = _group(qtbot)
    _window = in_window(qtbot, group)
    group.focus_current()
    for key, expected in (
        (Qt.Key.Key_Right, "reviewing"),
        (Qt.Key.Key_Down, "other"),
        (Qt.Key.Key_Left, "writing"),
        (Qt.Key.Key_Up, "meeting"),
        (Qt.Key.Key_Up, "meeting"),  # nothing above the first row
    ):
        qtbot.keyClick(QApplication.focusWidget(), key)
        focused = QApplication.focusWidget()
        assert isinstance(focused, ChoiceTile) and focused.choice.value == expected
    assert chosen == [] and group.value() is None


def test_an_earlier_answer_is_shown_and_the_keyboard_starts_on_it(qtbot: QtBot) -> None:
    group, chosen = _group(qtbot)
    _window = in_window(qtbot, group)
    group.set_value("writing")
    assert chosen == []  # showing an answer is not choosing it again
    assert group.value() == "writing" and group.tile_for("writing").isChecked()
    group.focus_current()
    assert QApplication.focusWidget() is group.tile_for("writing")


def test_a_screen_readers_toggle_chooses_too(qtbot: QtBot) -> None:
    group, chosen = _group(qtbot)
    qtbot.addWidget(group)
    group.tile_for("other").setChecked(True)  # what an accessibility "toggle" action does
    assert chosen == ["other"]


def test_tab_treats_the_tiles_as_one_stop_like_radio_buttons(qtbot: QtBot) -> None:
    group, _chosen = _group(qtbot)
    after = PrimaryButton("Continue")
    _window = in_window(qtbot, group, after)
    group.focus_current()
    qtbot.keyClick(group.tiles[0], Qt.Key.Key_Right)
    qtbot.keyClick(group.tiles[1], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after  # one Tab leaves the tiles
    qtbot.keyClick(after, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is group.tiles[1]  # and Shift+Tab comes back
