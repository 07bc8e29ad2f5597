"""The figures: hours, months of engagement, meetings and products.

Every figure the reference paper reports is computed here, with portable SQL, for any
mix of person, project and period.

Definitions, in plain words:
- *hours* count the activity itself plus preparation and travel time;
- a partner's *months of engagement* run from the month of their first entry to the
  month of their last, counting both (inside the period asked for);
- *meetings* are distinct (project, day) pairs of meeting entries, so a meeting that
  four partners attended counts once;
- a *product* counts for a person when they are listed as a contributor. With a period,
  it counts when its completion date falls inside the period.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from desktop_app.model import (
    Activity,
    ActivityKind,
    Audience,
    EngagementType,
    Expense,
    Person,
    Product,
    ProductContribution,
    Role,
)


@dataclass(frozen=True)
class Summary:
    partners: int
    entries: int
    total_minutes: int
    activity_minutes: int
    prep_minutes: int
    travel_minutes: int
    partner_months: int
    meetings: int
    products: int
    products_by_engagement: dict[str, int]
    products_by_audience: dict[str, int]
    expenses_minor: dict[str, int] = field(default_factory=dict)
    first_date: date | None = None
    last_date: date | None = None

    @property
    def total_hours(self) -> float:
        """Decimal hours to one place, as the reports show them."""
        return round(self.total_minutes / 60, 1)

    @property
    def avg_hours_per_partner_month(self) -> float:
        if not self.partner_months:
            return 0.0
        return round(self.total_minutes / 60 / self.partner_months, 1)

    @property
    def involvement_or_partnership(self) -> int:
        return self.products_by_engagement.get(
            EngagementType.INVOLVEMENT.value, 0
        ) + self.products_by_engagement.get(EngagementType.PARTNERSHIP.value, 0)

    @property
    def share_involvement_or_partnership(self) -> float:
        """The share (0 to 1) of products made at involvement or partnership level."""
        return self.involvement_or_partnership / self.products if self.products else 0.0

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["first_date"] = self.first_date.isoformat() if self.first_date else None
        data["last_date"] = self.last_date.isoformat() if self.last_date else None
        data["total_hours"] = self.total_hours
        data["avg_hours_per_partner_month"] = self.avg_hours_per_partner_month
        data["products_involvement_or_partnership"] = self.involvement_or_partnership
        data["share_involvement_or_partnership"] = round(self.share_involvement_or_partnership, 3)
        return data


def _months_inclusive(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + (last.month - first.month) + 1


def _activity_filter(
    person_id: str | None, project_id: str | None, start: date | None, end: date | None
) -> ColumnElement[bool]:
    conditions: list[ColumnElement[bool]] = [Activity.deleted_at.is_(None)]
    if person_id:
        conditions.append(Activity.person_id == person_id)
    if project_id:
        conditions.append(Activity.project_id == project_id)
    if start:
        conditions.append(Activity.date >= start)
    if end:
        conditions.append(Activity.date <= end)
    return and_(*conditions)


def summarise(
    session: Session,
    person_id: str | None = None,
    project_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> Summary:
    """Every headline figure for the records in scope."""
    where = _activity_filter(person_id, project_id, start, end)
    totals = session.execute(
        select(
            func.count(Activity.id),
            func.coalesce(func.sum(Activity.minutes), 0),
            func.coalesce(func.sum(Activity.prep_minutes), 0),
            func.coalesce(func.sum(Activity.travel_minutes), 0),
            func.min(Activity.date),
            func.max(Activity.date),
        ).where(where)
    ).one()
    entries, minutes, prep, travel, first, last = totals

    spans = session.execute(
        select(Activity.person_id, func.min(Activity.date), func.max(Activity.date))
        .join(Person, Person.id == Activity.person_id)
        .where(where, Person.role == Role.PARTNER)
        .group_by(Activity.person_id)
    ).all()
    partner_months = sum(_months_inclusive(lo, hi) for _pid, lo, hi in spans)

    meeting_days = (
        select(Activity.project_id, Activity.date)
        .where(where, Activity.kind == ActivityKind.MEETING)
        .distinct()
        .subquery()
    )
    meetings = session.scalar(select(func.count()).select_from(meeting_days)) or 0

    products = _products_in_scope(session, person_id, project_id, start, end)
    by_engagement = {e.value: 0 for e in EngagementType}
    by_audience = {a.value: 0 for a in Audience}
    for product in products:
        by_engagement[product.engagement.value] += 1
        for audience in product.audiences:
            if audience in by_audience:
                by_audience[audience] += 1

    return Summary(
        partners=len(spans),
        entries=int(entries),
        total_minutes=int(minutes + prep + travel),
        activity_minutes=int(minutes),
        prep_minutes=int(prep),
        travel_minutes=int(travel),
        partner_months=partner_months,
        meetings=int(meetings),
        products=len(products),
        products_by_engagement=by_engagement,
        products_by_audience=by_audience,
        expenses_minor=_expenses(session, person_id, project_id, start, end),
        first_date=first,
        last_date=last,
    )


def _products_in_scope(
    session: Session,
    person_id: str | None,
    project_id: str | None,
    start: date | None,
    end: date | None,
) -> list[Product]:
    query = select(Product).where(Product.deleted_at.is_(None))
    if project_id:
        query = query.where(Product.project_id == project_id)
    if person_id:
        query = query.where(
            Product.id.in_(
                select(ProductContribution.product_id).where(
                    ProductContribution.person_id == person_id,
                    ProductContribution.deleted_at.is_(None),
                )
            )
        )
    if start:
        query = query.where(Product.completed_on >= start)
    if end:
        query = query.where(Product.completed_on <= end)
    return list(session.scalars(query))


def _expenses(
    session: Session,
    person_id: str | None,
    project_id: str | None,
    start: date | None,
    end: date | None,
) -> dict[str, int]:
    query = select(Expense.currency, func.sum(Expense.amount_minor)).where(
        Expense.deleted_at.is_(None)
    )
    if person_id:
        query = query.where(Expense.person_id == person_id)
    if project_id:
        query = query.where(Expense.project_id == project_id)
    if start:
        query = query.where(Expense.date >= start)
    if end:
        query = query.where(Expense.date <= end)
    rows = session.execute(query.group_by(Expense.currency)).all()
    return {currency: int(total) for currency, total in rows}


def hours_by_month(
    session: Session,
    person_id: str | None = None,
    project_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> dict[str, float]:
    """Hours per calendar month ("YYYY-MM"), oldest first, for charts."""
    year = func.extract("year", Activity.date)
    month = func.extract("month", Activity.date)
    total = func.sum(Activity.minutes + Activity.prep_minutes + Activity.travel_minutes)
    rows = session.execute(
        select(year, month, total)
        .where(_activity_filter(person_id, project_id, start, end))
        .group_by(year, month)
        .order_by(year, month)
    ).all()
    return {f"{int(y):04d}-{int(m):02d}": round(int(t) / 60, 1) for y, m, t in rows}


def per_partner(
    session: Session,
    project_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[tuple[Person, Summary]]:
    """One summary per partner with entries in scope, by name."""
    where = _activity_filter(None, project_id, start, end)
    ids = session.scalars(select(Activity.person_id).where(where).distinct()).all()
    people = [p for p in (session.get(Person, pid) for pid in ids) if p is not None]
    people.sort(key=lambda p: p.display_name.casefold())
    return [(p, summarise(session, p.id, project_id, start, end)) for p in people]
