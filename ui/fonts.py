"""The bundled, highly legible font, used everywhere in the app.

Sizes are set in pixels, never points: macOS counts 72 points to the inch where Windows
and Linux count 96, so a point size comes out about a quarter smaller there, and
``QT_FONT_DPI`` would scale it twice. Sizes are still thought of in points (14 pt body
text, as designed) and turned into pixels at 96 dots to the inch.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop_app.resources import FONTS_DIR

FAMILY = "Atkinson Hyperlegible"
BASE_POINT_SIZE = 14
#: Pixels for one point at 96 dots to the inch.
PX_PER_PT = 96 / 72


def pt_to_px(points: float) -> int:
    """``points`` as whole pixels (14 pt is 19 px)."""
    return max(1, round(points * PX_PER_PT))


#: The body text size at 100%.
BASE_PIXEL_SIZE = pt_to_px(BASE_POINT_SIZE)


def text_scale_of(font: QFont) -> float:
    """How large ``font`` is against the body text at 100% (2.0 at 200%)."""
    if font.pixelSize() > 0:
        return font.pixelSize() / BASE_PIXEL_SIZE
    return font.pointSizeF() / BASE_POINT_SIZE


def load_bundled_fonts(app: QApplication) -> str:
    """Register the bundled fonts and make Atkinson Hyperlegible the app font."""
    for path in sorted(FONTS_DIR.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    font = QFont(FAMILY)
    font.setPixelSize(BASE_PIXEL_SIZE)
    app.setFont(font)
    return FAMILY
