"""The project engagement report, for coordinators.

It reproduces the reference paper's results: partners, period, total hours, average
hours per partner per month and meetings; products by type of engagement with their
audience and description; hours per month as a chart; one row per partner; and the
reflections partners chose to share, grouped by Valuing All Voices domain. Reflections
a partner kept private are never read into this report.
"""

from __future__ import annotations

import os
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle
from sqlalchemy.orm import Session

from desktop_app.i18n import _
from desktop_app.labels import formal_engagement, label
from desktop_app.model import Audience, EngagementType, Product, Project, Reflection, VavDomain
from desktop_app.reports import charts, layout
from desktop_app.reports.formatting import month_label, number, period, short_date
from desktop_app.reports.tables import data_table
from desktop_app.reports.text import cell, para
from desktop_app.services import lifecycle
from desktop_app.services.products import list_products
from desktop_app.services.reflections import list_reflections
from desktop_app.services.summaries import Summary, hours_by_month, per_partner, summarise


def _results(figures: Summary, when: str, st: layout.Styles, width: float) -> Table:
    share = round(figures.share_involvement_or_partnership * 100)
    rows = [
        (_("Partners"), str(figures.partners)),
        (_("Period"), when),
        (_("Total hours"), number(figures.total_hours)),
        (_("Average hours per partner per month"), number(figures.avg_hours_per_partner_month)),
        (_("Meetings"), str(figures.meetings)),
        (_("Products"), str(figures.products)),
        (
            _("Products at involvement or partnership level"),
            _("{n} of {total} ({share}%)").format(
                n=figures.involvement_or_partnership, total=figures.products, share=share
            ),
        ),
    ]
    cells = [[cell(k, st.cell), cell(v, st.cell_bold)] for k, v in rows]
    table = data_table([_("Result"), _("Value")], cells, [0.6, 0.4], st, width)
    table.setStyle(TableStyle([("FONT", (1, 1), (1, -1), layout.fonts.BOLD, 9.5, 12)]))
    return table


def _products(products: list[Product], st: layout.Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = []
    for kind in EngagementType:
        group = [p for p in products if p.engagement == kind]
        if not group:
            continue
        rows: list[list[object]] = []
        for product in group:
            audiences = ", ".join(label(Audience(a)) for a in product.audiences)
            title = [para(product.title, st.cell), para(label(product.type), st.small)]
            rows.append([title, para(audiences, st.cell), para(product.description, st.cell)])
        header = [_("Product"), _("Audience"), _("Description")]
        table = data_table(header, rows, [0.34, 0.2, 0.46], st, width)
        heading = _("{name} ({n})").format(name=formal_engagement(kind), n=len(group))
        story.append(KeepTogether([para(heading, st.subheading), table]))
    if not story:
        story.append(para(_("No products in this period."), st.body))
    return story


def _partners(rows: list[tuple[str, Summary]], st: layout.Styles, width: float) -> Table:
    header = [
        _("Partner"),
        _("Hours"),
        _("Months"),
        _("Hours a month"),
        _("Meetings"),
        _("Products"),
    ]
    data = [
        [
            para(name, st.cell),
            number(s.total_hours),
            str(s.partner_months),
            number(s.avg_hours_per_partner_month),
            str(s.meetings),
            str(s.products),
        ]
        for name, s in rows
    ]
    shares = [0.36, 0.12, 0.12, 0.16, 0.12, 0.12]
    return data_table(header, data, shares, st, width, numeric_columns=(1, 2, 3, 4, 5))


def _reflections(found: list[Reflection], st: layout.Styles) -> list[Flowable]:
    story: list[Flowable] = [
        para(
            _(
                "Only reflections that partners chose to share are shown. Names are left "
                "out. Private reflections are never included."
            ),
            st.small,
        )
    ]
    after = ParagraphStyle("reflection-note", parent=st.small, spaceAfter=3 * mm)
    quote = ParagraphStyle("quote", parent=st.body, spaceAfter=0.5 * mm)
    for domain in VavDomain:
        group = sorted((r for r in found if r.domain == domain), key=lambda r: r.date)
        if not group:
            continue
        items: list[Flowable] = [para(label(domain), st.subheading)]
        for reflection in group:
            items.append(para(f"\u201c{reflection.text}\u201d", quote))
            items.append(
                para(f"{label(reflection.aspect)} \u00b7 {short_date(reflection.date)}", after)
            )
        story.append(KeepTogether(items))
    if len(story) == 1:
        story.append(para(_("No reflections were shared in this period."), st.body))
    return story


def project_report_pdf(
    session: Session,
    project_id: str,
    start: date | None = None,
    end: date | None = None,
    made_on: date | None = None,
) -> bytes:
    """The engagement report for one project, optionally for a period."""
    st = layout.styles()
    project = lifecycle.get_live(session, Project, project_id, _("project"))
    figures = summarise(session, None, project.id, start, end)
    months = hours_by_month(session, None, project.id, start, end)
    partners = [(p.display_name, s) for p, s in per_partner(session, project.id, start, end)]
    products = list_products(session, project_id=project.id, start=start, end=end)
    shared = list_reflections(
        session, project_id=project.id, shared_only=True, start=start, end=end
    )
    width = layout.TEXT_WIDTH
    when = period(start or figures.first_date, end or figures.last_date)
    subtitle = " \u00b7 ".join(x for x in (project.organisation, when) if x)
    story: list[Flowable] = [
        para(_("Project engagement report"), st.title),
        para(project.name, st.subheading),
        para(subtitle, st.subtitle),
        para(_("Results"), st.heading),
        _results(figures, when, st, width),
        para(_("Hours per month"), st.heading),
    ]
    if months:
        first, last = month_label(next(iter(months))), month_label(list(months)[-1])
        story.append(charts.hours_per_month(months, width, 54 * mm, _("Hours")))
        story.append(
            para(
                _("Hours given by all partners in each month, {first} to {last}.").format(
                    first=first, last=last
                ),
                st.small,
            )
        )
    else:
        story.append(para(_("No time was recorded in this period."), st.body))
    story.append(
        KeepTogether([para(_("Each partner"), st.heading), _partners(partners, st, width)])
    )
    story.append(para(_("Products by type of engagement"), st.heading))
    story += _products(products, st, width)
    reflections = _reflections(shared, st)
    heading = para(_("Shared reflections"), st.heading)
    story += [KeepTogether([heading, *reflections[:2]]), *reflections[2:]]
    info = layout.DocumentInfo(
        title=_("Project engagement report: {project}").format(project=project.name),
        author=project.coordinator_name or project.organisation or project.name,
        subject=_("Engagement of patient partners, {period}").format(period=when),
        made_on=made_on or date.today(),
    )
    return layout.render(story, info)


def make_project_report(
    session: Session,
    out: str | os.PathLike[str],
    project_id: str,
    start: date | None = None,
    end: date | None = None,
) -> None:
    layout.write(out, project_report_pdf(session, project_id, start, end))


__all__ = ["make_project_report", "project_report_pdf"]
