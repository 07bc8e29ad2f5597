"""A project's pay rules: the rate by the hour, and which time it pays for.

The rule lives in its own table (``PayRule``), one live rule per project for now. The
project's own ``rate_minor`` and ``compensation_unit`` are kept equal to it, because
they travel to partners in project files and their statements show them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.i18n import _
from desktop_app.model import CompensationUnit, PayBasis, PayRule, Project, new_id
from desktop_app.services import lifecycle
from desktop_app.services.rounding import amount_for_minutes
from desktop_app.services.validation import check_amount


@dataclass(frozen=True)
class PayRules:
    """What a project pays for time. ``rate_minor`` is None when it pays nothing by the hour."""

    project_id: str
    basis: PayBasis
    rate_minor: int | None
    currency: str
    pay_preparation: bool
    pay_travel: bool

    def paid_minutes(self, entry: Any) -> int:
        """The minutes of one time entry that these rules pay for.

        Travel counts only when the rules pay it and the entry has travel minutes."""
        minutes = int(entry.minutes)
        if self.pay_preparation:
            minutes += int(entry.prep_minutes or 0)
        if self.pay_travel:
            minutes += int(getattr(entry, "travel_minutes", 0) or 0)
        return minutes

    def amount_for(self, minutes: int) -> int:
        """What ``minutes`` of paid time are owed, in minor units (0 with no rate)."""
        return amount_for_minutes(self.rate_minor or 0, minutes)


def _live_rule(session: Session, project_id: str) -> PayRule | None:
    return session.scalars(
        select(PayRule)
        .where(
            PayRule.project_id == project_id,
            PayRule.basis == PayBasis.PER_HOUR,
            PayRule.engagement.is_(None),
            PayRule.deleted_at.is_(None),
        )
        .order_by(PayRule.created_at, PayRule.id)
        .limit(1)
    ).first()


def rules_for(session: Session, project_id: str) -> PayRules:
    """The pay rules of a project.

    With no rule of its own, a project that is paid by the hour (as a project file
    says) pays its rate for all the time: the activity, preparation and travel."""
    project = lifecycle.get_live(session, Project, project_id, _("project"))
    rule = _live_rule(session, project_id)
    if rule is not None:
        return PayRules(
            project.id,
            rule.basis,
            rule.rate_minor,
            project.currency,
            rule.pay_preparation,
            rule.pay_travel,
        )
    hourly = project.compensation_unit == CompensationUnit.HOURLY
    return PayRules(
        project.id,
        PayBasis.PER_HOUR,
        project.rate_minor if hourly else None,
        project.currency,
        True,
        True,
    )


def set_pay_rules(
    session: Session,
    project_id: str,
    *,
    rate_minor: int | None = None,
    pay_preparation: bool | None = None,
    pay_travel: bool | None = None,
) -> PayRules:
    """Set a project's rate by the hour (minor units) and what time it pays for.

    Anything left as None stays as it was. The rate changes what is owed from now on;
    payments already made keep the rate they were made with."""
    project = lifecycle.get_live(session, Project, project_id, _("project"))
    current = rules_for(session, project_id)
    rule = _live_rule(session, project_id)
    if rule is None:
        rule = PayRule(
            id=new_id(),
            project_id=project.id,
            basis=PayBasis.PER_HOUR,
            engagement=None,
            rate_minor=current.rate_minor or 0,
            pay_preparation=current.pay_preparation,
            pay_travel=current.pay_travel,
        )
        lifecycle.stamp_new(session, rule)
    else:
        lifecycle.touch(session, rule)
    if rate_minor is not None:
        rule.rate_minor = check_amount(rate_minor, "rate")
    if pay_preparation is not None:
        rule.pay_preparation = bool(pay_preparation)
    if pay_travel is not None:
        rule.pay_travel = bool(pay_travel)
    if (project.rate_minor, project.compensation_unit) != (
        rule.rate_minor,
        CompensationUnit.HOURLY,
    ):
        project.rate_minor = rule.rate_minor
        project.compensation_unit = CompensationUnit.HOURLY
        lifecycle.touch(session, project)
    session.flush()
    return rules_for(session, project_id)
