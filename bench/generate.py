"""Make a large, realistic Partner Log data folder for the scale benchmarks.

The people, the project and the products go through the services, so they are set up
exactly as the app would do it. The time entries and expenses, which are the bulk, are
written with SQLAlchemy Core bulk inserts in batches, with every sync field filled in
the way the services fill it (a UUID id, created/updated times in UTC, ``rev`` 1, this
installation as ``origin``, no tombstone).

The result depends only on the arguments (a fixed random seed, fixed dates), so two runs
give the same figures. The installation belongs to the first partner.

Run: python -m bench.generate FOLDER [--activities 100000] [--partners 40] [--years 10]
"""

from __future__ import annotations

import argparse
import random
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from desktop_app.model import (
    Activity,
    ActivityKind,
    ActivityMode,
    Audience,
    CompensationUnit,
    EngagementType,
    Expense,
    ExpenseCategory,
    ProductStatus,
    ProductType,
    ReviewStatus,
    Role,
)
from desktop_app.services import lifecycle, products, profile
from desktop_app.services.projects import change_project, default_project
from desktop_app.storage.db import open_database

SEED = 20_240_501
#: The last day with entries; the figures do not depend on the day the bench runs.
LAST_DAY = date(2025, 12, 31)
BATCH = 5_000
KINDS = [
    ActivityKind.MEETING,
    ActivityKind.MEETING,
    ActivityKind.MEETING,
    *[k for k in ActivityKind if k != ActivityKind.MEETING],
]
NOTES = ["", "", "Team meeting", "Read the draft and sent comments", "Survey pilot", "Planning"]


@dataclass(frozen=True)
class Generated:
    folder: Path
    project_id: str
    owner_id: str
    partner_ids: list[str]
    activities: int
    expenses: int
    first_day: date
    last_day: date


def _status(day: date, last: date) -> ReviewStatus:
    """Old entries are paid, recent ones are still on their way, like real records."""
    age = (last - day).days
    if age > 365:
        return ReviewStatus.PAID
    if age > 120:
        return ReviewStatus.APPROVED
    if age > 30:
        return ReviewStatus.SUBMITTED
    return ReviewStatus.DRAFT


def _stamp(day: date, rng: random.Random) -> datetime:
    """When the entry was typed: the same day or a few days later, at some time of day."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(
        days=rng.randint(0, 3),
        seconds=rng.randint(8 * 3600, 20 * 3600),
        microseconds=rng.randint(0, 999_999),
    )


def generate(
    folder: Path, activities: int = 100_000, partners: int = 40, years: int = 10
) -> Generated:
    """Fill a new data folder ``folder`` and return what was made."""
    rng = random.Random(SEED)
    id_rng = random.Random(SEED + 1)

    def new_uuid() -> str:
        return str(uuid.UUID(int=id_rng.getrandbits(128), version=4))

    first_day = LAST_DAY.replace(year=LAST_DAY.year - years) + timedelta(days=1)
    span = (LAST_DAY - first_day).days
    database = open_database(folder)
    with database.session() as session:
        profile.setup(session, Role.PARTNER, "Partner 01", project_name="Scale project")
        project = default_project(session)
        change_project(
            session,
            project.id,
            compensation_unit=CompensationUnit.HOURLY,
            rate_minor=3000,
            start_date=first_day,
            end_date=LAST_DAY,
        )
        owner = profile.owner(session)
        people = [owner.id] + [
            profile.add_person(session, f"Partner {n:02d}", Role.PARTNER).id
            for n in range(2, partners + 1)
        ]
        session.flush()
        engagements = list(EngagementType)
        audiences = [a.value for a in Audience]
        for n in range(years * 6):  # a product every two months
            product = products.create_product(
                session,
                title=f"Product {n + 1}",
                type=list(ProductType)[n % len(ProductType)],
                engagement=engagements[n % len(engagements)],
                audiences=audiences[n % len(audiences) : n % len(audiences) + 2],
                status=ProductStatus.PUBLISHED if n % 5 else ProductStatus.DRAFT,
                completed_on=first_day + timedelta(days=n * span // (years * 6)),
                description="Made together with the partners.",
            )
            for person_id in rng.sample(people, min(3, len(people))):
                products.add_contribution(session, product.id, person_id)
        origin = lifecycle.origin_of(session)
        project_id = project.id

        def entry(person_id: str, day: date, stamp: datetime) -> dict[str, object]:
            """The columns a time entry and a cost share: a new record, whose, and its review."""
            return {
                "id": new_uuid(),
                "created_at": stamp,
                "updated_at": stamp,
                "rev": 1,
                "origin": origin,
                "deleted_at": None,
                "person_id": person_id,
                "project_id": project_id,
                "date": day,
                "status": _status(day, LAST_DAY),
                "status_note": "",
                "review_rev": 0,
                "pay_period_id": None,
            }

        rows: list[dict[str, object]] = []
        for n in range(activities):
            day = first_day + timedelta(days=rng.randrange(span + 1))
            stamp = _stamp(day, rng)
            kind = KINDS[n % len(KINDS)]
            rows.append(
                {
                    **entry(people[n % len(people)], day, stamp),
                    "kind": kind,
                    "mode": ActivityMode.VIDEO if n % 4 else ActivityMode.IN_PERSON,
                    "minutes": 30 + 15 * rng.randrange(8),
                    "prep_minutes": 15 * rng.randrange(3),
                    "travel_minutes": 30 if n % 4 == 0 else 0,
                    "note": NOTES[n % len(NOTES)],
                }
            )
            if len(rows) == BATCH:
                session.execute(insert(Activity), rows)
                rows = []
        if rows:
            session.execute(insert(Activity), rows)

        # An expense per partner every three months or so: a few in every list page.
        costs: list[dict[str, object]] = []
        categories = list(ExpenseCategory)
        expenses = max(1, activities // 60)
        for n in range(expenses):
            day = first_day + timedelta(days=rng.randrange(span + 1))
            stamp = _stamp(day, rng)
            costs.append(
                {
                    **entry(people[n % len(people)], day, stamp),
                    "category": categories[n % len(categories)],
                    "amount_minor": 500 + 250 * rng.randrange(12),
                    "currency": "CAD",
                    "note": "",
                    "receipt_path": "",
                }
            )
        session.execute(insert(Expense), costs)
    database.close()
    return Generated(
        folder=folder,
        project_id=project_id,
        owner_id=people[0],
        partner_ids=people,
        activities=activities,
        expenses=expenses,
        first_day=first_day,
        last_day=LAST_DAY,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a new, empty data folder")
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--partners", type=int, default=40)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    start = time.perf_counter()
    made = generate(args.folder, args.activities, args.partners, args.years)
    elapsed = time.perf_counter() - start
    print(
        f"{made.activities:,} activities and {made.expenses:,} expenses for "
        f"{len(made.partner_ids)} partners, {made.first_day} to {made.last_day}, "
        f"in {made.folder} ({elapsed:.1f} s)"
    )


if __name__ == "__main__":
    main()
