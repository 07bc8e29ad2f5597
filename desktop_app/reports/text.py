"""User text made safe for ReportLab: escaped, and split into runs by font coverage.

ReportLab's ``Paragraph`` parses markup, so every piece of text is escaped before it
gets there. Each character is drawn by the first face in the fallback chain that has
its glyph, so names such as "Nguyễn" or "陈伟" never turn into empty boxes.
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from desktop_app.reports import fonts

_NEUTRAL = frozenset(" \u00a0")
# C0/C1 control characters (other than the newline) draw nothing useful and can upset
# the PDF text operators, so they are dropped; a tab becomes a space.
_CONTROLS = {c: None for c in range(0x20) if c not in (0x09, 0x0A)} | {0x09: 0x20, 0x7F: None}
_CONTROLS |= {c: None for c in range(0x80, 0xA0)}


def clean(text: str) -> str:
    """The text as it will be drawn: NFC-composed, without control characters."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    cleaned = text.translate(_CONTROLS)
    # Unpaired surrogates cannot be encoded in a PDF at all.
    if any(0xD800 <= ord(c) <= 0xDFFF for c in cleaned):
        cleaned = "".join(c for c in cleaned if not 0xD800 <= ord(c) <= 0xDFFF)
    return cleaned


def covered(text: str, face: str) -> bool:
    """True when ``face`` alone can draw every character of ``text``."""
    return fonts.codepoints(face).issuperset(map(ord, text))


def runs(text: str, face: str = fonts.REGULAR) -> list[tuple[str, str]]:
    """Split ``text`` into (face, piece) runs; spaces stay with the run they are in."""
    found: list[tuple[str, str]] = []
    current = face
    start = 0
    for index, char in enumerate(text):
        wanted = current if char in _NEUTRAL else fonts.font_for(face, char)
        if wanted != current:
            if index > start:
                found.append((current, text[start:index]))
            current, start = wanted, index
    if start < len(text):
        found.append((current, text[start:]))
    return found


def markup(text: str, face: str = fonts.REGULAR, explicit: bool = False) -> str:
    """Paragraph markup for plain ``text`` in a paragraph whose font is ``face``.

    Runs the main face can draw are left untagged (unless ``explicit``, used to put
    text in another face than the paragraph's); other runs get a ``<font>`` tag. Line
    breaks in the text are kept.
    """
    text = clean(text)
    if not explicit and covered(text, face):
        return escape(text).replace("\n", "<br/>")
    parts = []
    for run_face, piece in runs(text, face):
        body = escape(piece).replace("\n", "<br/>")
        if run_face == face and not explicit:
            parts.append(body)
        else:
            parts.append(f'<font name="{run_face}">{body}</font>')
    return "".join(parts)


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain (user or translated) text in ``style``."""
    return Paragraph(markup(text, style.fontName), style)


def cell(text: str, style: ParagraphStyle) -> str | Paragraph:
    """A table cell: a plain string when the main face covers it (fast), else a paragraph.

    A plain string in a table cell is drawn as it is, never parsed as markup.
    """
    cleaned = clean(text)
    if "\n" not in cleaned and covered(cleaned, style.fontName):
        return cleaned
    return para(text, style)


def width(text: str, face: str, size: float) -> float:
    """The width of ``text`` drawn with fallback, in points."""
    return sum(stringWidth(piece, run_face, size) for run_face, piece in runs(clean(text), face))


def draw(
    canvas: Canvas, x: float, y: float, text: str, face: str, size: float, align: str = "left"
) -> None:
    """Draw one line of plain text on a canvas, with fallback faces."""
    text = clean(text).replace("\n", " ")
    if align == "right":
        x -= width(text, face, size)
    elif align == "centre":
        x -= width(text, face, size) / 2
    for run_face, piece in runs(text, face):
        canvas.setFont(run_face, size)
        canvas.drawString(x, y, piece)
        x += stringWidth(piece, run_face, size)
