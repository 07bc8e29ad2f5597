"""``partner-log rates``: set or show a project's pay by the hour."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.commands.common import parse_money, print_json, session_for, yes_or_no
from desktop_app.i18n import _
from desktop_app.services.money_text import money
from desktop_app.services.pay_rules import PayRules, rules_for, set_pay_rules
from desktop_app.services.projects import default_project


def register(subparsers: Any) -> None:
    rates = subparsers.add_parser(
        "rates",
        help=_("set or show what a project pays for an hour of time"),
        description=_(
            "Set a project's pay for an hour, and whether it pays for getting ready "
            "and travel. With no amount, show the rules."
        ),
    )
    rates.add_argument("--project", help=_("the project name (needed if there is more than one)"))
    rates.add_argument("--per-hour", type=parse_money, metavar="N.NN", help=_("pay for an hour"))
    rates.add_argument(
        "--pay-preparation", type=yes_or_no, metavar="yes|no", help=_("pay time getting ready")
    )
    rates.add_argument("--pay-travel", type=yes_or_no, metavar="yes|no", help=_("pay travel time"))
    rates.add_argument("--json", action="store_true", help=_("print the rules in JSON"))
    rates.set_defaults(run=run)


def _words(yes: bool) -> str:
    return _("yes") if yes else _("no")


def show(name: str, rules: PayRules) -> None:
    rate = _("none") if rules.rate_minor is None else money(rules.rate_minor, rules.currency)
    print(_("{project}: {rate} an hour.").format(project=name, rate=rate))
    print(_("Time getting ready is paid: {answer}.").format(answer=_words(rules.pay_preparation)))
    print(_("Travel time is paid: {answer}.").format(answer=_words(rules.pay_travel)))


def run(args: argparse.Namespace) -> int:
    with session_for(args, must_exist=True) as session:
        project = default_project(session, args.project)
        changing = (args.per_hour, args.pay_preparation, args.pay_travel) != (None, None, None)
        if changing:
            rules = set_pay_rules(
                session,
                project.id,
                rate_minor=args.per_hour,
                pay_preparation=args.pay_preparation,
                pay_travel=args.pay_travel,
            )
        else:
            rules = rules_for(session, project.id)
        name = project.name
    if args.json:
        print_json(
            {
                "project": name,
                "basis": rules.basis.value,
                "rate_minor": rules.rate_minor,
                "currency": rules.currency,
                "pay_preparation": rules.pay_preparation,
                "pay_travel": rules.pay_travel,
            }
        )
        return 0
    if changing:
        print(_("The pay rules are saved."))
    show(name, rules)
    return 0
