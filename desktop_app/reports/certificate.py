"""The contribution certificate: one page, for recognition, with a check code and QR.

It shows the name, the project(s), the period, hours, meetings and the products the
partner helped make. It never shows notes, reflections or any health detail.
"""

from __future__ import annotations

import os
from datetime import date

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, KeepInFrame, Spacer, Table
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.i18n import _, ngettext
from desktop_app.labels import label
from desktop_app.model import Certificate, EngagementType, Person, Project
from desktop_app.reports import fonts, layout
from desktop_app.reports.formatting import long_date, number, period
from desktop_app.reports.text import para
from desktop_app.services import lifecycle
from desktop_app.services.certificates import issue_certificate

MAX_PRODUCTS = 16


def _centred(name: str, face: str, size: float, **extra: object) -> ParagraphStyle:
    extra.setdefault("textColor", layout.INK)
    extra.setdefault("leading", size * 1.3)
    return ParagraphStyle(name, fontName=face, fontSize=size, alignment=TA_CENTER, **extra)


def _border(canvas: Canvas, _doc: BaseDocTemplate) -> None:
    width, height = layout.PAGE
    canvas.saveState()
    canvas.setStrokeColor(layout.ACCENT)
    canvas.setLineWidth(2.2)
    canvas.rect(11 * mm, 11 * mm, width - 22 * mm, height - 22 * mm)
    canvas.setStrokeColor(layout.RULE)
    canvas.setLineWidth(0.6)
    canvas.rect(13.5 * mm, 13.5 * mm, width - 27 * mm, height - 27 * mm)
    canvas.restoreState()


def _qr(code: str, size: float) -> Drawing:
    widget = QrCodeWidget(code, barLevel="M")
    widget.barFillColor = layout.INK
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.initialFontName = fonts.REGULAR  # not the unembedded Helvetica default
    drawing.add(widget)
    return drawing


def _figures_row(certificate: Certificate, st: layout.Styles, width: float) -> Table:
    figures = certificate.figures
    values = [
        (number(figures["hours"]), _("hours given")),
        (
            str(figures["meetings"]),
            ngettext("meeting attended", "meetings attended", figures["meetings"]),
        ),
        (
            str(figures["products"]),
            ngettext("product helped make", "products helped make", figures["products"]),
        ),
    ]
    row = [[para(value, st.figure), para(text, st.figure_label)] for value, text in values]
    table = Table([row], colWidths=[width / 3] * 3)
    table.setStyle(
        layout.plain_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), layout.ACCENT_TINT),
                ("LINEAFTER", (0, 0), (1, 0), 1.5, "white"),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def _products(certificate: Certificate, st: layout.Styles, width: float) -> list[Flowable]:
    """The products, two to a row: the title, and how the partner took part beneath it."""
    items = certificate.figures.get("product_list", [])
    if not items:
        return []
    shown = items if len(items) <= MAX_PRODUCTS else items[: MAX_PRODUCTS - 1]
    title_style = ParagraphStyle("product", parent=st.cell, fontSize=9.5, leading=11.5)
    how_style = ParagraphStyle("how", parent=st.small, fontSize=8.5, leading=10.5)
    boxes: list[object] = [
        [
            para(item["title"], title_style),
            para(label(EngagementType(item["engagement"])), how_style),
        ]
        for item in shown
    ]
    if len(shown) < len(items):
        boxes.append(para(_("and {n} more").format(n=len(items) - len(shown)), title_style))
    if len(boxes) % 2:
        boxes.append("")
    rows = [boxes[i : i + 2] for i in range(0, len(boxes), 2)]
    table = Table(rows, colWidths=[width / 2] * 2)
    table.setStyle(
        layout.plain_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, layout.RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    heading = _centred("products-heading", fonts.BOLD, 11.5, textColor=layout.ACCENT)
    return [para(_("Products I helped make"), heading), Spacer(1, 2 * mm), table]


def _signatures(coordinators: str, st: layout.Styles, width: float) -> Table:
    line = "_" * 1
    rows = [
        [line, "", line],
        [
            para(_("Signature of the coordinator"), st.small),
            "",
            para(_("Date"), st.small),
        ],
        [para(coordinators, st.cell), "", ""],
    ]
    table = Table(
        rows, colWidths=[width * 0.55, width * 0.1, width * 0.35], rowHeights=[11 * mm, None, None]
    )
    table.setStyle(
        layout.plain_style(
            [
                ("LINEBELOW", (0, 0), (0, 0), 0.8, layout.INK),
                ("LINEBELOW", (2, 0), (2, 0), 0.8, layout.INK),
                ("TEXTCOLOR", (0, 0), (-1, 0), "white"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 1), (-1, -1), 2),
            ]
        )
    )
    return table


def _verification(code: str, issued_on: date, st: layout.Styles, width: float) -> Table:
    size = 26 * mm
    words = [
        para(_("Check code"), st.small),
        para(code, ParagraphStyle("code", parent=st.body, fontName=fonts.BOLD, fontSize=13)),
        para(
            _(
                "This code is made from the exact records on this certificate. "
                "A coordinator can check it in Partner Log with: partner-log verify {code}"
            ).format(code=code),
            st.small,
        ),
        para(_("Issued on {day}").format(day=long_date(issued_on)), st.small),
    ]
    table = Table([[_qr(code, size), words]], colWidths=[size + 6 * mm, width - size - 6 * mm])
    table.setStyle(
        layout.plain_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LINEABOVE", (0, 0), (-1, 0), 0.5, layout.RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
            ]
        )
    )
    return table


def certificate_pdf(
    session: Session, certificate: Certificate, made_on: date | None = None
) -> bytes:
    """The PDF of an issued certificate, built only from what the certificate records."""
    st = layout.styles()
    person = lifecycle.get_live(session, Person, certificate.person_id, _("person"))
    projects = [session.get(Project, pid) for pid in certificate.project_ids]
    organisations = sorted({p.organisation for p in projects if p and p.organisation})
    coordinators = sorted({p.coordinator_name for p in projects if p and p.coordinator_name})
    figures = certificate.figures
    first = date.fromisoformat(figures["first_date"]) if figures.get("first_date") else None
    last = date.fromisoformat(figures["last_date"]) if figures.get("last_date") else None
    when = period(certificate.period_start or first, certificate.period_end or last)
    width = layout.TEXT_WIDTH

    story: list[Flowable] = [
        para(
            " \u00b7 ".join(organisations),
            _centred("org", fonts.REGULAR, 10.5, textColor=layout.MUTED),
        ),
        Spacer(1, 3 * mm),
        para(
            _("Certificate of Contribution"), _centred("t", fonts.BOLD, 28, textColor=layout.ACCENT)
        ),
        Spacer(1, 4 * mm),
        para(
            _("This certificate is given to"),
            _centred("l1", fonts.REGULAR, 12, textColor=layout.MUTED),
        ),
        Spacer(1, 2 * mm),
        para(person.display_name, _centred("name", fonts.BOLD, 26)),
        Spacer(1, 2 * mm),
        para(
            _("for the time and experience they gave to"),
            _centred("l2", fonts.REGULAR, 12, textColor=layout.MUTED),
        ),
        para(", ".join(figures.get("projects", [])), _centred("project", fonts.BOLD, 15)),
        para(when, _centred("period", fonts.REGULAR, 12)),
        Spacer(1, 5 * mm),
        _figures_row(certificate, st, width),
        Spacer(1, 3 * mm),
        *_products(certificate, st, width),
        Spacer(1, 5 * mm),
        para(
            _(
                "Thank you, {name}. You gave us your time and your ideas. You shared what "
                "you know from your own life. Your voice helped shape this work. The work "
                "is better because you were part of it. We are very grateful."
            ).format(name=person.name),
            _centred("thanks", fonts.REGULAR, 12.5, leading=18),
        ),
        Spacer(1, 2 * mm),
        _signatures(", ".join(coordinators), st, width),
        Spacer(1, 4 * mm),
        _verification(certificate.code, certificate.issued_on, st, width),
    ]
    height = layout.PAGE[1] - layout.MARGIN - layout.BOTTOM
    page = KeepInFrame(width, height, story, mode="shrink")
    info = layout.DocumentInfo(
        title=_("Certificate of Contribution: {name}").format(name=person.display_name),
        author=", ".join(coordinators or organisations) or person.display_name,
        subject=_("Contribution to {projects}, {period}").format(
            projects=", ".join(figures.get("projects", [])), period=when
        ),
        made_on=made_on or clock.today(),
        keywords=[certificate.code],
    )
    return layout.render([page], info, decorate=_border)


def make_certificate(
    session: Session,
    out: str | os.PathLike[str],
    person_id: str,
    start: date | None = None,
    end: date | None = None,
    project_ids: list[str] | None = None,
) -> Certificate:
    """Issue the certificate for these records and write its PDF to ``out``."""
    certificate = issue_certificate(session, person_id, start, end, project_ids)
    layout.write(out, certificate_pdf(session, certificate))
    return certificate
