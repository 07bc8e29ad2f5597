"""Helper for the crash test: saves time entries until it is killed.

It starts once (paying the import cost once), then for every line on stdin it forks a
child. The child opens the records, saves entries through the service one by one and
prints ``saved <id>`` after each commit. The test kills the child with SIGKILL at a
random moment. This module is run as a script; it is not a test.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from desktop_app.model import ActivityKind
from desktop_app.services.activities import record_activity
from desktop_app.storage.db import open_database


def save_until_killed(data_dir: Path) -> None:
    database = open_database(data_dir)
    count = 0
    while True:
        count += 1
        with database.session() as session:
            saved = record_activity(
                session, date=date(2024, 1, 1 + count % 28), minutes=30, kind=ActivityKind.MEETING
            )
        # The transaction is committed here; only now is the id reported.
        print(f"saved {saved.id}", flush=True)


def main() -> None:
    data_dir = Path(sys.argv[1])
    print("ready", flush=True)
    for _line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                save_until_killed(data_dir)
            finally:
                os._exit(1)
        print(f"child {pid}", flush=True)
        os.waitpid(pid, 0)
        print("reaped", flush=True)


if __name__ == "__main__":
    main()
