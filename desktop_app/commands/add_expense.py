"""``partner-log add-expense``: add a cost, such as parking or a meal, from the command line.

The amount is read as the app reads it (``services.amounts.parse_amount``): to the cent,
with a point for the cents whatever the app's language, so scripts mean the same
everywhere. A date after today is refused, as in the app.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.commands.common import add_day_argument, session_for
from desktop_app.i18n import _
from desktop_app.labels import label
from desktop_app.model import ExpenseCategory
from desktop_app.services import expenses, profile
from desktop_app.services.amounts import parse_amount, show_amount
from desktop_app.services.projects import default_project


def register(subparsers: Any) -> None:
    add = subparsers.add_parser(
        "add-expense",
        help=_("add a cost you had"),
        description=_("Add a cost you had for a project, like parking, a bus or a meal."),
    )
    add_day_argument(add)
    add.add_argument(
        "--amount", required=True, help=_("how much it cost, like 12.50 (no more than 2 decimals)")
    )
    add.add_argument(
        "--category",
        required=True,
        choices=[c.value for c in ExpenseCategory],
        help=_("what the cost was for"),
    )
    add.add_argument("--note", default="", help=_("a short note"))
    add.add_argument("--project", help=_("the project name (needed if there is more than one)"))
    add.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with session_for(args) as session:
        profile.require_installation(session)
        project = default_project(session, args.project)
        amount = parse_amount(args.amount, "en", project.currency)
        expense = expenses.record_expense(
            session,
            date=args.date,
            category=ExpenseCategory(args.category),
            amount_minor=amount,
            note=args.note,
            project_id=project.id,
        )
        print(
            _("Saved: {category} on {day}, {amount}, for {project}.").format(
                category=label(expense.category),
                day=expense.date.isoformat(),
                amount=show_amount(expense.amount_minor, expense.currency),
                project=project.name,
            )
        )
    return 0
