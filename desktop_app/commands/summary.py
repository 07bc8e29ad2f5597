"""``partner-log summary``: every figure the reports use."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.commands.common import add_period, print_json, session_for
from desktop_app.i18n import _
from desktop_app.labels import formal_engagement, label
from desktop_app.model import Audience, EngagementType
from desktop_app.reports.formatting import number
from desktop_app.services import profile
from desktop_app.services.projects import find_project
from desktop_app.services.summaries import summarise


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "summary",
        help=_("show hours, meetings and products"),
        description=_(
            "Show the totals: hours, hours per partner per month, meetings, and "
            "products by type of engagement and by audience."
        ),
    )
    parser.add_argument("--person", help=_("only this person's records"))
    parser.add_argument("--project", help=_("only this project's records"))
    add_period(parser)
    parser.add_argument(
        "--json", action="store_true", help=_("print the figures in JSON, for other programs")
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with session_for(args, must_exist=True) as session:
        person = profile.find_person(session, args.person) if args.person else None
        project = find_project(session, args.project) if args.project else None
        figures = summarise(
            session,
            person.id if person else None,
            project.id if project else None,
            args.start,
            args.end,
        )
    if args.json:
        print_json(figures.as_dict())
        return 0
    print(_("Partners: {n}").format(n=figures.partners))
    print(_("Total hours: {h}").format(h=number(figures.total_hours)))
    print(
        _("Average hours per partner per month: {h}").format(
            h=number(figures.avg_hours_per_partner_month)
        )
    )
    print(_("Meetings: {n}").format(n=figures.meetings))
    print(_("Products: {n}").format(n=figures.products))
    for kind in EngagementType:
        print(f"  {formal_engagement(kind)}: {figures.products_by_engagement[kind.value]}")
    for audience in Audience:
        count = figures.products_by_audience[audience.value]
        if count:
            print(f"  {label(audience)}: {count}")
    if figures.products:
        print(
            _("Made at involvement or partnership level: {n} of {total}").format(
                n=figures.involvement_or_partnership, total=figures.products
            )
        )
    return 0
