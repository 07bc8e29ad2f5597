"""Saving one time entry through the service, against a raw sqlite3 insert and commit.

Both use the same pragmas (WAL, synchronous=FULL, foreign keys, busy timeout), so the
ratio shows what the service layer (validation, ORM, transaction) costs.

Run: python -m bench.bench_save_activity [--smoke]
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import uuid
from datetime import UTC, date, datetime
from itertools import count
from pathlib import Path

from bench.harness import Result, median_time, print_table
from desktop_app.model import ActivityKind, Role
from desktop_app.services import activities, profile
from desktop_app.storage.db import PRAGMAS
from desktop_app.storage.workspace import Workspace

TARGET_S = 0.005


def measure(repeat: int) -> Result:
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Workspace.open(Path(tmp) / "service", exclusive=False)
        workspace.call(profile.setup, Role.PARTNER, "Bench Partner", project_name="Bench")
        day = date(2024, 5, 1)

        def save() -> None:
            workspace.call(
                activities.record_activity,
                date=day,
                minutes=60,
                kind=ActivityKind.MEETING,
                note="A meeting",
            )

        service = median_time(save, repeat)
        workspace.close()

        raw = sqlite3.connect(Path(tmp) / "raw.sqlite3", isolation_level=None)
        for pragma in PRAGMAS:
            raw.execute(pragma)
        raw.execute(
            "CREATE TABLE activity (id TEXT PRIMARY KEY, person_id TEXT, project_id TEXT, "
            "date TEXT, kind TEXT, mode TEXT, minutes INTEGER, prep_minutes INTEGER, "
            "travel_minutes INTEGER, note TEXT, status TEXT, status_note TEXT, "
            "created_at TEXT, updated_at TEXT, rev INTEGER, origin TEXT, deleted_at TEXT)"
        )
        numbers = count()

        def insert() -> None:
            now = datetime.now(UTC).isoformat()
            raw.execute("BEGIN")
            raw.execute(
                "INSERT INTO activity VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    str(uuid.uuid4()),
                    "p",
                    "q",
                    day.isoformat(),
                    "meeting",
                    "video",
                    60,
                    0,
                    0,
                    f"A meeting {next(numbers)}",
                    "draft",
                    "",
                    now,
                    now,
                    1,
                    "o",
                    None,
                ),
            )
            raw.execute("COMMIT")

        baseline = median_time(insert, repeat)
        raw.close()
    return Result("save one activity (service)", service, baseline, target_s=TARGET_S)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="a few runs only, to check it works")
    args = parser.parse_args()
    print_table([measure(5 if args.smoke else 300)])


if __name__ == "__main__":
    main()
