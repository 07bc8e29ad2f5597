"""An organisation's PostgreSQL database at scale: 1,000,000 time entries, 500 partners,
50 projects, and several coordinators at once.

The rows are made by the server itself (``INSERT ... SELECT ... FROM generate_series``),
which is how a million rows are made in about a minute on a small machine; the people and
projects go through the app's own services. Measured, each against raw SQL of the same
work in the same run (psycopg, no ORM):

- project summary (``summaries.summarise`` for one project of 20,000 entries): raw SQL
  computing the same aggregates with the same filters;
- first page of records, for one partner (200 rows and the count) and over all entries:
  raw SQL reading the same rows;
- merge of 50 partner files x 1,000 entries into the full database: json.load plus a raw
  ``executemany`` of the same rows;
- 8 coordinators importing 8 files at once, each in a process of their own: raw
  ``executemany`` of the same rows one after the other. Every entry must arrive.

Without ``--database-url`` the bench starts a throwaway server, as the tests do
(``tests/helpers/postgres_server.py``: Debian's postgresql package, run as the postgres
user under root). The server runs without disk flushes, so times are of the app, not of
the disk.

Run: python -m bench.bench_postgres [--smoke] [--database-url URL]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.bench_merge import ACTIVITY_COLUMNS, activity_values, file_data, reference_rows
from bench.bench_scale import LIST_SQL
from bench.harness import Result, median_time, print_table

SUMMARY_TARGET_S = 0.300
FIRST_PAGE_TARGET_S = 0.200
MERGE_TARGET_S = 10.0

GENERATE_SQL = """
INSERT INTO activity (id, person_id, project_id, date, kind, mode, minutes, prep_minutes,
    travel_minutes, note, status, status_note, created_at, updated_at, rev, origin,
    deleted_at, review_rev, pay_period_id)
SELECT gen_random_uuid()::text,
       people.ids[1 + g % people.n],
       projects.ids[1 + (g % people.n) % projects.n],
       DATE '2016-01-01' + ((g / people.n) % 3650)::int,
       (ARRAY['meeting','preparation','reviewing','writing','committee'])[1 + g % 5],
       CASE WHEN g % 4 = 0 THEN 'in_person' ELSE 'video' END,
       30 + 15 * (g % 8), 15 * (g % 3), CASE WHEN g % 4 = 0 THEN 30 ELSE 0 END,
       'Team meeting', CASE WHEN g % 10 = 0 THEN 'submitted' ELSE 'approved' END, '',
       TIMESTAMPTZ '2016-01-01 09:00+00' + g * INTERVAL '1 second',
       TIMESTAMPTZ '2016-01-01 09:00+00' + g * INTERVAL '1 second',
       1, :origin, NULL, 0, NULL
FROM generate_series(0, :count - 1) AS g,
     (SELECT array_agg(id ORDER BY id) AS ids, count(*) AS n FROM person
      WHERE role = 'partner') AS people,
     (SELECT array_agg(id ORDER BY id) AS ids, count(*) AS n FROM project) AS projects
"""

RAW_SUMMARY = [
    "SELECT count(*), sum(minutes), sum(prep_minutes), sum(travel_minutes), min(date), "
    "max(date) FROM activity WHERE deleted_at IS NULL AND status <> 'rejected' "
    "AND project_id = %(p)s",
    "SELECT person_id, min(date), max(date), sum(minutes + prep_minutes + travel_minutes) "
    "FROM activity WHERE deleted_at IS NULL AND status <> 'rejected' AND project_id = %(p)s "
    "GROUP BY person_id",
    "SELECT count(*) FROM (SELECT DISTINCT project_id, date FROM activity WHERE "
    "deleted_at IS NULL AND status <> 'rejected' AND project_id = %(p)s "
    "AND kind = 'meeting') AS days",
    "SELECT count(*), sum(amount_minor) FROM expense WHERE deleted_at IS NULL "
    "AND project_id = %(p)s",
]


@contextmanager
def _server(url: str | None) -> Iterator[str]:
    """The address of an empty database: on ``url``'s server, or a throwaway one."""
    if url is not None:
        yield url
        return
    from tests.helpers.postgres_server import start_server

    server = start_server()
    try:
        name = server.new_database(empty=True)
        yield server.url(name).render_as_string(hide_password=False)
    finally:
        server.stop()


def _raw(url: str) -> Any:
    import psycopg

    from desktop_app.storage.server_url import server_url

    address = server_url(url).set(drivername="postgresql")
    return psycopg.connect(address.render_as_string(hide_password=False))


def _populate(database: Any, entries: int, partners: int, projects: int) -> tuple[str, str]:
    """People and projects through the services, the entries by the server. Returns a
    project's id and a partner's id."""
    from sqlalchemy import select, text

    from desktop_app.model import Installation, Role
    from desktop_app.services import profile
    from desktop_app.services.projects import create_project

    with database.session() as session:
        profile.setup(session, Role.COORDINATOR, "Bench Coordinator")
        for number in range(projects):
            create_project(session, name=f"Project {number:02d}")
        for number in range(partners):
            profile.add_person(session, f"Partner {number:03d}", Role.PARTNER)
        origin = session.scalar(select(Installation.id))
    with database.engine.begin() as connection:
        connection.execute(text(GENERATE_SQL), {"origin": origin, "count": entries})
    with database.engine.connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
        project_id, person_id = connection.execute(
            text("SELECT project_id, person_id FROM activity ORDER BY id LIMIT 1")
        ).one()
    return str(project_id), str(person_id)


def _raw_page(con: Any, person_id: str | None, count: bool) -> None:
    person = "AND person_id = %(who)s" if person_id else ""
    with con.cursor() as cur:
        if count:
            cur.execute(
                f"SELECT count(*) FROM ({LIST_SQL.format(person=person, limit='')}) AS x",
                {"who": person_id},
            )
            cur.fetchall()
        cur.execute(LIST_SQL.format(person=person, limit="LIMIT 200"), {"who": person_id})
        cur.fetchall()


def _raw_read(con: Any, person_id: str | None, count: bool) -> None:
    _raw_page(con, person_id, count)
    con.rollback()


def _raw_insert(con: Any, files: list[Path]) -> None:
    """json.load of each file and executemany of its people and entries, as raw SQL."""
    with con.transaction(), con.cursor() as cur:
        for path in files:
            data = file_data(path)
            for sql, values in reference_rows(data, "%s"):
                cur.execute(sql, values)
            cur.executemany(
                f"INSERT INTO activity ({ACTIVITY_COLUMNS}) VALUES ({', '.join(['%s'] * 18)})",
                [activity_values(r) for r in data["activities"]],
            )
        raise _Undo  # the baseline leaves the records as they were


class _Undo(Exception):
    pass


def _timed_raw_insert(url: str, files: list[Path]) -> float:
    with _raw(url) as con:
        start = time.perf_counter()
        try:
            _raw_insert(con, files)
        except _Undo:
            pass
        return time.perf_counter() - start


def _count(database: Any) -> int:
    from sqlalchemy import text

    with database.engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM activity")).scalar() or 0)


def measure(
    entries: int = 1_000_000,
    partners: int = 500,
    projects: int = 50,
    merge_files: int = 50,
    merge_entries: int = 1_000,
    coordinators: int = 8,
    repeat: int = 15,
    url: str | None = None,
) -> list[Result]:
    from bench.bench_merge import _partner_file
    from desktop_app import exchange
    from desktop_app.services import records
    from desktop_app.services.summaries import summarise
    from desktop_app.storage.db import open_database_url
    from tests.helpers.crowd import run_at_once

    results: list[Result] = []
    with _server(url) as address, tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database = open_database_url(address)
        start = time.perf_counter()
        project_id, person_id = _populate(database, entries, partners, projects)
        made_s = time.perf_counter() - start
        print(f"made {entries:,} entries in {made_s:.1f} s", file=sys.stderr)
        raw = _raw(address)

        def call(service: Any, *args: Any, **kwargs: Any) -> Any:
            with database.session() as session:
                return service(session, *args, **kwargs)

        def raw_summary() -> None:
            with raw.cursor() as cur:
                for sql in RAW_SUMMARY:
                    cur.execute(sql, {"p": project_id})
                    cur.fetchall()
            raw.rollback()

        results.append(
            Result(
                f"project summary ({entries // projects:,} of {entries:,} entries)",
                median_time(lambda: call(summarise, project_id=project_id), repeat),
                median_time(raw_summary, repeat),
                target_s=SUMMARY_TARGET_S,
            )
        )

        def page(who: str | None, count: bool) -> None:
            call(records.entry_rows, who)
            if count:
                call(records.count_entries, who)

        for label, who, count in (
            ("a partner's records, first page and count", person_id, True),
            (f"all {entries:,} records, first page", None, False),
        ):
            results.append(
                Result(
                    label,
                    median_time(lambda w=who, c=count: page(w, c), repeat),
                    median_time(lambda w=who, c=count: _raw_read(raw, w, c), repeat),
                    target_s=FIRST_PAGE_TARGET_S,
                )
            )
        raw.close()

        files = [_partner_file(folder, n, merge_entries)[0] for n in range(merge_files)]
        baseline = _timed_raw_insert(address, files)
        before = _count(database)
        start = time.perf_counter()
        with database.session() as session:
            preview = exchange.preview(session, files)
            exchange.apply(session, preview)
        merge_s = time.perf_counter() - start
        assert _count(database) == before + merge_files * merge_entries
        results.append(
            Result(
                f"merge {merge_files} files x {merge_entries:,} entries into {entries:,}",
                merge_s,
                baseline,
                target_s=MERGE_TARGET_S,
            )
        )

        crowd = [_partner_file(folder, 1000 + n, merge_entries)[0] for n in range(coordinators)]
        baseline = _timed_raw_insert(address, crowd)
        before = _count(database)
        commands = [
            ["--data-dir", str(folder / f"c{n}"), "--database-url", address, "import", str(f)]
            for n, f in enumerate(crowd)
        ]
        start = time.perf_counter()
        outcomes = run_at_once(commands)
        crowd_s = time.perf_counter() - start
        lost = before + coordinators * merge_entries - _count(database)
        failed = [o for o in outcomes if o.status != 0]
        if lost or failed:
            raise AssertionError(f"{lost} entries lost; failed imports: {failed}")
        results.append(
            Result(
                f"{coordinators} coordinators importing at once (none lost)",
                crowd_s,
                baseline,
            )
        )
        database.close()
    return results


def smoke(url: str | None = None) -> list[Result]:
    return measure(2_000, 5, 3, 3, 100, 2, repeat=2, url=url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="a small run, to check it works")
    parser.add_argument("--database-url", help="an empty database to use (default: a new server)")
    args = parser.parse_args()
    results = smoke(args.database_url) if args.smoke else measure(url=args.database_url)
    print_table(results)


if __name__ == "__main__":
    main()
