"""Choice tiles: one click, Enter or Space chooses; arrow keys only move between tiles.

Tiles that move on when chosen are push buttons to a screen reader; tiles whose choice is
read later (by Save) are radio buttons.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QGridLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers.screens import in_window
from ui.widgets.buttons import PrimaryButton, SecondaryButton
from ui.widgets.tiles import Choice, ChoiceTile, TileGroup, move_with_arrows

CHOICES = [
    Choice("meeting", "Meeting", "A call or a visit with the team"),
    Choice("reviewing", "Reviewing"),
    Choice("writing", "Writing"),
    Choice("other", "Something else"),
]


def _group(qtbot: QtBot) -> tuple[TileGroup, list[object]]:
    """Tiles that move on: something acts on each choice at once."""
    group = TileGroup(CHOICES, columns=2)
    chosen: list[object] = []
    group.chosen.connect(chosen.append)
    return group, chosen


def _role(widget: QWidget) -> QAccessible.Role:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.role()


def test_a_tile_is_named_by_its_words_and_described_by_its_second_line(qtbot: QtBot) -> None:
    tile = ChoiceTile(CHOICES[0])
    qtbot.addWidget(tile)
    assert tile.accessibleName() == "Meeting"
    assert tile.accessibleDescription() == "A call or a visit with the team"
    assert tile.text().split("\n")[:2] == ["Meeting", "A call or a visit with the team"]


def test_tiles_that_move_on_are_push_buttons(qtbot: QtBot) -> None:
    group, _chosen = _group(qtbot)
    _window = in_window(qtbot, group)
    assert group.moves_on()
    for tile in group.tiles:
        assert not tile.isCheckable()
        assert _role(tile) == QAccessible.Role.Button  # "push button" over AT-SPI


def test_tiles_read_later_are_radio_buttons(qtbot: QtBot) -> None:
    group = TileGroup(CHOICES, columns=2)  # nothing listens to ``chosen``: Save reads it
    _window = in_window(qtbot, group)
    assert not group.moves_on()
    for tile in group.tiles:
        assert tile.isCheckable() and tile.autoExclusive()
        assert _role(tile) == QAccessible.Role.RadioButton
    qtbot.mouseClick(group.tile_for("writing"), Qt.MouseButton.LeftButton)
    assert group.value() == "writing" and group.tile_for("writing").isChecked()


def test_a_group_can_be_told_which_kind_it_is(qtbot: QtBot) -> None:
    group = TileGroup(CHOICES, moves_on=False)
    qtbot.addWidget(group)
    group.chosen.connect(lambda _value: None)
    assert not group.moves_on() and group.tiles[0].isCheckable()
    told = TileGroup(CHOICES, moves_on=True)
    qtbot.addWidget(told)
    assert told.moves_on() and not told.tiles[0].isCheckable()


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
    qtbot.mouseClick(group.tile_for("writing"), Qt.MouseButton.LeftButton)
    assert chosen == ["writing", "writing"]  # a button: the same choice again acts again
    assert group.value() == "writing"


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Space])
def test_enter_or_space_chooses_the_focused_tile(qtbot: QtBot, key: Qt.Key) -> None:
    group, chosen = _group(qtbot)
    _window = in_window(qtbot, group)
    group.focus_current()
    assert QApplication.focusWidget() is group.tiles[0]
    qtbot.keyClick(group.tiles[0], key)
    assert chosen == ["meeting"]


@pytest.mark.parametrize("moves_on", [True, False], ids=["push buttons", "radio buttons"])
def test_arrow_keys_move_between_tiles_without_choosing(qtbot: QtBot, moves_on: bool) -> None:
    group = TileGroup(CHOICES, columns=2, moves_on=moves_on)
    chosen: list[object] = []
    group.chosen.connect(chosen.append)
    _window = in_window(qtbot, group)
    group.focus_current()
    for key, expected in (
        (Qt.Key.Key_Right, "reviewing"),
        (Qt.Key.Key_Down, "other"),
        (Qt.Key.Key_Left, "writing"),
        (Qt.Key.Key_Up, "meeting"),
        (Qt.Key.Key_Up, "meeting"),  # nothing above the first row
        (Qt.Key.Key_Left, "meeting"),  # nothing before the first tile
        (Qt.Key.Key_Down, "writing"),
        (Qt.Key.Key_Right, "other"),
        (Qt.Key.Key_Right, "other"),  # nothing after the last tile
    ):
        qtbot.keyClick(QApplication.focusWidget(), key)
        focused = QApplication.focusWidget()
        assert isinstance(focused, ChoiceTile) and focused.choice.value == expected, key
    assert chosen == [] and group.value() is None


def test_an_earlier_answer_is_shown_and_the_keyboard_starts_on_it(qtbot: QtBot) -> None:
    group, chosen = _group(qtbot)
    _window = in_window(qtbot, group)
    group.set_value("writing")
    assert chosen == []  # showing an answer is not choosing it again
    tile = group.tile_for("writing")
    assert group.value() == "writing" and tile.isChecked() and not tile.isCheckable()
    assert tile.property("current") is True  # drawn like a chosen tile
    assert tile.accessibleDescription() == "This is your answer so far."
    assert group.tile_for("meeting").accessibleDescription() == "A call or a visit with the team"
    group.focus_current()
    assert QApplication.focusWidget() is tile


def test_an_answer_given_before_the_group_moves_on_is_kept(qtbot: QtBot) -> None:
    """A page may show the earlier answer first and connect ``chosen`` after."""
    group = TileGroup(CHOICES)
    group.set_value("reviewing")
    group.chosen.connect(lambda _value: None)
    qtbot.addWidget(group)
    assert group.moves_on() and group.value() == "reviewing"
    assert not any(tile.isCheckable() for tile in group.tiles)


def test_a_screen_readers_toggle_chooses_radio_tiles_too(qtbot: QtBot) -> None:
    group = TileGroup(CHOICES, moves_on=False)
    chosen: list[object] = []
    group.chosen.connect(chosen.append)
    qtbot.addWidget(group)
    group.tile_for("other").setChecked(True)  # what an accessibility "toggle" action does
    assert chosen == ["other"]


def test_tab_treats_radio_tiles_as_one_stop(qtbot: QtBot) -> None:
    group = TileGroup(CHOICES, columns=2)
    after = PrimaryButton("Continue")
    _window = in_window(qtbot, group, after)
    group.focus_current()
    qtbot.keyClick(group.tiles[0], Qt.Key.Key_Right)
    qtbot.keyClick(group.tiles[1], Qt.Key.Key_Space)  # choose "Reviewing"
    qtbot.keyClick(group.tiles[1], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after  # one Tab leaves the tiles
    qtbot.keyClick(after, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is group.tiles[1]  # and Shift+Tab comes back


def test_tab_stops_at_each_push_button_tile_then_leaves_the_group(qtbot: QtBot) -> None:
    """Push buttons are each a Tab stop (a screen reader gives no hint that arrows work);
    Tab after the last tile goes on to the next group."""
    group, _chosen = _group(qtbot)
    after = PrimaryButton("Continue")
    _window = in_window(qtbot, group, after)
    group.focus_current()
    reached = [QApplication.focusWidget()]
    for _ in range(len(CHOICES)):
        qtbot.keyClick(reached[-1], Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == [*group.tiles, after]


def test_arrows_move_between_big_buttons_as_they_are_laid_out(qtbot: QtBot) -> None:
    """Home's big actions: two columns of buttons, moved through with the arrows."""
    buttons = [SecondaryButton(text) for text in ("Add", "Expense", "Records", "Certificate")]
    box = QWidget()

    grid = QGridLayout(box)
    for index, button in enumerate(buttons):
        grid.addWidget(button, index // 2, index % 2)
    pressed: list[str] = []
    for button in buttons:
        button.clicked.connect(lambda _c=False, b=button: pressed.append(b.text()))
    _arrows = move_with_arrows(buttons)
    _window = in_window(qtbot, box)
    buttons[0].setFocus()
    for key, expected in (
        (Qt.Key.Key_Down, "Records"),
        (Qt.Key.Key_Right, "Certificate"),
        (Qt.Key.Key_Up, "Expense"),
        (Qt.Key.Key_Left, "Add"),
    ):
        qtbot.keyClick(QApplication.focusWidget(), key)
        focused = QApplication.focusWidget()
        assert isinstance(focused, SecondaryButton) and focused.text() == expected, key
    assert pressed == []
