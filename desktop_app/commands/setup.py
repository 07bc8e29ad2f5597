"""``partner-log setup``: first-run set-up without the app window."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.commands.common import session_for
from desktop_app.i18n import _
from desktop_app.model import PaymentChoice, Role
from desktop_app.services import profile


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "setup",
        help=_("set up Partner Log for you, without opening the app"),
        description=_(
            "Set up Partner Log for you: say who you are and, if you like, name your project."
        ),
    )
    parser.add_argument(
        "--role",
        required=True,
        choices=[r.value for r in Role],
        help=_("partner if you give your time; coordinator if you run the project"),
    )
    parser.add_argument("--name", required=True, help=_("your full name"))
    parser.add_argument("--preferred-name", default="", help=_("the name you like to use"))
    parser.add_argument("--project", default="", help=_("the name of your project"))
    parser.add_argument(
        "--payment",
        default=PaymentChoice.PAID.value,
        choices=[c.value for c in PaymentChoice],
        help=_("paid, declined (you prefer not to be paid) or donate"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with session_for(args) as session:
        profile.setup(
            session, args.role, args.name, args.preferred_name, args.project, args.payment
        )
        person = profile.owner(session)
        print(_("Partner Log is set up for {name}.").format(name=person.name))
    return 0
