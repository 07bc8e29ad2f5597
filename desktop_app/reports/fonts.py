"""The embedded fonts, registered once per process, and which font draws which character.

Atkinson Hyperlegible is the main face. It lacks Vietnamese and CJK glyphs, so a
character it cannot draw falls back to DejaVu Sans (Latin-extended, Vietnamese, Greek,
Cyrillic), then to WenQuanYi Micro Hei (Chinese, Japanese, Korean). The CJK face is
large, so it is only loaded when a text needs it.
"""

from __future__ import annotations

import threading
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop_app.resources import FONTS_DIR

REGULAR = "PL-Atkinson"
BOLD = "PL-Atkinson-Bold"
ITALIC = "PL-Atkinson-Italic"
BOLD_ITALIC = "PL-Atkinson-BoldItalic"
LATIN = "PL-DejaVuSans"
LATIN_BOLD = "PL-DejaVuSans-Bold"
CJK = "PL-WQYMicroHei"

_FILES: dict[str, tuple[str, int]] = {
    REGULAR: ("AtkinsonHyperlegible-Regular.ttf", 0),
    BOLD: ("AtkinsonHyperlegible-Bold.ttf", 0),
    ITALIC: ("AtkinsonHyperlegible-Italic.ttf", 0),
    BOLD_ITALIC: ("AtkinsonHyperlegible-BoldItalic.ttf", 0),
    LATIN: ("DejaVuSans.ttf", 0),
    LATIN_BOLD: ("DejaVuSans-Bold.ttf", 0),
    CJK: ("wqy-microhei.ttc", 0),
}

#: For each main face, the faces tried in order for a character it lacks.
#: WenQuanYi has no bold, so bold CJK text uses the regular weight.
FALLBACKS: dict[str, tuple[str, ...]] = {
    REGULAR: (REGULAR, LATIN, CJK),
    BOLD: (BOLD, LATIN_BOLD, CJK),
    ITALIC: (ITALIC, LATIN, CJK),
    BOLD_ITALIC: (BOLD_ITALIC, LATIN_BOLD, CJK),
}

_lock = threading.Lock()


def register(name: str) -> str:
    """Register the font ``name`` with ReportLab (once) and return its name."""
    with _lock:
        if name not in pdfmetrics.getRegisteredFontNames():
            filename, index = _FILES[name]
            pdfmetrics.registerFont(TTFont(name, str(FONTS_DIR / filename), subfontIndex=index))
            _map_family(name)
    return name


def _map_family(name: str) -> None:
    """Tell ReportLab's <b>/<i> handling which face is the bold or italic of which."""
    if name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC):
        for face, bold, italic in (
            (REGULAR, 0, 0),
            (BOLD, 1, 0),
            (ITALIC, 0, 1),
            (BOLD_ITALIC, 1, 1),
        ):
            addMapping(REGULAR, bold, italic, face)
    elif name in (LATIN, LATIN_BOLD):
        for face, bold in ((LATIN, 0), (LATIN_BOLD, 1)):
            addMapping(LATIN, bold, 0, face)
            addMapping(LATIN, bold, 1, face)
    else:
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(CJK, bold, italic, CJK)


def register_main() -> None:
    """Register the faces every document uses (the CJK face waits until it is needed)."""
    for name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC, LATIN, LATIN_BOLD):
        register(name)


@cache
def codepoints(name: str) -> frozenset[int]:
    """The code points the font ``name`` has a glyph for (from its cmap)."""
    font = pdfmetrics.getFont(register(name))
    return frozenset(font.face.charToGlyph)


def has_glyph(name: str, char: str) -> bool:
    return ord(char) in codepoints(name)


@cache
def font_for(main: str, char: str) -> str:
    """The first face in ``main``'s fallback chain that can draw ``char``.

    A character no face has stays in the main face (it shows as an empty box).
    """
    code = ord(char)
    for face in FALLBACKS[main]:
        if code in codepoints(face):
            return face
    return main
