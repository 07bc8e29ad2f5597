"""Bringing in a 10,000-row XLSX sheet of old records.

The baseline, measured in the same run, is openpyxl reading the same file (read-only,
cached values, every cell), which any import must do. The preview reads the sheet, finds
the table, guesses the columns, reads every date and time and looks up every fingerprint;
the import does that, takes the verified backup and writes every entry in one go.

Run: python -m bench.bench_sheet_import [--smoke]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from bench.harness import Result, print_table
from desktop_app.model import Role
from desktop_app.services import profile
from desktop_app.sheets import apply_plan, make_plan
from desktop_app.storage.db import open_database

PREVIEW_TARGET_S = 2.0
IMPORT_TARGET_S = 3.0
KINDS = ("Reunión", "Revisión", "charla", "Meeting", "Jardín")


def write_sheet(path: Path, rows: int) -> Path:
    """A sheet as Excel saves one. Not openpyxl's write-only mode: that leaves out the
    sheet's size (``<dimension>``), so every reader would parse the file twice."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Horas"
    sheet.append(["Mis horas"])
    sheet.append([])
    sheet.append(["Fecha", "Horas", "Actividad", "Notas"])
    start = date(2000, 1, 1)
    for i in range(rows):
        day = start + timedelta(days=i % 9000)
        sheet.append([day, 1 + (i % 8) / 4, KINDS[i % len(KINDS)], f"nota {i}"])
    sheet.append(["TOTAL", None, None, None])
    book.save(path)
    return path


def _read_all(path: Path) -> int:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _row in book.active.iter_rows(values_only=True))
    book.close()
    return count


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure(rows: int = 10_000, repeat: int = 5) -> list[Result]:
    """Each repeat times the baseline, the preview and the import one after another, so
    a busy machine slows all three alike; the medians are compared."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sheet = write_sheet(folder / "old.xlsx", rows)
        _read_all(sheet)  # warm-up: imports and the file in the disk cache
        baselines: list[float] = []
        imports: list[float] = []
        previews: list[float] = []
        for n in range(repeat):
            database = open_database(folder / f"records-{n}")
            with database.session() as session:
                profile.setup(session, Role.PARTNER, "Ana Souza", project_name="Bench")
            baselines.append(_timed(lambda: _read_all(sheet)))
            with database.session() as session:
                previews.append(_timed(lambda: make_plan(session, sheet)))  # noqa: B023
            with database.session() as session:
                imports.append(
                    _timed(lambda: apply_plan(session, make_plan(session, sheet)))  # noqa: B023
                )
            database.close()
    baseline = statistics.median(baselines)
    return [
        Result(
            f"preview a {rows:,}-row sheet",
            statistics.median(previews),
            baseline,
            target_s=PREVIEW_TARGET_S,
        ),
        Result(
            f"import a {rows:,}-row sheet",
            statistics.median(imports),
            baseline,
            target_s=IMPORT_TARGET_S,
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="a tiny run, to check it works")
    args = parser.parse_args()
    print_table(measure(200, 1) if args.smoke else measure())


if __name__ == "__main__":
    main()
