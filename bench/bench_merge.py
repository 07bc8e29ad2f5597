"""Merging 50 partner files of 1,000 activities each into a coordinator database.

The baseline, measured in the same run, is the least any merge must do: json.load of
the same rows plus a raw sqlite3 executemany of them into the app's own tables (same
indexes, same foreign keys, same pragmas). The measured merge reads and checks every
file (zip, checksums, field types), plans the merge, takes the verified backup and writes
in one transaction.

Run: python -m bench.bench_merge [--smoke]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.harness import Result, print_table
from desktop_app import exchange
from desktop_app.exchange import container
from desktop_app.model import Role
from desktop_app.services import profile
from desktop_app.storage.db import PRAGMAS, open_database
from desktop_app.storage.paths import database_path

TARGET_S = 5.0
TARGET_RATIO = 5.0


def _partner_file(folder: Path, number: int, activities: int) -> tuple[Path, list[dict]]:
    person = str(uuid.uuid4())
    project = "00000000-0000-4000-8000-000000000001"
    now = datetime(2025, 1, 1, tzinfo=UTC).isoformat()
    meta = {"created_at": now, "updated_at": now, "rev": 1, "origin": str(uuid.uuid4())}
    rows = [
        {
            **meta,
            "id": str(uuid.uuid4()),
            "deleted_at": None,
            "person_id": person,
            "project_id": project,
            "date": (date(2024, 1, 1) + timedelta(days=i % 365)).isoformat(),
            "kind": "meeting",
            "mode": "video",
            "minutes": 60 + i % 60,
            "prep_minutes": 15,
            "travel_minutes": 0,
            "note": f"Team meeting number {i}",
            "product_ids": [],
        }
        for i in range(activities)
    ]
    data = {
        "people": [
            {
                **meta,
                "id": person,
                "deleted_at": None,
                "display_name": f"Partner {number}",
                "preferred_name": "",
                "contact": "",
                "role": "partner",
                "payment_choice": "paid",
            }
        ],
        "projects": [
            {
                **meta,
                "id": project,
                "deleted_at": None,
                "name": "Bench project",
                "organisation": "",
                "coordinator_name": "",
                "coordinator_contact": "",
                "start_date": None,
                "end_date": None,
                "compensation_unit": "hourly",
                "rate_minor": 3000,
                "currency": "CAD",
                "terms": "",
            }
        ],
        "products": [],
        "activities": rows,
        "expenses": [],
        "reflections": [],
        "certificates": [],
    }
    counts = {key: len(value) for key, value in data.items()}
    counts["reviews"] = 0
    author = {
        "installation_id": str(uuid.uuid4()),
        "person_id": person,
        "name": f"Partner {number}",
        "role": "partner",
    }
    manifest = container.new_manifest("partner", author, counts, recipient=None, since=None)
    path = folder / f"partner-{number}.partnerlog"
    path.write_bytes(container.pack(manifest, data))
    return path, rows


ACTIVITY_COLUMNS = (
    "id, person_id, project_id, date, kind, mode, minutes, prep_minutes, travel_minutes, "
    "note, status, status_note, created_at, updated_at, rev, origin, deleted_at, review_rev"
)


def activity_values(r: dict[str, Any]) -> tuple[Any, ...]:
    """A partner file's activity as the raw baselines insert it, in ``ACTIVITY_COLUMNS``
    order: waiting for review, never reviewed."""
    return (
        r["id"],
        r["person_id"],
        r["project_id"],
        r["date"],
        r["kind"],
        r["mode"],
        r["minutes"],
        r["prep_minutes"],
        r["travel_minutes"],
        r["note"],
        "submitted",
        "",
        r["created_at"],
        r["updated_at"],
        r["rev"],
        r["origin"],
        r["deleted_at"],
        0,
    )


#: The people and projects a partner file holds, as the raw baselines insert them.
REFERENCE_TABLES = (
    (
        "person",
        "people",
        (
            "id",
            "display_name",
            "preferred_name",
            "contact",
            "role",
            "payment_choice",
            "created_at",
            "updated_at",
            "rev",
            "origin",
            "deleted_at",
        ),
    ),
    (
        "project",
        "projects",
        (
            "id",
            "name",
            "organisation",
            "coordinator_name",
            "coordinator_contact",
            "compensation_unit",
            "rate_minor",
            "currency",
            "terms",
            "created_at",
            "updated_at",
            "rev",
            "origin",
        ),
    ),
)


def file_data(path: Path) -> dict[str, Any]:
    """What a partner file holds, read as plain JSON (no checks), for the baselines."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        found: dict[str, Any] = json.loads(archive.read("data.json"))
    return found


def reference_rows(data: dict[str, Any], mark: str) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """Each person and project in ``data``: its insert (kept if already there; ``mark``
    is the driver's placeholder) and its values."""
    for table, key, columns in REFERENCE_TABLES:
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join([mark] * len(columns))}) ON CONFLICT DO NOTHING"
        )
        for record in data[key]:
            yield sql, tuple(record[column] for column in columns)


def _baseline(folder: Path, files: list[Path]) -> float:
    """json.load plus raw executemany of the same rows into the app's own tables.

    The table is the real one (made by the app's migrations), so it has the same indexes
    and foreign keys: the ratio shows what reading, checking and merging add, not what
    the database's indexes cost.
    """
    open_database(folder / "raw").close()
    raw = sqlite3.connect(database_path(folder / "raw"), isolation_level=None)
    for pragma in PRAGMAS:
        raw.execute(pragma)
    start = time.perf_counter()
    raw.execute("BEGIN")
    for path in files:
        data = file_data(path)
        for sql, values in reference_rows(data, "?"):
            raw.execute(sql, values)
        raw.executemany(
            f"INSERT INTO activity ({ACTIVITY_COLUMNS}) VALUES "
            "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [activity_values(r) for r in data["activities"]],
        )
    raw.execute("COMMIT")
    elapsed = time.perf_counter() - start
    raw.close()
    return elapsed


def measure(files_count: int, activities: int) -> Result:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = [_partner_file(folder, n, activities)[0] for n in range(files_count)]
        database = open_database(folder / "coordinator")
        with database.session() as session:
            profile.setup(session, Role.COORDINATOR, "Bench Coordinator")
        start = time.perf_counter()
        with database.session() as session:
            preview = exchange.preview(session, files)
            exchange.apply(session, preview)
        merge = time.perf_counter() - start
        with database.session() as session:
            again = exchange.preview(session, files)
        database.close()
        assert preview.counts.new == files_count * (activities + 1) + 1
        assert again.counts.new == 0
        baseline = _baseline(folder, files)
    what = f"merge {files_count} files x {activities:,} activities"
    return Result(what, merge, baseline, target_s=TARGET_S, target_ratio=TARGET_RATIO)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="a small run, to check it works")
    args = parser.parse_args()
    result = measure(3, 100) if args.smoke else measure(50, 1000)
    print_table([result])


if __name__ == "__main__":
    main()
