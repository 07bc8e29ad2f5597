"""The app at scale: 100,000 time entries over 10 years for 40 partners.

The data comes from ``bench.generate`` (deterministic). The work runs in a fresh child
process, so its peak memory (RSS) is that of the 100,000-entry work alone. Baselines,
measured in the same run on the same file:

- home summary: raw sqlite3 computing the same aggregates (totals, per-person spans,
  distinct meeting days) with the same filters;
- first page of the records list: raw sqlite3 reading the same first 200 rows (time and
  expenses, newest first) plus the count;
- scrolling to the end: raw sqlite3 reading every row of the list in one query;
- project report: a bare ReportLab document of the same per-partner table;
- peak RSS: a bare interpreter with Qt and sqlite3 reading the same rows.

The list is measured twice: for the installation's owner (one partner's 2,500 entries,
what "My records" shows) and over every entry (100,000 rows, the worst case the list
can be asked for).

Run: python -m bench.bench_scale [--smoke] [--activities N]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from bench.harness import Result, median_time, print_table

HOME_TARGET_S = 0.150
FIRST_PAGE_TARGET_S = 0.200
RSS_TARGET_MB = 250.0
ROOT = Path(__file__).resolve().parent.parent

LIST_SQL = """
SELECT * FROM (
  SELECT id, date, kind, minutes + prep_minutes + travel_minutes, 0, '', status, note,
         project_id, created_at
  FROM activity WHERE deleted_at IS NULL {person}
  UNION ALL
  SELECT id, date, category, 0, amount_minor, currency, status, note, project_id, created_at
  FROM expense WHERE deleted_at IS NULL {person}
) AS entries ORDER BY date DESC, created_at DESC, id {limit}
"""


def _peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM).

    Not getrusage's ru_maxrss: Linux carries that across fork and exec, so a child
    would report its parent's peak if that was higher.
    """
    return _hwm(Path("/proc/self/status").read_text())


def _hwm(status: str) -> float:
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux


def _raw(path: Path) -> sqlite3.Connection:
    from desktop_app.storage.db import PRAGMAS

    con = sqlite3.connect(path)
    for pragma in PRAGMAS:
        con.execute(pragma)
    return con


def _raw_summary(con: sqlite3.Connection, where: str, args: tuple[object, ...]) -> None:
    base = f"FROM activity WHERE deleted_at IS NULL {where}"
    con.execute(
        "SELECT count(*), sum(minutes), sum(prep_minutes), sum(travel_minutes), min(date), "
        f"max(date) {base}",
        args,
    ).fetchall()
    con.execute(
        f"SELECT person_id, min(date), max(date) {base} GROUP BY person_id", args
    ).fetchall()
    con.execute(
        f"SELECT count(*) FROM (SELECT DISTINCT project_id, date {base} AND kind = 'meeting')",
        args,
    ).fetchall()


def _raw_home(con: sqlite3.Connection, person_id: str, today: date) -> None:
    month = today.replace(day=1).isoformat()
    _raw_summary(
        con, "AND person_id = ? AND date >= ? AND date <= ?", (person_id, month, today.isoformat())
    )
    _raw_summary(con, "AND person_id = ?", (person_id,))


def _raw_page(con: sqlite3.Connection, person_id: str | None) -> None:
    person = "AND person_id = ?" if person_id else ""
    args = (person_id, person_id) if person_id else ()
    con.execute(
        f"SELECT count(*) FROM ({LIST_SQL.format(person=person, limit='')})", args
    ).fetchall()
    con.execute(LIST_SQL.format(person=person, limit="LIMIT 200"), args).fetchall()


def _raw_all(con: sqlite3.Connection, person_id: str | None) -> int:
    person = "AND person_id = ?" if person_id else ""
    args = (person_id, person_id) if person_id else ()
    return len(con.execute(LIST_SQL.format(person=person, limit=""), args).fetchall())


def _bare_report(rows: list[list[str]]) -> bytes:
    from reportlab.lib.pagesizes import LETTER
    from reportlab.platypus import SimpleDocTemplate, Table

    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=LETTER).build([Table(rows, repeatRows=1)])
    return buffer.getvalue()


def work(folder: Path, repeat: int) -> list[dict[str, object]]:
    """Every measurement on an already generated ``folder``; run in the child process."""
    from PySide6.QtWidgets import QApplication

    from bench.generate import LAST_DAY
    from desktop_app.reports.project_report import project_report_pdf
    from desktop_app.services import home, profile, projects, records
    from desktop_app.services.summaries import hours_by_month, per_partner, summarise
    from desktop_app.storage.db import open_database
    from ui.records_model import RecordsModel

    app = QApplication.instance() or QApplication([sys.argv[0]])
    database = open_database(folder)
    con = _raw(database.path)
    with database.session() as session:
        project_id = projects.projects(session)[0].id
        owner = profile.owner(session).id
        total = records.count_entries(session, None)
    rows: list[dict[str, object]] = []

    def call(service, *args, **kwargs):  # type: ignore[no-untyped-def]
        with database.session() as session:
            return service(session, *args, **kwargs)

    def add(what: str, median: float, baseline: float, **target: float) -> None:
        rows.append({"what": what, "median_s": median, "baseline_s": baseline, **target})

    add(
        "home summary, a partner",
        median_time(lambda: call(home.home_figures, LAST_DAY), repeat),
        median_time(lambda: _raw_home(con, owner, LAST_DAY), repeat),
        target_s=HOME_TARGET_S,
    )
    add(
        "home summary, whole project (coordinator)",
        median_time(lambda: call(summarise, None, project_id), repeat),
        median_time(lambda: _raw_summary(con, "AND project_id = ?", (project_id,)), repeat),
        target_s=HOME_TARGET_S,
    )

    def open_list(person_id: str | None) -> RecordsModel:
        """What the records page does when it opens: count, month totals, first page."""
        count = call(records.count_entries, person_id)
        months = call(hours_by_month, person_id=person_id)
        model = RecordsModel(
            lambda after, limit: call(records.entry_rows, person_id, limit=limit, after=after),
            count,
            {key: f"{value:.1f}" for key, value in months.items()},
        )
        model.fetchMore()
        for row in range(min(40, model.rowCount())):  # the rows a window shows
            for column in range(model.columnCount()):
                model.data(model.index(row, column))
        return model

    def scroll(person_id: str | None) -> None:
        model = open_list(person_id)
        while model.canFetchMore():
            model.fetchMore()
        assert sum(1 for r in model.rows if not hasattr(r, "hours_text")) == (
            total if person_id is None else call(records.count_entries, person_id)
        )

    for person_id, who in ((owner, "one partner"), (None, f"all {total:,}")):
        add(
            f"My records first page ({who})",
            median_time(lambda p=person_id: open_list(p), repeat),  # type: ignore[misc]
            median_time(lambda p=person_id: _raw_page(con, p), repeat),  # type: ignore[misc]
            target_s=FIRST_PAGE_TARGET_S,
        )
    few = max(1, repeat // 5)
    add(
        f"My records scroll to the end (all {total:,})",
        median_time(lambda: scroll(None), few, warmup=1),
        median_time(lambda: _raw_all(con, None), few, warmup=1),
    )
    partner_rows = [["Partner", "Hours", "Months", "Hours a month", "Meetings", "Products"]] + [
        [
            p.display_name,
            str(s.total_hours),
            str(s.partner_months),
            str(s.avg_hours_per_partner_month),
            str(s.meetings),
            str(s.products),
        ]
        for p, s in call(per_partner, project_id)
    ]
    add(
        "project report PDF (coordinator)",
        median_time(lambda: call(project_report_pdf, project_id), few, warmup=1),
        median_time(lambda: _bare_report(partner_rows), few, warmup=1),
    )
    con.close()
    database.close()
    del app
    rows.append(
        {
            "what": "peak memory (RSS) of this work",
            "median_s": _peak_rss_mb(),
            "baseline_s": _bare_rss(database.path),
            "target_s": RSS_TARGET_MB,
            "unit": "MB",
        }
    )
    return rows


BARE_RSS = """
import sqlite3, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from bench.bench_scale import _hwm
app = QApplication([sys.argv[0]])
con = sqlite3.connect(sys.argv[1])
rows = con.execute(sys.argv[2]).fetchall()
print(_hwm(Path("/proc/self/status").read_text()))
"""


def _last_line_of_child(*args: str) -> str:
    """What a fresh Python (offscreen, in the project folder) prints last."""
    out = subprocess.run(
        [sys.executable, *args],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    return out.strip().splitlines()[-1]


def _bare_rss(path: Path) -> float:
    sql = LIST_SQL.format(person="", limit="")
    return float(_last_line_of_child("-c", BARE_RSS, str(path), sql))


def measure(activities: int, partners: int = 40, years: int = 10, repeat: int = 15) -> list[Result]:
    """Generate the data here, then measure in a fresh child process."""
    from bench.generate import generate

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "scale"
        generate(folder, activities, partners, years)
        out = _last_line_of_child("-m", "bench.bench_scale", "--child", str(folder), str(repeat))
    size = f" [{activities:,}]"
    results = []
    for row in json.loads(out):
        row["what"] = str(row["what"]) + size
        results.append(Result(**row))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="a small run, to check it works")
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(work(Path(args.child[0]), int(args.child[1]))))
        return
    if args.smoke:
        print_table(measure(2_000, partners=5, years=2, repeat=2))
    else:
        print_table(measure(args.activities))


if __name__ == "__main__":
    main()
