"""Home's figures: what they hold, and a quick way to read them before the ORM is loaded.

``HomeFigures`` is what the home screen shows. ``services.home.home_figures`` gathers it
through the ORM, for any database; ``quick_home_figures`` gathers the same figures from
the records file with the standard library alone, so Home can be drawn with its figures
before SQLAlchemy is loaded. Both follow the definitions in ``services.summaries`` (a
test checks they agree, for a partner and for a coordinator, on the demo records):

- hours are the activity itself plus preparation and travel, in live entries that were
  not rejected (``scope.counted_entries``);
- this month runs from its first day to today;
- meetings are distinct (project, day) pairs of meeting entries;
- products are live products; a partner's are those they are a live contributor to;
- partners are people with the partner role who have counted entries.

This module imports neither SQLAlchemy nor the model, so the first paint stays light.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop_app import clock
from desktop_app.storage.quick_read import records_at_newest_schema

log = logging.getLogger("partner_log.home_figures")

#: Review results that leave the figures: ``scope.NOT_COUNTED`` by value (a test checks).
NOT_COUNTED_VALUES = ("rejected",)
PARTNER = "partner"  # Role.PARTNER by value (Role is a StrEnum, so they compare equal)
COORDINATOR = "coordinator"
MEETING = "meeting"  # ActivityKind.MEETING by value


@dataclass(frozen=True)
class HomeFigures:
    set_up: bool
    name: str = ""
    #: A ``Role``; read quickly it is the same value as a plain string.
    role: str = PARTNER
    month_minutes: int = 0
    total_minutes: int = 0
    meetings: int = 0
    products: int = 0
    partners: int = 0
    project_count: int = 0


def quick_home_figures(data_dir: Path, today: date | None = None) -> HomeFigures | None:
    """Home's figures read straight from the records file, or None to ask the ORM.

    None when the file is missing, not at the newest schema, in a database server, or
    cannot be read just now; the caller then takes the normal path.
    """
    with records_at_newest_schema(data_dir) as con:
        if con is None:
            return None
        try:
            return _gather(con, today or clock.today())
        except sqlite3.Error as problem:
            log.info("quick figures skipped: %s", type(problem).__name__)
            return None


def _gather(con: sqlite3.Connection, today: date) -> HomeFigures:
    owner = con.execute(
        "SELECT i.role, p.id, p.preferred_name, p.display_name"
        " FROM installation AS i JOIN person AS p ON p.id = i.person_id LIMIT 1"
    ).fetchone()
    if owner is None:
        return HomeFigures(set_up=False)
    role, owner_id, preferred, display = owner
    person_id = owner_id if role == PARTNER else None
    month_start = today.replace(day=1)
    return HomeFigures(
        set_up=True,
        name=preferred or display,
        role=role,
        month_minutes=_minutes(con, person_id, month_start, today),
        total_minutes=_minutes(con, person_id),
        meetings=_meetings(con, person_id),
        products=_products(con, person_id),
        partners=_partners(con, person_id),
        project_count=con.execute(
            "SELECT count(*) FROM project WHERE deleted_at IS NULL"
        ).fetchone()[0],
    )


def _counted(
    person_id: str | None, start: date | None = None, end: date | None = None
) -> tuple[str, list[object]]:
    """The WHERE clause of counted time entries in scope, and its parameters."""
    marks = ", ".join("?" for _ in NOT_COUNTED_VALUES)
    where = [f"a.deleted_at IS NULL AND a.status NOT IN ({marks})"]
    params: list[object] = list(NOT_COUNTED_VALUES)
    if person_id:
        where.append("a.person_id = ?")
        params.append(person_id)
    if start:
        where.append("a.date >= ?")
        params.append(start.isoformat())
    if end:
        where.append("a.date <= ?")
        params.append(end.isoformat())
    return " AND ".join(where), params


def _minutes(
    con: sqlite3.Connection,
    person_id: str | None,
    start: date | None = None,
    end: date | None = None,
) -> int:
    where, params = _counted(person_id, start, end)
    row = con.execute(
        "SELECT coalesce(sum(a.minutes), 0) + coalesce(sum(a.prep_minutes), 0)"
        " + coalesce(sum(a.travel_minutes), 0)"
        f" FROM activity AS a JOIN person AS p ON p.id = a.person_id WHERE {where}",
        params,
    ).fetchone()
    return int(row[0])


def _meetings(con: sqlite3.Connection, person_id: str | None) -> int:
    where, params = _counted(person_id)
    row = con.execute(
        "SELECT count(*) FROM (SELECT DISTINCT a.project_id, a.date FROM activity AS a"
        f" WHERE {where} AND a.kind = ?)",
        [*params, MEETING],
    ).fetchone()
    return int(row[0])


def _products(con: sqlite3.Connection, person_id: str | None) -> int:
    query = "SELECT count(*) FROM product WHERE deleted_at IS NULL"
    params: list[object] = []
    if person_id:
        query += (
            " AND id IN (SELECT product_id FROM product_contribution"
            " WHERE person_id = ? AND deleted_at IS NULL)"
        )
        params.append(person_id)
    return int(con.execute(query, params).fetchone()[0])


def _partners(con: sqlite3.Connection, person_id: str | None) -> int:
    where, params = _counted(person_id)
    row = con.execute(
        "SELECT count(DISTINCT a.person_id) FROM activity AS a"
        f" JOIN person AS p ON p.id = a.person_id WHERE {where} AND p.role = ?",
        [*params, PARTNER],
    ).fetchone()
    return int(row[0])
