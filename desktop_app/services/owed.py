"""What each partner is owed: approved time that no live payment pays yet.

An entry is owed when it is approved, not deleted, and not linked to a live payment.
Rejected, queried and waiting entries are never owed, and a paid one is owed again only
when its payment is voided. The amount follows the project's pay rules
(``pay_rules.PayRules.amount_for``): rate × paid minutes / 60, rounded half up to the cent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, select
from sqlalchemy.orm import Session

from desktop_app.model import Activity, Expense, PaymentEntry, Person, Project, ReviewStatus
from desktop_app.services.pay_rules import PayRules, rules_for
from desktop_app.services.scope import in_scope


def has_live_link(model: Any) -> ColumnElement[bool]:
    """True for rows of ``model`` (activity or expense) that a live payment pays."""
    column = PaymentEntry.activity_id if model is Activity else PaymentEntry.expense_id
    return exists().where(column == model.id, PaymentEntry.voided_at.is_(None))


def payable(
    model: Any,
    person_id: str | None = None,
    project_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> ColumnElement[bool]:
    """Approved, live rows of ``model`` in scope that no live payment pays yet."""
    return and_(
        in_scope(model, person_id, project_id, start, end),
        model.status == ReviewStatus.APPROVED,
        ~has_live_link(model),
    )


def payable_activities(
    session: Session,
    person_id: str | None = None,
    project_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[Activity]:
    query = select(Activity).where(payable(Activity, person_id, project_id, start, end))
    return list(session.scalars(query.order_by(Activity.date, Activity.created_at, Activity.id)))


def payable_expenses(
    session: Session,
    person_id: str | None = None,
    project_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[Expense]:
    query = select(Expense).where(payable(Expense, person_id, project_id, start, end))
    return list(session.scalars(query.order_by(Expense.date, Expense.created_at, Expense.id)))


@dataclass(frozen=True)
class Owed:
    """What one partner is owed for time on one project."""

    person_id: str
    person: str
    project_id: str
    project: str
    entry_ids: tuple[str, ...]
    minutes: int
    amount_minor: int
    currency: str

    def as_dict(self) -> dict[str, Any]:
        """The fields other programs read (``partner-log owed --json``)."""
        return {
            "person": self.person,
            "project": self.project,
            "entries": len(self.entry_ids),
            "minutes": self.minutes,
            "amount_minor": self.amount_minor,
            "currency": self.currency,
        }


def owed_for(rules: PayRules, entries: Sequence[Activity]) -> tuple[int, int]:
    """The paid minutes of ``entries`` and the amount they are owed, under ``rules``."""
    minutes = sum(rules.paid_minutes(entry) for entry in entries)
    return minutes, rules.amount_for(minutes)


def owed(
    session: Session,
    project_id: str | None = None,
    person_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[Owed]:
    """Per partner and project, the approved time not yet paid and what it is owed."""
    groups: dict[tuple[str, str], list[Activity]] = {}
    for entry in payable_activities(session, person_id, project_id, start, end):
        groups.setdefault((entry.person_id, entry.project_id), []).append(entry)
    if not groups:
        return []
    people = {p.id: p.display_name for p in session.scalars(select(Person))}
    projects = {p.id: p.name for p in session.scalars(select(Project))}
    rules: dict[str, PayRules] = {}
    result = []
    for (who, where), entries in groups.items():
        if where not in rules:
            rules[where] = rules_for(session, where)
        minutes, amount = owed_for(rules[where], entries)
        result.append(
            Owed(
                who,
                people.get(who, ""),
                where,
                projects.get(where, ""),
                tuple(e.id for e in entries),
                minutes,
                amount,
                rules[where].currency,
            )
        )
    return sorted(result, key=lambda o: (o.project.casefold(), o.person.casefold(), o.person_id))
