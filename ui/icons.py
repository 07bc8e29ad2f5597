"""Line icons from ``resources/icons``, drawn in the current theme's text colours.

Icons sit beside words and never carry meaning alone. Each icon holds one drawing per
state of the button it sits on, in that state's text colour, so it keeps its contrast
when the button is focused (Qt draws the "active" icon) or chosen (the "on" icon).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from desktop_app.resources import ICONS_DIR
from ui.theme import DEFAULT, Palette

_palette = DEFAULT


def set_icon_palette(palette: Palette) -> None:
    """Draw icons made from now on in ``palette``'s colours (called when the theme changes)."""
    global _palette
    _palette = palette


def icon_colours(palette: Palette) -> dict[tuple[QIcon.Mode, QIcon.State], str]:
    """The colour of an icon in each mode and state Qt asks for, as the text beside it."""
    mode, state = QIcon.Mode, QIcon.State
    return {
        (mode.Normal, state.Off): palette.text,
        (mode.Active, state.Off): palette.focus_text,  # the button has the keyboard
        (mode.Selected, state.Off): palette.focus_text,
        (mode.Normal, state.On): palette.selected_text,  # a chosen tile
        (mode.Active, state.On): palette.focus_text,
        (mode.Selected, state.On): palette.focus_text,
    }


def icon(name: str) -> QIcon:
    return _icon(name, _palette)


@cache
def _icon(name: str, palette: Palette) -> QIcon:
    made = QIcon()
    for (mode, state), colour in icon_colours(palette).items():
        made.addPixmap(_pixmap(name, colour), mode, state)
    return made


@cache
def _pixmap(name: str, colour: str) -> QPixmap:
    svg = (ICONS_DIR / f"{name}.svg").read_text(encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", colour).encode()))
    pixmap = QPixmap(96, 96)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return pixmap
