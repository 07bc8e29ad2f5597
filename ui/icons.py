"""Line icons from ``resources/icons``, drawn in the current theme's text colour.

Icons sit beside words and never carry meaning alone.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from desktop_app.resources import ICONS_DIR

_colour = "#0b0c0c"


def set_icon_colour(colour: str) -> None:
    """Draw icons made from now on in ``colour`` (called when the theme changes)."""
    global _colour
    _colour = colour


def icon(name: str) -> QIcon:
    return _icon(name, _colour)


@cache
def _icon(name: str, colour: str) -> QIcon:
    svg = (ICONS_DIR / f"{name}.svg").read_text(encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", colour).encode()))
    pixmap = QPixmap(96, 96)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return QIcon(pixmap)
