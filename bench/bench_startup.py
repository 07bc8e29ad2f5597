"""Start-up on demo data, against a bare PySide6 window of 30 widgets in the same run.

Rows, each against the bare window measured alternately in the same run:

- **to Home on screen**: from launch (``python -m ui``, a fresh interpreter) to Home's
  first paint, with its frame, title, greeting and actions;
- **to Home's figures**: to the first paint with the figures filled in;
- both on Qt's ``offscreen`` platform and on ``xcb`` under Xvfb (started here, no window
  manager), when Xvfb is installed;
- **peak memory (RSS)**: VmHWM of the app once everything behind Home has loaded (the
  ORM included), against the bare window's once painted. A second row gives the app's
  peak at the moment its figures were painted.

How "on screen" is timed: the child notes the wall-clock time of the first paint event
of Home's heading (the app, through ``ui.startup_trace``) or of the bare window's last
button, and the parent subtracts the moment it launched the child. On ``xcb`` that paint
comes after the X server mapped the window (Qt maps at ``show()`` and paints on the
expose that follows), so it is a stricter mark than the map event, and it has none of
the latency of polling with xdotool or xwininfo.

Both children get compiled bytecode, as an installed copy has: a private
``PYTHONPYCACHEPREFIX`` is filled by a warm-up run (this machine sets
``PYTHONDONTWRITEBYTECODE``, which would otherwise make every run compile the app).

The bundle (``--bundle DIR``, the folder ``build_installer.py --out DIR`` made): the
bundled executable is timed the same way, on both platforms, against the bare window run
by this Python in the same run (and ``python -m ui`` beside it, for reference):

- **first run**: one launch per platform into a fresh copy of the demo records, after
  dropping the page cache (``/proc/sys/vm/drop_caches``, when permitted; otherwise the
  bundle's own files are evicted from it with ``posix_fadvise``). A single number, set
  against the bare window's warm median;
- **warm**: the median of the launches after, alternating with the bare window.

It also prints the bundle's size and the modules it loads before Home's first paint that
``python -m ui`` does not (PyInstaller's runtime hooks, mostly).

Run: python -m bench.bench_startup [--smoke] [--import-profile] [--bundle DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.harness import Result, print_table

ROOT = Path(__file__).resolve().parent.parent
WINDOW_RATIO = 1.1
FIGURES_RATIO = 1.5
MEMORY_RATIO = 1.6

BARE = """
import json, os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

def peak_kb():
    with open("/proc/self/status") as status:
        return int(next(l for l in status if l.startswith("VmHWM:")).split()[1])

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            stamp = time.time()
            with open(sys.argv[1], "w") as out:
                json.dump({"painted": stamp, "peak_rss_kb": peak_kb()}, out)
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication(sys.argv)
window = QWidget()
window.setWindowTitle("Bare window")
layout = QVBoxLayout(window)
for n in range(15):
    layout.addWidget(QLabel(f"Label {n}"))
    button = QPushButton(f"Button {n}")
    layout.addWidget(button)
watcher = FirstPaint()
button.installEventFilter(watcher)
window.show()
app.exec()
"""

#: The same window with its labels aligned: any window that aligns a label, or asks the
#: system for its contrast setting, reads Qt's ``Qt`` namespace, and PySide6 then builds
#: a Python enum type for each of its 93 enums. Timed for reference: how much of the
#: 1.1x allowance that alone takes.
ALIGNED = BARE.replace(
    "from PySide6.QtCore import QEvent,", "from PySide6.QtCore import Qt, QEvent,"
).replace('QLabel(f"Label {n}")', 'QLabel(f"Label {n}", alignment=Qt.AlignmentFlag.AlignLeft)')
assert ALIGNED.count("Qt.AlignmentFlag") == 1 and "import Qt," in ALIGNED


def _env(platform: str, display: str | None, pycache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM=platform, PYTHONPYCACHEPREFIX=str(pycache), PYTHONPATH=str(ROOT))
    env.pop("PARTNER_LOG_DATABASE_URL", None)
    if display:
        env["DISPLAY"] = display
    return env


def _run(args: list[str], env: dict[str, str], trace: Path) -> tuple[float, dict[str, float]]:
    """Launch a child; return the moment it was launched and what it traced."""
    trace.unlink(missing_ok=True)
    start = time.time()
    subprocess.run(args, env=env, cwd=ROOT, check=True, capture_output=True, timeout=120)
    found: dict[str, float] = json.loads(trace.read_text(encoding="utf-8"))
    return start, found


def _bare(env: dict[str, str], trace: Path, script: str = BARE) -> tuple[float, float]:
    start, found = _run([sys.executable, "-c", script, str(trace)], env, trace)
    return found["painted"] - start, found["peak_rss_kb"]


def _app(folder: Path, env: dict[str, str], trace: Path) -> dict[str, float]:
    app_env = {**env, "PARTNER_LOG_STARTUP_TRACE": str(trace)}
    app_env["PARTNER_LOG_STARTUP_TRACE_QUIT"] = "1"
    args = [sys.executable, "-m", "ui", "--data-dir", str(folder)]
    start, found = _run(args, app_env, trace)
    return {
        "window": found["home_painted"] - start,
        "figures": found["figures_painted"] - start,
        "peak_rss_kb": found["peak_rss_kb"],
        "rss_at_figures_kb": found.get("rss_at_figures_kb", 0.0),
    }


@contextlib.contextmanager
def xvfb() -> Iterator[str | None]:
    """A private X server for the ``xcb`` rows (None when Xvfb is not installed)."""
    if shutil.which("Xvfb") is None:
        yield None
        return
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as answer:
            number = answer.readline().strip()
        yield f":{number}" if number else None
    finally:
        server.terminate()
        server.wait(10)


def _platform_rows(
    name: str, folder: Path, env: dict[str, str], tmp: Path, repeat: int
) -> tuple[list[Result], dict[str, list[float]]]:
    trace = tmp / "trace.json"
    _bare(env, trace)
    _app(folder, env, trace)  # warm-up: bytecode and the disk cache, for both
    found: dict[str, list[float]] = {k: [] for k in ("bare", "bare_kb", "window", "figures")}
    found.update(app_kb=[], figures_kb=[], aligned=[])
    for _ in range(repeat):
        bare, bare_kb = _bare(env, trace)
        found["aligned"].append(_bare(env, trace, ALIGNED)[0])
        app = _app(folder, env, trace)
        found["bare"].append(bare)
        found["bare_kb"].append(bare_kb)
        found["window"].append(app["window"])
        found["figures"].append(app["figures"])
        found["app_kb"].append(app["peak_rss_kb"])
        found["figures_kb"].append(app["rss_at_figures_kb"])
    bare = statistics.median(found["bare"])
    rows = [
        _row(f"start-up to Home on screen ({name})", found["window"], bare, WINDOW_RATIO),
        _row(f"start-up to Home's figures ({name})", found["figures"], bare, FIGURES_RATIO),
        _row(f"bare window reading Qt's namespace ({name})", found["aligned"], bare),
    ]
    return rows, found


def _row(what: str, times: list[float], bare: float, target: float | None = None) -> Result:
    """The median of ``times`` against the bare window's, with its target ratio."""
    return Result(what, statistics.median(times), bare, target_ratio=target)


def _bundle_executable(bundle: Path) -> Path:
    """The program inside the folder ``build_installer.py --out`` made (or the bundle itself)."""
    for candidate in (bundle / "partner-log" / "partner-log", bundle / "partner-log"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise SystemExit(f"No partner-log program in {bundle} (build it with build_installer.py)")


def _bundle_env(env: dict[str, str]) -> dict[str, str]:
    """The bundle's environment: as the venv's, without what only a Python reads."""
    return {k: v for k, v in env.items() if k not in ("PYTHONPATH", "PYTHONPYCACHEPREFIX")}


def _bundled(exe: Path, folder: Path, env: dict[str, str], trace: Path) -> dict[str, Any]:
    app_env = {**_bundle_env(env), "PARTNER_LOG_STARTUP_TRACE": str(trace)}
    app_env["PARTNER_LOG_STARTUP_TRACE_QUIT"] = "1"
    try:
        start, found = _run([str(exe), "--data-dir", str(folder)], app_env, trace)
    except FileNotFoundError as missing:
        raise SystemExit(
            "The bundle wrote no start-up trace: is ui.startup_trace inside it?"
        ) from missing
    return {
        "window": found["home_painted"] - start,
        "figures": found["figures_painted"] - start,
        "peak_rss_kb": found["peak_rss_kb"],
        "rss_at_figures_kb": found.get("rss_at_figures_kb", 0.0),
        "modules": found["modules_at_first_paint"],
    }


def drop_page_cache(bundle: Path) -> str:
    """Empty the page cache (root only); otherwise evict the bundle's own files from it.
    Returns how it was done, to print."""
    os.sync()
    try:
        Path("/proc/sys/vm/drop_caches").write_text("3\n", encoding="ascii")
        return "page cache dropped (drop_caches)"
    except OSError:
        pass
    evicted = 0
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        with contextlib.suppress(OSError):
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                evicted += 1
            finally:
                os.close(fd)
    return f"drop_caches not permitted: {evicted} bundle files evicted (posix_fadvise)"


def _bundle_rows(
    name: str, exe: Path, template: Path, env: dict[str, str], tmp: Path, repeat: int
) -> tuple[list[Result], dict[str, Any]]:
    trace = tmp / "trace.json"
    first_folder = tmp / f"first-{name.split(',')[0]}"
    shutil.copytree(template, first_folder)
    how = drop_page_cache(exe.parent)
    first = _bundled(exe, first_folder, env, trace)
    folder = tmp / f"warm-{name.split(',')[0]}"
    shutil.copytree(template, folder)
    _bare(env, trace)
    _app(folder, env, trace)
    _bundled(exe, folder, env, trace)  # warm-up
    found: dict[str, Any] = {k: [] for k in ("bare", "bare_kb", "window", "figures")}
    found.update(app_window=[], app_figures=[], bundle_kb=[])
    for _ in range(repeat):
        bare_s, bare_kb = _bare(env, trace)
        found["bare"].append(bare_s)
        found["bare_kb"].append(bare_kb)
        app = _app(folder, env, trace)
        found["app_window"].append(app["window"])
        found["app_figures"].append(app["figures"])
        bundled = _bundled(exe, folder, env, trace)
        found["window"].append(bundled["window"])
        found["figures"].append(bundled["figures"])
        found["bundle_kb"].append(bundled["peak_rss_kb"])
    bare = statistics.median(found["bare"])
    found.update(how=how, modules=bundled["modules"], first=first)
    rows = [
        Result(f"bundle, first run, to Home ({name})", first["window"], bare, target_ratio=None),
        Result(
            f"bundle, first run, to figures ({name})", first["figures"], bare, target_ratio=None
        ),
        _row(f"bundle to Home on screen ({name})", found["window"], bare, WINDOW_RATIO),
        _row(f"bundle to Home's figures ({name})", found["figures"], bare, FIGURES_RATIO),
        _row(f"python -m ui to Home on screen ({name})", found["app_window"], bare, WINDOW_RATIO),
    ]
    return rows, found


def measure_bundle(bundle: Path, repeat: int) -> tuple[list[Result], list[str]]:
    """The bundle's rows, and notes to print under them."""
    from desktop_app.commands.demo_data import make_demo_folder
    from desktop_app.model import Role
    from tools.installer.build import folder_size

    exe = _bundle_executable(bundle)
    size, files = folder_size(exe.parent)
    notes = [f"bundle: {exe.parent} ({size / 1e6:.1f} MB, {files} files)"]
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        template = tmp / "demo"
        make_demo_folder(template, Role.PARTNER)
        pycache = tmp / "pycache"
        env = _env("offscreen", None, pycache)
        rows, found = _bundle_rows("offscreen", exe, template, env, tmp, repeat)
        results += rows
        notes.append(f"first run (offscreen): {found['how']}")
        with xvfb() as display:
            if display is not None:
                xcb_env = _env("xcb", display, pycache)
                xcb_rows, xcb = _bundle_rows("xcb, Xvfb", exe, template, xcb_env, tmp, repeat)
                results += xcb_rows
                notes.append(f"first run (xcb): {xcb['how']}")
        results.append(
            Result(
                "bundle peak memory (RSS), all loaded",
                statistics.median(found["bundle_kb"]) / 1024,
                statistics.median(found["bare_kb"]) / 1024,
                target_ratio=MEMORY_RATIO,
                unit="MB",
            )
        )
        venv_modules = set(_app_modules(template, env, tmp / "trace.json"))
    bundle_modules = set(found["modules"])
    only_bundle = sorted(bundle_modules - venv_modules)
    only_venv = sorted(venv_modules - bundle_modules)
    notes.append(
        f"modules at Home's first paint: bundle {len(bundle_modules)}, "
        f"python -m ui {len(venv_modules)}"
    )
    notes.append("only in the bundle's: " + (", ".join(only_bundle) or "none"))
    notes.append("only in python -m ui's: " + (", ".join(only_venv) or "none"))
    return results, notes


def _app_modules(folder: Path, env: dict[str, str], trace: Path) -> list[str]:
    app_env = {**env, "PARTNER_LOG_STARTUP_TRACE": str(trace)}
    app_env["PARTNER_LOG_STARTUP_TRACE_QUIT"] = "1"
    _run([sys.executable, "-m", "ui", "--data-dir", str(folder)], app_env, trace)
    found: list[str] = json.loads(trace.read_text(encoding="utf-8"))["modules_at_first_paint"]
    return found


def measure(repeat: int) -> list[Result]:
    from desktop_app.commands.demo_data import make_demo_folder
    from desktop_app.model import Role

    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        folder = tmp / "demo"
        make_demo_folder(folder, Role.PARTNER)
        pycache = tmp / "pycache"
        rows, found = _platform_rows(
            "offscreen", folder, _env("offscreen", None, pycache), tmp, repeat
        )
        results += rows
        with xvfb() as display:
            if display is not None:
                xcb_rows, _xcb = _platform_rows(
                    "xcb, Xvfb", folder, _env("xcb", display, pycache), tmp, repeat
                )
                results += xcb_rows
    bare_mb = statistics.median(found["bare_kb"]) / 1024
    results.append(
        Result(
            "peak memory (RSS) at Home, all loaded",
            statistics.median(found["app_kb"]) / 1024,
            bare_mb,
            target_ratio=MEMORY_RATIO,
            unit="MB",
        )
    )
    results.append(
        Result(
            "peak memory (RSS) at Home's figures",
            statistics.median(found["figures_kb"]) / 1024,
            bare_mb,
            target_ratio=MEMORY_RATIO,
            unit="MB",
        )
    )
    return results


def import_profile(top: int = 12) -> str:
    """``python -X importtime`` of a start on demo data, summed by package, for the
    modules imported before Home's first paint."""
    from desktop_app.commands.demo_data import make_demo_folder
    from desktop_app.model import Role

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        folder = tmp / "demo"
        make_demo_folder(folder, Role.PARTNER)
        env = _env("offscreen", None, tmp / "pycache")
        trace = tmp / "trace.json"
        _app(folder, env, trace)  # bytecode first
        env = {**env, "PARTNER_LOG_STARTUP_TRACE": str(trace)}
        env["PARTNER_LOG_STARTUP_TRACE_QUIT"] = "1"
        timed = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "ui", "--data-dir", str(folder)],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        ).stderr
        before_paint = set(json.loads(trace.read_text(encoding="utf-8"))["modules_at_first_paint"])
    return summarise_importtime(timed, before_paint, top)


def summarise_importtime(text: str, only: set[str] | None = None, top: int = 12) -> str:
    """Self times from ``-X importtime`` output, summed by package (two levels for ours)."""
    by_package: Counter[str] = Counter()
    count: Counter[str] = Counter()
    for line in text.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", line)
        if not match or (only is not None and match.group(2) not in only):
            continue
        name = match.group(2)
        parts = name.split(".")
        package = (
            ".".join(parts[:2]) if parts[0] in ("desktop_app", "ui", "sqlalchemy") else parts[0]
        )
        by_package[package] += int(match.group(1))
        count[package] += 1
    total = sum(by_package.values())
    lines = [f"{sum(count.values())} modules, {total / 1000:.0f} ms in all (self times)"]
    for package, micros in by_package.most_common(top):
        lines.append(f"{micros / 1000:8.1f} ms  {count[package]:4d}  {package}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="one run only, to check it works")
    parser.add_argument(
        "--import-profile", action="store_true", help="the imports before Home's first paint"
    )
    parser.add_argument(
        "--bundle",
        type=Path,
        metavar="DIR",
        help="time the bundle build_installer.py --out DIR made, first run and warm",
    )
    args = parser.parse_args()
    if args.import_profile:
        print(import_profile())
        return
    before = os.getloadavg()[0]
    if args.bundle is not None:
        results, notes = measure_bundle(args.bundle, 1 if args.smoke else 7)
        print_table(results)
        print("\n".join(notes))
    else:
        results = measure(1 if args.smoke else 7)
        print_table(results)
    # The ratios depend on how busy the machine is: say how busy it was.
    print(f"load average (1 min): {before:.2f} before, {os.getloadavg()[0]:.2f} after")


if __name__ == "__main__":
    main()
