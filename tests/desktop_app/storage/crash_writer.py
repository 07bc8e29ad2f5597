"""Helper for the crash test: saves time entries until it is killed.

It starts once (paying the import cost once), then for every line on stdin it forks a
child. The child opens the records, saves entries through the service one by one and
reports ``saved <id>`` after each commit. The test kills the child with SIGKILL at a
random moment. This module is run as a script; it is not a test.

Every line goes out in one ``write()`` (see ``report``): a kill may come between two
writes, but never in the middle of one.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from desktop_app.model import ActivityKind
from desktop_app.services.activities import record_activity
from desktop_app.storage.db import open_database


def report(line: str) -> None:
    """Write ``line`` and its newline to stdout in a single ``write()``.

    ``print`` writes the text and the newline separately when Python runs unbuffered
    (``python -u``, or ``PYTHONUNBUFFERED`` set, as on many CI machines). A SIGKILL
    between the two left ``saved <id>`` without its newline, and the parent's next
    ``reaped`` was glued to it. A pipe takes a write of up to PIPE_BUF bytes (at least
    512) whole or not at all, so a line is never cut and never mixed with another.
    """
    data = f"{line}\n".encode()
    if os.write(sys.stdout.fileno(), data) != len(data):
        raise OSError(f"only part of {line!r} was written")


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
        report(f"saved {saved.id}")


def main() -> None:
    data_dir = Path(sys.argv[1])
    report("ready")
    for _line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                save_until_killed(data_dir)
            finally:
                os._exit(1)
        report(f"child {pid}")
        os.waitpid(pid, 0)
        report("reaped")


if __name__ == "__main__":
    main()
