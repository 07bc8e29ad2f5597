"""``partner-log close-period``: lock a project's entries in a pay period. It pays nothing."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.commands.common import parse_date, session_for
from desktop_app.i18n import _, ngettext
from desktop_app.reports.formatting import hours
from desktop_app.services import review
from desktop_app.services.money_text import money
from desktop_app.services.projects import default_project


def register(subparsers: Any) -> None:
    close = subparsers.add_parser(
        "close-period",
        help=_("close a pay period so its entries are locked"),
        description=_(
            "Close a pay period: every entry in it is locked. Closing pays nothing. "
            "If approved time in it is not paid yet, it is listed, and --yes is needed."
        ),
    )
    close.add_argument("--project", required=True)
    close.add_argument("--from", dest="start", required=True, type=parse_date, metavar="DATE")
    close.add_argument("--to", dest="end", required=True, type=parse_date, metavar="DATE")
    close.add_argument("--note", default="")
    close.add_argument(
        "--yes", action="store_true", help=_("close it even if approved time is not paid yet")
    )
    close.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with session_for(args, must_exist=True) as session:
        project = default_project(session, args.project)
        try:
            review.close_period(
                session, project.id, args.start, args.end, note=args.note, confirm=args.yes
            )
        except review.UnpaidInPeriod as waiting:
            print(_("Approved time in this period is not paid yet:"))
            for row in waiting.waiting:
                count = len(row.entry_ids)
                print(
                    "  "
                    + ngettext(
                        "{person}: {n} entry, {hours} hours, owed {amount}",
                        "{person}: {n} entries, {hours} hours, owed {amount}",
                        count,
                    ).format(
                        person=row.person,
                        n=count,
                        hours=hours(row.minutes),
                        amount=money(row.amount_minor, row.currency),
                    )
                )
            raise
    print(_("The pay period is closed. Its entries are locked. Nothing was paid."))
    return 0
