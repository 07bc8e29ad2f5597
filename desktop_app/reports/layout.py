"""What every Partner Log PDF shares: page, styles, footer, metadata and safe writing."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, TableStyle

from desktop_app import APP_NAME, __version__
from desktop_app.i18n import _
from desktop_app.reports import fonts, text
from desktop_app.reports.formatting import long_date
from desktop_app.storage.atomic import atomic_write_bytes

PAGE = LETTER
MARGIN = 22 * mm
BOTTOM = 24 * mm
#: The width of the text between the side margins.
TEXT_WIDTH = PAGE[0] - 2 * MARGIN

ACCENT = colors.HexColor("#0E5A5F")  # deep teal: 7.6:1 against white
ACCENT_TINT = colors.HexColor("#E6F0F0")
STRIPE = colors.HexColor("#F6F8F8")
INK = colors.HexColor("#1B1B1B")
MUTED = colors.HexColor("#4F5656")  # 7.4:1 against white
RULE = colors.HexColor("#B9C7C7")


def _style(name: str, face: str, size: float, **extra: Any) -> ParagraphStyle:
    extra.setdefault("leading", size * 1.35)
    extra.setdefault("textColor", INK)
    return ParagraphStyle(name, fontName=face, fontSize=size, **extra)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    header_cell: ParagraphStyle
    figure: ParagraphStyle
    figure_label: ParagraphStyle


def styles() -> Styles:
    fonts.register_main()
    return Styles(
        title=_style("title", fonts.BOLD, 22, textColor=ACCENT, spaceAfter=2 * mm),
        subtitle=_style("subtitle", fonts.REGULAR, 12, textColor=MUTED, spaceAfter=6 * mm),
        heading=_style(
            "heading", fonts.BOLD, 14, textColor=ACCENT, spaceBefore=7 * mm, spaceAfter=3 * mm
        ),
        subheading=_style("subheading", fonts.BOLD, 11.5, spaceBefore=4 * mm, spaceAfter=2 * mm),
        body=_style("body", fonts.REGULAR, 10.5, spaceAfter=2.5 * mm),
        small=_style("small", fonts.REGULAR, 8.5, textColor=MUTED),
        cell=_style("cell", fonts.REGULAR, 9.5, leading=12),
        cell_bold=_style("cell_bold", fonts.BOLD, 9.5, leading=12),
        cell_right=_style("cell_right", fonts.REGULAR, 9.5, leading=12, alignment=TA_RIGHT),
        header_cell=_style("header_cell", fonts.BOLD, 9, leading=11, textColor=colors.white),
        figure=_style("figure", fonts.BOLD, 22, leading=26, textColor=ACCENT, alignment=TA_CENTER),
        figure_label=_style(
            "figure_label", fonts.REGULAR, 9.5, leading=12, textColor=MUTED, alignment=TA_CENTER
        ),
    )


def plain_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A table style that starts every cell in the embedded main face (never Helvetica)."""
    return TableStyle([("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9.5, 12), *commands])


def table_style(numeric_columns: Sequence[int] = (), total_row: bool = False) -> TableStyle:
    """A calm data table: accent header, light stripes, hairlines, numbers on the right."""
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9.5, 12),
        ("FONT", (0, 0), (-1, 0), fonts.BOLD, 9, 11),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("TEXTCOLOR", (0, 1), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE]),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]
    for column in numeric_columns:
        commands.append(("ALIGN", (column, 0), (column, -1), "RIGHT"))
    if total_row:
        commands += [
            ("FONT", (0, -1), (-1, -1), fonts.BOLD, 9.5, 12),
            ("BACKGROUND", (0, -1), (-1, -1), ACCENT_TINT),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
        ]
    return TableStyle(commands)


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    author: str
    subject: str
    made_on: date = field(default_factory=date.today)
    keywords: Sequence[str] = ()


def _footer_canvas(info: DocumentInfo) -> Callable[..., Canvas]:
    """A canvas class that knows the page count, for "Page 1 of 2" footers."""
    made = _("Made with {app} {version} on {day}").format(
        app=APP_NAME, version=__version__, day=long_date(info.made_on)
    )

    class FooterCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Start in an embedded face, so no unembedded Helvetica is ever referenced.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or fonts.REGULAR
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._draw_footer(number, total)
                super().showPage()
            super().save()

        def _draw_footer(self, number: int, total: int) -> None:
            width, _height = PAGE
            y = BOTTOM - 10 * mm
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, y + 4.5 * mm, width - MARGIN, y + 4.5 * mm)
            self.setFillColor(MUTED)
            text.draw(self, MARGIN, y, made, fonts.REGULAR, 8)
            page = _("Page {number} of {total}").format(number=number, total=total)
            text.draw(self, width - MARGIN, y, page, fonts.REGULAR, 8, align="right")
            self.restoreState()

    return FooterCanvas


def render(
    story: list[Flowable],
    info: DocumentInfo,
    decorate: Callable[[Canvas, BaseDocTemplate], None] | None = None,
) -> bytes:
    """Lay out ``story`` on numbered pages and return the PDF bytes.

    ``decorate`` draws on each page before the content (a border, for instance).
    """
    fonts.register_main()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=BOTTOM,
        title=text.clean(info.title),
        author=text.clean(info.author),
        subject=text.clean(info.subject),
        creator=f"{APP_NAME} {__version__}",
        keywords=[text.clean(k) for k in info.keywords],
        lang=_("en"),
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    on_page = decorate or (lambda _canvas, _doc: None)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    doc.build(story, canvasmaker=_footer_canvas(info))
    return buffer.getvalue()


def write(path: str | os.PathLike[str], pdf: bytes) -> None:
    """Write a finished PDF atomically: a crash never leaves half a file over a good one."""
    atomic_write_bytes(path, pdf)
