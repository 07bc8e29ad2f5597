"""``partner-log void-payment``: void a payment that was wrong. It is never deleted."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.commands.common import session_for
from desktop_app.i18n import _
from desktop_app.services import payments


def register(subparsers: Any) -> None:
    command = subparsers.add_parser(
        "void-payment",
        help=_("void a payment that was wrong"),
        description=_(
            "Void a payment that was wrong. It stays in the records, marked void, "
            "and the entries it paid are owed again."
        ),
    )
    command.add_argument("payment_id", metavar="ID")
    command.add_argument("--reason", required=True, help=_("why the payment is void"))
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with session_for(args, must_exist=True) as session:
        payments.void_payment(session, args.payment_id.strip(), args.reason)
    print(_("The payment is void. The entries it paid are owed again."))
    return 0
