"""The bundled, highly legible font, used everywhere in the app."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

FONTS_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
FAMILY = "Atkinson Hyperlegible"
BASE_POINT_SIZE = 14


def load_bundled_fonts(app: QApplication) -> str:
    """Register the bundled fonts and make Atkinson Hyperlegible the app font."""
    for path in sorted(FONTS_DIR.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    font = QFont(FAMILY, BASE_POINT_SIZE)
    app.setFont(font)
    return FAMILY
