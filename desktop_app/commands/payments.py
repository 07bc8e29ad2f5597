"""``partner-log payments``: list payments, voided ones included and marked."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.commands.common import print_json, session_for
from desktop_app.i18n import _
from desktop_app.labels import label
from desktop_app.model import Payment, Person, Project
from desktop_app.services import payments, profile
from desktop_app.services.money_text import money


def register(subparsers: Any) -> None:
    command = subparsers.add_parser(
        "payments",
        help=_("list the payments made"),
        description=_("List the payments made, newest first. Voided payments are marked."),
    )
    command.add_argument("--person", help=_("only this person's payments"))
    command.add_argument("--json", action="store_true", help=_("print them in JSON"))
    command.set_defaults(run=run)


def payment_dict(payment: Payment, person: str, project: str, entries: list[str]) -> dict[str, Any]:
    return {
        "id": payment.id,
        "person": person,
        "project": project,
        "period_start": payment.period_start.isoformat(),
        "period_end": payment.period_end.isoformat(),
        "amount_minor": payment.amount_minor,
        "currency": payment.currency,
        "kind": payment.kind.value,
        "method": payment.method.value,
        "paid_on": payment.paid_on.isoformat(),
        "reference": payment.reference,
        "reason": payment.reason,
        "rate_minor": payment.rate_minor,
        "entries": entries,
        "voided_at": payment.voided_at.isoformat() if payment.voided_at else None,
        "void_reason": payment.void_reason,
    }


def run(args: argparse.Namespace) -> int:
    with session_for(args, must_exist=True) as session:
        who = profile.find_person(session, args.person).id if args.person else None
        people = {p.id: p.display_name for p in session.query(Person)}
        projects = {p.id: p.name for p in session.query(Project)}
        rows = []
        for payment in payments.list_payments(session, who):
            links = payments.paid_entries(session, payment.id)
            entries = [link.activity_id or link.expense_id or "" for link in links]
            rows.append(
                payment_dict(
                    payment,
                    people.get(payment.person_id, ""),
                    projects.get(payment.project_id, ""),
                    entries,
                )
            )
            rows[-1]["method_label"] = label(payment.method)
    if args.json:
        print_json([{k: v for k, v in row.items() if k != "method_label"} for row in rows])
        return 0
    if not rows:
        print(_("No payments yet."))
        return 0
    for row in rows:
        line = (
            f"{row['id']}  {row['paid_on']}  {money(row['amount_minor'], row['currency']):>14}  "
            f"{row['person']}  {row['method_label']}  "
            + _("{n} entries").format(n=len(row["entries"]))
        )
        if row["voided_at"]:
            line += "  " + _("VOID: {reason}").format(reason=row["void_reason"])
        print(line)
    return 0
