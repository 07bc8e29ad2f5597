"""``partner-log pay``: record a payment that pays a partner's approved entries."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app import clock
from desktop_app.commands.common import parse_date, parse_money, session_for
from desktop_app.i18n import _, ngettext
from desktop_app.model import PaymentKind, PaymentMethod
from desktop_app.services import payments, profile
from desktop_app.services.money_text import money
from desktop_app.services.projects import default_project


def register(subparsers: Any) -> None:
    pay = subparsers.add_parser(
        "pay",
        help=_("record a payment"),
        description=_(
            "Record a payment to a partner for their approved entries in these dates. "
            "With no amount, it pays exactly what they are owed."
        ),
    )
    pay.add_argument("--person", required=True)
    pay.add_argument("--project")
    pay.add_argument("--from", dest="start", required=True, type=parse_date, metavar="DATE")
    pay.add_argument("--to", dest="end", required=True, type=parse_date, metavar="DATE")
    pay.add_argument("--amount", type=parse_money, metavar="N.NN", help=_("default: what is owed"))
    pay.add_argument("--reason", default="", help=_("why the amount differs from what is owed"))
    pay.add_argument(
        "--entry",
        dest="entries",
        action="append",
        metavar="ID",
        help=_("pay only this entry (give it more than once for more)"),
    )
    pay.add_argument("--method", required=True, choices=[m.value for m in PaymentMethod])
    pay.add_argument(
        "--kind", default=PaymentKind.COMPENSATION.value, choices=[k.value for k in PaymentKind]
    )
    pay.add_argument("--reference", default="")
    pay.add_argument("--paid-on", type=parse_date, metavar="DATE", help=_("default: today"))
    pay.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with session_for(args, must_exist=True) as session:
        person = profile.find_person(session, args.person)
        project = default_project(session, args.project)
        payment = payments.record_payment(
            session,
            person_id=person.id,
            project_id=project.id,
            period_start=args.start,
            period_end=args.end,
            amount_minor=args.amount,
            reason=args.reason,
            entry_ids=args.entries,
            kind=args.kind,
            method=args.method,
            paid_on=args.paid_on or clock.today(),
            reference=args.reference,
        )
        count = len(payments.paid_entries(session, payment.id))
        amount = money(payment.amount_minor, payment.currency)
        payment_id = payment.id
    print(
        ngettext(
            "Payment of {amount} recorded for {name}. It pays {n} entry.",
            "Payment of {amount} recorded for {name}. It pays {n} entries.",
            count,
        ).format(amount=amount, name=person.display_name, n=count)
    )
    print(_("Its id is {id}.").format(id=payment_id))
    return 0
