"""The figures: hours, months of engagement, meetings and products.

Every figure the reference paper reports is computed here, with portable SQL, for any
mix of person, project and period.

Definitions, in plain words:
- *hours* count the activity itself plus preparation and travel time;
- a partner's *months of engagement* run from the month of their first entry to the
  month of their last, counting both (inside the period asked for);
- *meetings* are distinct (project, day) pairs of meeting entries, so a meeting that
  four partners attended counts once;
- rejected entries count nowhere (``scope.counted_entries``);
- a *product* counts for a person when they are listed as a contributor. With a period,
  it counts when its completion date falls inside the period.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, select
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
from desktop_app.services.rounding import hours_tenths
from desktop_app.services.scope import counted_entries, products_in_scope


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
        return float(hours_tenths(self.total_minutes))

    @property
    def avg_hours_per_partner_month(self) -> float:
        if not self.partner_months:
            return 0.0
        return float(hours_tenths(self.total_minutes, self.partner_months))

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
    return counted_entries(Activity, person_id, project_id, start, end)


@dataclass(frozen=True)
class _PersonTotals:
    person_id: str
    role: Role
    entries: int
    minutes: int
    prep: int
    travel: int
    first: date
    last: date


def _person_totals(session: Session, where: ColumnElement[bool]) -> list[_PersonTotals]:
    """One row per person in scope: entries, minutes and first and last day.

    Every headline figure but meetings and products adds up from these rows, so the
    time entries are read once (through a covering index) however many figures are asked.
    """
    grouped = (
        select(
            Activity.person_id,
            func.count().label("entries"),
            func.coalesce(func.sum(Activity.minutes), 0).label("minutes"),
            func.coalesce(func.sum(Activity.prep_minutes), 0).label("prep"),
            func.coalesce(func.sum(Activity.travel_minutes), 0).label("travel"),
            func.min(Activity.date).label("first"),
            func.max(Activity.date).label("last"),
        )
        .where(where)
        .group_by(Activity.person_id)
        .subquery()
    )
    # Group first, then join the few people: joining before grouping looks up the
    # person once per entry, which was most of the time at 100,000 entries.
    rows = session.execute(
        select(
            grouped.c.person_id,
            Person.role,
            grouped.c.entries,
            grouped.c.minutes,
            grouped.c.prep,
            grouped.c.travel,
            grouped.c.first,
            grouped.c.last,
        ).join(Person, Person.id == grouped.c.person_id)
    ).all()
    return [_PersonTotals(*row) for row in rows]


def _meetings_by_person(session: Session, where: ColumnElement[bool]) -> dict[str, int]:
    """Distinct (project, day) meetings per person."""
    days = (
        select(Activity.person_id, Activity.project_id, Activity.date)
        .where(where, Activity.kind == ActivityKind.MEETING)
        .distinct()
        .subquery()
    )
    rows = session.execute(select(days.c.person_id, func.count()).group_by(days.c.person_id))
    return {person_id: int(n) for person_id, n in rows}


def _make_summary(
    totals: list[_PersonTotals],
    meetings: int,
    products: list[Product],
    expenses_minor: dict[str, int],
) -> Summary:
    partners = [t for t in totals if t.role == Role.PARTNER]
    minutes = sum(t.minutes for t in totals)
    prep = sum(t.prep for t in totals)
    travel = sum(t.travel for t in totals)
    by_engagement = {e.value: 0 for e in EngagementType}
    by_audience = {a.value: 0 for a in Audience}
    for product in products:
        by_engagement[product.engagement.value] += 1
        for audience in product.audiences:
            if audience in by_audience:
                by_audience[audience] += 1
    return Summary(
        partners=len(partners),
        entries=sum(t.entries for t in totals),
        total_minutes=int(minutes + prep + travel),
        activity_minutes=int(minutes),
        prep_minutes=int(prep),
        travel_minutes=int(travel),
        partner_months=sum(_months_inclusive(t.first, t.last) for t in partners),
        meetings=meetings,
        products=len(products),
        products_by_engagement=by_engagement,
        products_by_audience=by_audience,
        expenses_minor=expenses_minor,
        first_date=min((t.first for t in totals), default=None),
        last_date=max((t.last for t in totals), default=None),
    )


def summarise(
    session: Session,
    person_id: str | None = None,
    project_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> Summary:
    """Every headline figure for the records in scope."""
    where = _activity_filter(person_id, project_id, start, end)
    meeting_days = (
        select(Activity.project_id, Activity.date)
        .where(where, Activity.kind == ActivityKind.MEETING)
        .distinct()
        .subquery()
    )
    meetings = session.scalar(select(func.count()).select_from(meeting_days)) or 0
    return _make_summary(
        _person_totals(session, where),
        int(meetings),
        _products_in_scope(session, person_id, project_id, start, end),
        _expenses(session, person_id, project_id, start, end),
    )


def _products_in_scope(
    session: Session,
    person_id: str | None,
    project_id: str | None,
    start: date | None,
    end: date | None,
) -> list[Product]:
    return list(
        session.scalars(select(Product).where(products_in_scope(person_id, project_id, start, end)))
    )


def _expenses(
    session: Session,
    person_id: str | None,
    project_id: str | None,
    start: date | None,
    end: date | None,
) -> dict[str, int]:
    query = select(Expense.currency, func.sum(Expense.amount_minor)).where(
        counted_entries(Expense, person_id, project_id, start, end)
    )
    rows = session.execute(query.group_by(Expense.currency)).all()
    return {currency: int(total) for currency, total in rows}


def _expenses_by_person(
    session: Session,
    project_id: str | None,
    start: date | None,
    end: date | None,
) -> dict[str, dict[str, int]]:
    query = select(Expense.person_id, Expense.currency, func.sum(Expense.amount_minor)).where(
        counted_entries(Expense, None, project_id, start, end)
    )
    found: dict[str, dict[str, int]] = {}
    for person_id, currency, total in session.execute(
        query.group_by(Expense.person_id, Expense.currency)
    ):
        found.setdefault(person_id, {})[currency] = int(total)
    return found


def hours_by_month(
    session: Session,
    person_id: str | None = None,
    project_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> dict[str, float]:
    """Hours per calendar month ("YYYY-MM"), oldest first, for charts."""
    # Summed by day in the database and by month here: grouping on the bare date column
    # reads the covering index in order, where grouping on extract(year/month) made the
    # database work the month out of every entry and sort them all (0.14 s at 100,000).
    total = func.sum(Activity.minutes + Activity.prep_minutes + Activity.travel_minutes)
    rows = session.execute(
        select(Activity.date, total)
        .where(_activity_filter(person_id, project_id, start, end))
        .group_by(Activity.date)
        .order_by(Activity.date)
    ).all()
    minutes: dict[str, int] = {}
    for day, day_minutes in rows:
        key = f"{day.year:04d}-{day.month:02d}"
        minutes[key] = minutes.get(key, 0) + int(day_minutes)
    return {key: float(hours_tenths(value)) for key, value in minutes.items()}


def per_partner(
    session: Session,
    project_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[tuple[Person, Summary]]:
    """One summary per person with entries in scope, by name.

    Each is the same as ``summarise(session, person.id, project_id, start, end)``, but
    the figures come from a few grouped queries, not a round of queries per person.
    """
    where = _activity_filter(None, project_id, start, end)
    totals = _person_totals(session, where)
    if not totals:
        return []
    meetings = _meetings_by_person(session, where)
    products = _products_in_scope(session, None, project_id, start, end)
    made_by: dict[str, list[Product]] = {}
    if products:
        contributions = session.execute(
            select(ProductContribution.person_id, ProductContribution.product_id)
            .where(
                ProductContribution.deleted_at.is_(None),
                ProductContribution.product_id.in_([p.id for p in products]),
            )
            .distinct()
        ).all()
        by_id = {p.id: p for p in products}
        for person_id, product_id in contributions:
            made_by.setdefault(person_id, []).append(by_id[product_id])
    costs = _expenses_by_person(session, project_id, start, end)
    people = {
        p.id: p
        for p in session.scalars(select(Person).where(Person.id.in_([t.person_id for t in totals])))
    }
    found = [
        (
            people[t.person_id],
            _make_summary(
                [t],
                meetings.get(t.person_id, 0),
                made_by.get(t.person_id, []),
                costs.get(t.person_id, {}),
            ),
        )
        for t in totals
    ]
    found.sort(key=lambda pair: pair[0].display_name.casefold())
    return found
