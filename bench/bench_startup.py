"""Start-up to a usable main window on demo data, against a bare PySide6 window.

"Usable" means the home page is shown with its figures filled in. Both are measured from
process start (a fresh interpreter each time) with the offscreen platform, so the ratio
shows what Partner Log adds on top of Qt itself.

Run: python -m bench.bench_startup [--smoke]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.harness import Result, print_table

TARGET_RATIO = 1.5

BARE = """
import os, sys, time
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget
app = QApplication(sys.argv)
window = QWidget()
layout = QVBoxLayout(window)
for n in range(15):
    layout.addWidget(QLabel(f"Label {n}"))
    layout.addWidget(QPushButton(f"Button {n}"))
window.show()
app.processEvents()
print(time.time() - float(os.environ["BENCH_T0"]), flush=True)
os._exit(0)
"""

APP = """
import os, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from desktop_app.storage.workspace import Workspace
from ui.app import make_context
from ui.fonts import load_bundled_fonts
from ui.main_window import MainWindow
app = QApplication(sys.argv)
load_bundled_fonts(app)
workspace = Workspace.open(Path(sys.argv[1]))
ctx = make_context(app, workspace)
window = MainWindow(ctx)
window.show()
home = window.home
while home.cards["total"].value.text() == "\\u2013":
    app.processEvents()
    time.sleep(0.001)
print(time.time() - float(os.environ["BENCH_T0"]), flush=True)
os._exit(0)
"""


def _run(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BENCH_T0": repr(time.time())}
    env["BENCH_T0"] = repr(time.time())
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    ).stdout
    return float(out.strip().splitlines()[-1])


def measure(repeat: int) -> Result:
    from desktop_app.commands.demo_data import make_demo_folder
    from desktop_app.model import Role

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "demo"
        make_demo_folder(folder, Role.PARTNER)
        _run(BARE)
        _run(APP, str(folder))  # warm the disk cache for both
        bare, app = [], []
        for _ in range(repeat):
            bare.append(_run(BARE))
            app.append(_run(APP, str(folder)))
    return Result(
        "start-up to a usable window (demo data)",
        statistics.median(app),
        statistics.median(bare),
        target_ratio=TARGET_RATIO,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="one run only, to check it works")
    args = parser.parse_args()
    print_table([measure(1 if args.smoke else 7)])


if __name__ == "__main__":
    main()
