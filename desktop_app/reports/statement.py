"""The contribution statement: a claim form for pay, with costs kept apart.

Dated tables of time and of costs with their review status, the project's way of
paying and its rate, the amount due for time, the costs to pay back, and signature
lines. A partner who chose not to be paid gets a statement that says so, with no
amount due.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.i18n import _, ngettext
from desktop_app.labels import label
from desktop_app.model import (
    Activity,
    ActivityKind,
    CompensationUnit,
    Expense,
    PaymentChoice,
    PaymentMethod,
    Person,
    Project,
    ReviewStatus,
)
from desktop_app.reports import layout
from desktop_app.reports.formatting import duration, hours, long_date, money, period, short_date
from desktop_app.reports.tables import data_table
from desktop_app.reports.text import cell, para
from desktop_app.services import lifecycle
from desktop_app.services.rounding import amount_for_minutes
from desktop_app.services.scope import counted_entries

#: Entries in these states are not claimed again: paid already, or not accepted.
NOT_CLAIMED = frozenset({ReviewStatus.PAID, ReviewStatus.REJECTED})


@dataclass(frozen=True)
class Claim:
    """What this statement asks to be paid for time, and for costs."""

    claimed_minutes: int
    #: None when nothing is due for time (no pay on this project, or the partner declined).
    amount_minor: int | None
    costs_minor: dict[str, int]


def claim_for(
    project: Project, person: Person, activities: Sequence[Activity], costs: Sequence[Expense]
) -> Claim:
    """The amount due, by the project's unit, for entries not yet paid nor refused."""
    claimed = [a for a in activities if a.status not in NOT_CLAIMED]
    minutes = sum(a.total_minutes for a in claimed)
    rate = project.rate_minor
    unit = project.compensation_unit
    amount: int | None
    if person.payment_choice != PaymentChoice.PAID or unit == CompensationUnit.NONE:
        amount = None
    elif unit == CompensationUnit.HOURLY:
        amount = amount_for_minutes(rate, minutes)
    elif unit == CompensationUnit.PER_MEETING:
        amount = rate * sum(1 for a in claimed if a.kind == ActivityKind.MEETING)
    elif unit == CompensationUnit.PER_DAY:
        amount = rate * len({a.date for a in claimed})
    else:
        amount = rate if claimed else 0
    owed: dict[str, int] = {}
    for expense in costs:
        if expense.status not in NOT_CLAIMED:
            owed[expense.currency] = owed.get(expense.currency, 0) + expense.amount_minor
    return Claim(minutes, amount, owed)


def rate_text(project: Project) -> str:
    amount = money(project.rate_minor, project.currency)
    words = {
        CompensationUnit.HOURLY: _("{amount} an hour"),
        CompensationUnit.PER_MEETING: _("{amount} a meeting"),
        CompensationUnit.PER_DAY: _("{amount} a day"),
        CompensationUnit.FLAT: _("{amount} in all"),
    }
    unit = project.compensation_unit
    if unit == CompensationUnit.NONE:
        return label(unit)
    return f"{label(unit)}: {words[unit].format(amount=amount)}"


def _details(rows: list[tuple[str, str]], st: layout.Styles, width: float) -> Table:
    data = [[cell(key, st.cell_bold), para(value, st.cell)] for key, value in rows]
    table = Table(data, colWidths=[width * 0.3, width * 0.7])
    table.setStyle(
        layout.plain_style(
            [
                ("FONT", (0, 0), (0, -1), layout.fonts.BOLD, 9.5, 12),
                ("FONT", (1, 0), (1, -1), layout.fonts.REGULAR, 9.5, 12),
                ("TEXTCOLOR", (0, 0), (-1, -1), layout.INK),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, layout.RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _time_table(activities: Sequence[Activity], st: layout.Styles, width: float) -> Flowable:
    travel = any(a.travel_minutes for a in activities)
    header = [_("Date"), _("What I did"), _("Time"), _("Getting ready")]
    header += [_("Travel")] if travel else []
    header += [_("Status")]
    rows: list[list[object]] = []
    for a in activities:
        row: list[object] = [short_date(a.date), cell(label(a.kind), st.cell)]
        row += [duration(a.minutes), duration(a.prep_minutes)]
        row += [duration(a.travel_minutes)] if travel else []
        row += [cell(label(a.status), st.cell)]
        rows.append(row)
    total: list[object] = [
        _("Total"),
        ngettext("{n} entry", "{n} entries", len(activities)).format(n=len(activities)),
    ]
    total += [duration(sum(a.minutes for a in activities))]
    total += [duration(sum(a.prep_minutes for a in activities))]
    total += [duration(sum(a.travel_minutes for a in activities))] if travel else []
    total += [_("{h} hours").format(h=hours(sum(a.total_minutes for a in activities)))]
    rows.append([cell(str(v), st.cell_bold) if isinstance(v, str) else v for v in total])
    shares = (
        [0.15, 0.33, 0.13, 0.14] + ([0.11] if travel else []) + [0.25 - (0.11 if travel else 0)]
    )
    numeric = (2, 3, 4) if travel else (2, 3)
    return data_table(header, rows, shares, st, width, numeric_columns=numeric, total_row=True)


def _cost_table(costs: Sequence[Expense], st: layout.Styles, width: float) -> Flowable:
    header = [_("Date"), _("What for"), _("Amount"), _("Receipt"), _("Status")]
    rows: list[list[object]] = []
    for e in costs:
        rows.append(
            [
                short_date(e.date),
                cell(label(e.category), st.cell),
                money(e.amount_minor, e.currency),
                _("Yes") if e.receipt_path else _("No"),
                cell(label(e.status), st.cell),
            ]
        )
    totals: dict[str, int] = {}
    for e in costs:
        totals[e.currency] = totals.get(e.currency, 0) + e.amount_minor
    for currency, amount in sorted(totals.items()):
        rows.append([_("Total"), "", money(amount, currency), "", ""])
    shares = [0.15, 0.33, 0.17, 0.1, 0.25]
    table = data_table(header, rows, shares, st, width, numeric_columns=(2,), total_row=True)
    if len(totals) > 1:
        table.setStyle(TableStyle([("FONT", (0, -len(totals)), (-1, -1), layout.fonts.BOLD)]))
    return table


def _pay_rows(person: Person, project: Project, claim: Claim) -> list[tuple[str, str]]:
    rows = [(_("How time is paid"), rate_text(project))]
    rows.append((_("Time claimed"), _("{h} hours").format(h=hours(claim.claimed_minutes))))
    if person.payment_choice == PaymentChoice.DECLINED:
        rows.append((_("Pay for time"), label(PaymentMethod.DECLINED)))
    elif person.payment_choice == PaymentChoice.DONATE:
        rows.append((_("Pay for time"), label(PaymentMethod.DONATED)))
    elif claim.amount_minor is None:
        rows.append((_("Pay for time"), label(CompensationUnit.NONE)))
    else:
        rows.append((_("Amount due for time"), money(claim.amount_minor, project.currency)))
    costs = ", ".join(money(v, k) for k, v in sorted(claim.costs_minor.items()))
    rows.append((_("Costs to pay back"), costs or money(0, project.currency)))
    return rows


def _choice_note(person: Person) -> str:
    if person.payment_choice == PaymentChoice.DECLINED:
        return _(
            "{name} chose not to be paid for this time, so no amount is due for it. "
            "Costs can still be paid back."
        ).format(name=person.name)
    if person.payment_choice == PaymentChoice.DONATE:
        return _(
            "{name} chose to give their pay to a good cause, so no amount is due to them "
            "for this time. Please talk to your coordinator about the gift. Costs can still "
            "be paid back."
        ).format(name=person.name)
    return ""


def _signatures(st: layout.Styles, width: float) -> Table:
    rows = [
        ["", "", "", ""],
        [
            para(_("Signature of the partner"), st.small),
            "",
            para(_("Date"), st.small),
            "",
        ],
        ["", "", "", ""],
        [
            para(_("Approved by the coordinator (signature)"), st.small),
            "",
            para(_("Date"), st.small),
            "",
        ],
    ]
    widths = [width * 0.55, width * 0.08, width * 0.3, width * 0.07]
    table = Table(rows, colWidths=widths, rowHeights=[12 * mm, None, 12 * mm, None])
    table.setStyle(
        layout.plain_style(
            [
                ("LINEBELOW", (0, 0), (0, 0), 0.8, layout.INK),
                ("LINEBELOW", (2, 0), (2, 0), 0.8, layout.INK),
                ("LINEBELOW", (0, 2), (0, 2), 0.8, layout.INK),
                ("LINEBELOW", (2, 2), (2, 2), 0.8, layout.INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _counted(
    session: Session,
    model: type[Activity] | type[Expense],
    person_id: str,
    project_id: str,
    start: date | None,
    end: date | None,
) -> list[Any]:
    """The entries a statement lists and adds up, oldest first: rejected ones count nowhere."""
    query = select(model).where(counted_entries(model, person_id, project_id, start, end))
    return list(session.scalars(query.order_by(model.date, model.created_at, model.id)))


def statement_pdf(
    session: Session,
    person_id: str,
    project_id: str,
    start: date | None = None,
    end: date | None = None,
    made_on: date | None = None,
) -> bytes:
    """The statement for one person's time and costs on one project, in a period."""
    st = layout.styles()
    person = lifecycle.get_live(session, Person, person_id, _("person"))
    project = lifecycle.get_live(session, Project, project_id, _("project"))
    activities = _counted(session, Activity, person.id, project.id, start, end)
    costs = _counted(session, Expense, person.id, project.id, start, end)
    claim = claim_for(project, person, activities, costs)
    width = layout.TEXT_WIDTH
    dates = [a.date for a in activities] + [e.date for e in costs]
    when = period(start or min(dates, default=None), end or max(dates, default=None))
    made_on = made_on or clock.today()

    story: list[Flowable] = [
        para(_("Contribution statement"), st.title),
        para(_("A claim for pay for time given, with costs shown apart"), st.subtitle),
        _details(
            [
                (_("Partner"), person.display_name),
                (_("Project"), project.name),
                (_("Organisation"), project.organisation),
                (_("Coordinator"), project.coordinator_name),
                (_("Period"), when),
                (_("Date of this statement"), long_date(made_on)),
            ],
            st,
            width,
        ),
        para(_("Time given"), st.heading),
    ]
    if activities:
        story.append(_time_table(activities, st, width))
    else:
        story.append(para(_("No time was recorded in this period."), st.body))
    story.append(para(_("Costs to pay back"), st.heading))
    if costs:
        story.append(_cost_table(costs, st, width))
    else:
        story.append(para(_("No costs were recorded in this period."), st.body))
    summary: list[Flowable] = [
        para(_("Summary"), st.heading),
        _details(_pay_rows(person, project, claim), st, width),
        Spacer(1, 2 * mm),
    ]
    note = _choice_note(person)
    if note:
        summary.append(para(note, st.body))
    summary.append(
        para(
            _(
                "Entries already paid are not claimed again. Entries that were not "
                "accepted are left out. Costs are paid back separately from pay for time."
            ),
            st.small,
        )
    )
    if project.terms:
        summary += [para(_("Agreed terms"), st.subheading), para(project.terms, st.body)]
    summary += [Spacer(1, 4 * mm), _signatures(st, width)]
    story.append(KeepTogether(summary))
    info = layout.DocumentInfo(
        title=_("Contribution statement: {name}").format(name=person.display_name),
        author=person.display_name,
        subject=_("Time and costs for {project}, {period}").format(
            project=project.name, period=when
        ),
        made_on=made_on,
    )
    return layout.render(story, info)


def make_statement(
    session: Session,
    out: str | os.PathLike[str],
    person_id: str,
    project_id: str,
    start: date | None = None,
    end: date | None = None,
) -> None:
    """Build the statement and write it to ``out`` atomically."""
    layout.write(out, statement_pdf(session, person_id, project_id, start, end))
