"""Pages still fit on screens set up as macOS and Windows set them up (simulated here).

macOS counts 72 dots to the inch where Windows and Linux count 96, and Windows laptops
often scale everything by 150%. Qt reads both from the environment when it starts, so
the fit checks run again in a fresh process with ``QT_FONT_DPI=72`` and
``QT_SCALE_FACTOR=1.5``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_pages_fit_at_72_dpi_and_150_percent_scaling(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_FONT_DPI": "72",
        "QT_SCALE_FACTOR": "1.5",
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-x",
            "-p",
            "no:cacheprovider",
            "--basetemp",
            str(tmp_path / "inner"),
            "tests/ui/test_fits_at_200.py",
            "tests/ui/test_theme.py",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
