"""``partner-log owed``: what each partner is owed for approved time not yet paid."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.commands.common import add_period, print_json, session_for
from desktop_app.i18n import _, ngettext
from desktop_app.reports.formatting import hours
from desktop_app.services.money_text import money
from desktop_app.services.owed import owed
from desktop_app.services.projects import default_project


def register(subparsers: Any) -> None:
    command = subparsers.add_parser(
        "owed",
        help=_("show what each partner is owed for approved time"),
        description=_(
            "Show, for each partner, the approved time not paid yet and what it is owed."
        ),
    )
    command.add_argument("--project", help=_("only this project"))
    add_period(command)
    command.add_argument("--json", action="store_true", help=_("print it in JSON"))
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with session_for(args, must_exist=True) as session:
        project_id = default_project(session, args.project).id if args.project else None
        rows = owed(session, project_id=project_id, start=args.start, end=args.end)
    if args.json:
        print_json([row.as_dict() for row in rows])
        return 0
    if not rows:
        print(_("Nobody is owed anything for approved time."))
        return 0
    for row in rows:
        entries = ngettext("{n} entry", "{n} entries", len(row.entry_ids)).format(
            n=len(row.entry_ids)
        )
        print(
            _("{person} ({project}): {entries}, {hours} hours, owed {amount}.").format(
                person=row.person,
                project=row.project,
                entries=entries,
                hours=hours(row.minutes),
                amount=money(row.amount_minor, row.currency),
            )
        )
    return 0
