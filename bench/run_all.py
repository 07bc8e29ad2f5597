"""Run every benchmark and print one table (``make bench``).

Each row compares against a baseline measured in the same run. ``--smoke`` runs each
one tiny, only to check that they all still work (the test suite does this).
"""

from __future__ import annotations

import argparse
import sys

from bench import (
    bench_merge,
    bench_postgres,
    bench_reports,
    bench_save_activity,
    bench_scale,
    bench_sheet_import,
    bench_startup,
)
from bench.harness import Result, print_table


def run(smoke: bool) -> list[Result]:
    results = [bench_save_activity.measure(5 if smoke else 300)]
    results += bench_startup.measure(1 if smoke else 7)
    results += bench_reports.measure(2 if smoke else 15)
    results.append(bench_merge.measure(3, 100) if smoke else bench_merge.measure(50, 1000))
    results += bench_sheet_import.measure(200, 1) if smoke else bench_sheet_import.measure()
    if smoke:
        results += bench_scale.measure(2_000, partners=5, years=2, repeat=2)
    else:
        results += bench_scale.measure(100_000, partners=40, years=10, repeat=15)
    results += _postgres(smoke)
    return results


def _postgres(smoke: bool) -> list[Result]:
    """The organisation's database, when a PostgreSQL server can be started here."""
    from tests.helpers.postgres_server import NoServer

    try:
        return bench_postgres.smoke() if smoke else bench_postgres.measure()
    except NoServer as problem:
        print(f"PostgreSQL benchmark left out: {problem}", file=sys.stderr)
        return []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="tiny runs, to check they work")
    args = parser.parse_args()
    print_table(run(args.smoke))


if __name__ == "__main__":
    main()
