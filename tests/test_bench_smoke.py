"""Every benchmark still runs (tiny sizes). Times are printed by `make bench`, never asserted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_every_benchmark_runs_and_prints_its_row() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench.run_all", "--smoke"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["what", "median"]
    for what in (
        "save one activity",
        "start-up",
        "certificate",
        "statement",
        "project report PDF (demo data)",
        "merge",
        "preview a 200-row sheet",
        "import a 200-row sheet",
        "home summary, a partner",
        "home summary, whole project",
        "My records first page",
        "My records scroll to the end",
        "project report PDF (coordinator)",
        "peak memory",
    ):
        assert any(line.startswith(what) for line in lines), what
