"""The bundled, highly legible font, used everywhere in the app."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop_app.resources import FONTS_DIR

FAMILY = "Atkinson Hyperlegible"
BASE_POINT_SIZE = 14


def load_bundled_fonts(app: QApplication) -> str:
    """Register the bundled fonts and make Atkinson Hyperlegible the app font."""
    for path in sorted(FONTS_DIR.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    font = QFont(FAMILY, BASE_POINT_SIZE)
    app.setFont(font)
    return FAMILY
