"""Check Partner Log through AT-SPI, the accessibility API that Linux screen readers use.

Run by the system Python (it needs ``pyatspi``) inside ``dbus-run-session`` and a virtual
screen, with ``QT_QPA_PLATFORM=xcb`` and ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1``; the
``accessibility`` target of the Makefile does all of that. It starts the real app window
(``app_under_test.py``, run by the app's own Python) on the demo data and then:

1. visits every page of ``tests.helpers.page_tour`` and, on each, checks what a screen
   reader gets: every control the Tab key reaches is in the tree with the right role and a
   non-empty, unique, meaningful name; every field's name is its visible label (so it
   says what to enter); images carry a name; the keyboard focus is on the page; and,
   for the stops ``expectations.STOP_TITLES`` names, that the tour reached the page it
   is there for (in the language under test);
2. does three tasks with AT-SPI actions alone (no mouse, no keys): record a 1-hour
   meeting today, change it to 1½ hours, delete it and undo, reading the records file
   (read-only) after each step to prove it happened. It finds each control by the name
   a screen reader hears in the language under test, from the app's own catalogue
   (``catalogue.py``), so the tasks run in every language the app ships.

Any failed check makes the exit status 1. Nothing is skipped.

This file is the command (its flags, the runs of the app, the report). Beside it:
``running_app.py`` starts the app and finds it on the desktop, ``accessible_tree.py``
reads the tree, ``page_checks.py`` checks a page and ``scripted_tasks.py`` does the tasks.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:
    import pyatspi  # noqa: F401  (the modules beside this one read the tree with it)
except ImportError:  # never skip quietly: the run fails and says how to fix it
    sys.exit(
        "pyatspi is missing. Install the system package python3-pyatspi "
        "(make system-deps does it as root), then run this with /usr/bin/python3."
    )

from catalogue import Catalogue  # beside this script
from page_checks import tour
from running_app import REPO, App
from scripted_tasks import tasks


def run_one(
    app_python: str,
    folder: Path,
    name: str,
    scale: float,
    language: str,
    work: Callable[[App], Any],
) -> Any:
    app = App(app_python, folder, name, scale, language)
    try:
        return work(app)
    finally:
        app.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app-python", default=sys.executable, help="the app's own Python")
    parser.add_argument(
        "--language",
        default="en",
        help="the app's language (e.g. es); the pages and the three tasks run in it",
    )
    args = parser.parse_args()
    language = args.language
    words = Catalogue.for_language(REPO, language)
    started = time.monotonic()
    failures: dict[str, list[str]] = {}
    counts: Counter[str] = Counter()

    def visit_all(command: str, label: str) -> Callable[[App], None]:
        def work(app: App) -> None:
            stops = app.hello["stops"]
            counts[label] += len(stops)
            failures.update(tour(app, command, stops, label, words))

        return work

    with tempfile.TemporaryDirectory(prefix="partner-log-a11y-") as tmp:
        root = Path(tmp)

        def run(folder: str, name: str, work: Callable[[App], Any]) -> Any:
            return run_one(args.app_python, root / folder, name, 1.0, language, work)

        visit_partner = visit_all("visit", "partner")
        available = run(
            "partner", "partner", lambda app: (visit_partner(app), app.hello["tours"])[1]
        )
        if "coordinator" in available:
            run("coordinator", "coordinator", visit_all("visit", "coordinator"))
        run("first-run", "setup", visit_all("visit", "set-up"))
        task_problems = run("tasks", "partner", lambda app: tasks(app, words))
        if task_problems:
            failures["tasks with AT-SPI actions"] = task_problems
    seconds = time.monotonic() - started
    pages = sum(counts.values())
    checked = f"checked {pages} pages ({dict(counts)}) and 3 tasks"
    print(f"AT-SPI ({language}): {checked} in {seconds:.0f} s")
    for where, problems in failures.items():
        print(f"FAIL {where}")
        for problem in problems:
            print(f"    - {problem}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
