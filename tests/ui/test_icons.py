"""Icons keep 3:1 contrast with the button they sit on, in every state and both themes.

In high contrast a focused tile used to draw its icon white on cyan, where it could not
be seen. These tests draw a real tile in each state and measure what is on screen.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from desktop_app.settings import Preferences
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener, wait_until_still
from ui.icons import set_icon_palette
from ui.theme import DEFAULT, HIGH_CONTRAST, Palette, contrast_ratio
from ui.widgets.tiles import ChoiceTile, TileGroup

#: Where a tile's icon starts: after its border and padding, before its words.
ICON_LEFT = 12


def _hover(tile: ChoiceTile, other: ChoiceTile) -> None:
    other.setFocus()
    tile.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, True)


def _press(tile: ChoiceTile, other: ChoiceTile) -> None:
    other.setFocus()
    tile.setDown(True)


def _press_focused(tile: ChoiceTile, _other: ChoiceTile) -> None:
    tile.setFocus()
    tile.setDown(True)


def _choose(tile: ChoiceTile) -> None:
    """Show ``tile`` as chosen, as when a person comes back to the question."""
    group = tile.parentWidget()
    assert isinstance(group, TileGroup)
    group.set_value(tile.choice.value)
    assert tile.isChecked()


def _check(tile: ChoiceTile, other: ChoiceTile) -> None:
    _choose(tile)
    other.setFocus()


def _check_focused(tile: ChoiceTile, _other: ChoiceTile) -> None:
    _choose(tile)
    tile.setFocus()


STATES: dict[str, Callable[[ChoiceTile, ChoiceTile], None]] = {
    "normal": lambda _tile, other: other.setFocus(),
    "hover": _hover,
    "focused": lambda tile, _other: tile.setFocus(),
    "pressed": _press,
    "pressed with the keyboard on it": _press_focused,
    "checked": _check,
    "checked and focused": _check_focused,
}


def tiles_page(qtbot: QtBot, open_app: Opener, high_contrast: bool) -> tuple[ChoiceTile, ...]:
    """The first two tiles (with their icons) of "What did you do?", in the theme asked."""
    ctx, _window = open_app()
    ctx.settings.set(Preferences.high_contrast, high_contrast)
    ctx.restyle()
    page = wait_until_still(qtbot, visit(ctx, "add-time-1-what"))
    tiles: list[ChoiceTile] = page.tiles.tiles  # type: ignore[attr-defined]
    assert all(not tile.icon().isNull() for tile in tiles[:2])
    return tiles[0], tiles[1]


def icon_contrast(image: QImage, left: int, right: int) -> tuple[str, str, float]:
    """The tile's background (inside its border) and the icon's colour that stands out
    most from it, between ``left`` and ``right`` (where the icon is drawn)."""
    background = image.pixelColor(8, image.height() // 2).name()
    best, ratio = background, 1.0
    for x in range(left, right):
        for y in range(8, image.height() - 8):
            colour = image.pixelColor(x, y).name()
            if (found := contrast_ratio(colour, background)) > ratio:
                best, ratio = colour, found
    return background, best, ratio


@pytest.mark.parametrize("palette", [DEFAULT, HIGH_CONTRAST], ids=lambda p: p.name)
@pytest.mark.parametrize("state", list(STATES))
def test_a_tiles_icon_has_3_to_1_contrast_in_every_state(
    qtbot: QtBot, open_app: Opener, palette: Palette, state: str
) -> None:
    tile, other = tiles_page(qtbot, open_app, palette is HIGH_CONTRAST)
    STATES[state](tile, other)
    qtbot.waitUntil(lambda: tile.hasFocus() == ("focus" in state or "keyboard" in state))
    assert tile.isVisible()
    image = tile.grab().toImage()
    # The icon sits at the left, after the border and padding, before the words.
    background, colour, ratio = icon_contrast(image, ICON_LEFT, ICON_LEFT + 40)
    assert background in (palette.surface, palette.focus_fill, palette.selected)
    assert ratio >= 3, f"the icon is {colour} on {background}: {ratio:.2f} to 1"


def test_the_contrast_check_sees_an_icon_like_its_background(
    qtbot: QtBot, open_app: Opener
) -> None:
    """An icon drawn in the background's own colour is caught."""
    tile, other = tiles_page(qtbot, open_app, True)
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)  # the tile is drawn without the focus
    set_icon_palette(DEFAULT)  # dark icons, on the dark high-contrast tiles
    try:
        tile.set_named_icon("meeting")
        _background, _colour, ratio = icon_contrast(
            tile.grab().toImage(), ICON_LEFT, ICON_LEFT + 40
        )
    finally:
        set_icon_palette(HIGH_CONTRAST)
    assert ratio < 3
