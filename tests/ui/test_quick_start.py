"""The quick start: Home on screen before the records are opened, and nothing unsafe.

- The first paint imports only what Home needs (checked in a real start, by module set).
- A damaged file shows Home's frame, then the recovery dialog, and nothing is written.
- An action pressed while the records are still opening waits, then opens.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.commands.demo_data import make_demo_folder
from desktop_app.model import Role
from desktop_app.services.home_figures import quick_home_figures
from desktop_app.storage.instance_lock import InstanceLock
from desktop_app.storage.paths import database_path
from tests.helpers.screens import current, finish_background_work, wait_for_page
from ui import app as app_module
from ui.fonts import load_bundled_fonts
from ui.main_window import MainWindow
from ui.pages.home import HomePage
from ui.recovery_dialog import CLOSE, RecoveryDialog
from ui.startup_trace import QUIT_ENV, TRACE_ENV

ROOT = Path(__file__).resolve().parents[2]
#: Never imported before Home's first paint (DESIGN §9, "Start-up").
NOT_BEFORE_FIRST_PAINT = (
    "sqlalchemy",  # not even its engine: the first frame reads with sqlite3
    "alembic",
    "reportlab",
    "openpyxl",
    "desktop_app.exchange",
    "desktop_app.model",
    "desktop_app.commands",
    # Home's first frame also does without these, set up or loaded just after it:
    "babel",  # Home's hours are written as Babel writes them (ui.figure_text)
    "desktop_app.reports",
    "ui.crash_dialog",  # and logging.handlers, socket and platform with it
    "logging.handlers",
    "ui.wheel_guard",
    "ui.qt_translations",
)


def _start_and_trace(data_dir: Path, tmp_path: Path) -> dict[str, object]:
    trace = tmp_path / "trace.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", TRACE_ENV: str(trace), QUIT_ENV: "1"}
    subprocess.run(
        [sys.executable, "-m", "ui", "--data-dir", str(data_dir)],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
        capture_output=True,
    )
    found: dict[str, object] = json.loads(trace.read_text(encoding="utf-8"))
    return found


@pytest.mark.parametrize("role", [Role.PARTNER, Role.COORDINATOR])
def test_the_first_paint_imports_only_what_home_needs(tmp_path: Path, role: Role) -> None:
    folder = tmp_path / "records"
    make_demo_folder(folder, role)
    found = _start_and_trace(folder, tmp_path)
    modules = set(found["modules_at_first_paint"])  # type: ignore[arg-type]
    too_early = sorted(
        name
        for name in modules
        if any(name == banned or name.startswith(f"{banned}.") for banned in NOT_BEFORE_FIRST_PAINT)
    )
    assert too_early == []
    assert {"ui.pages.home", "desktop_app.services.home_figures"} <= modules  # the quick path
    # Home's first frame has its figures, and the rest of the app was ready after it.
    assert found["figures_in_first_frame"] is True
    assert found["home_painted"] < found["ready"]  # type: ignore[operator]


def _damage_a_table_home_does_not_read(data_dir: Path) -> bytes:
    """Break the certificates table: Home's quick read still works, the check does not."""
    path = database_path(data_dir)
    with sqlite3.connect(path) as con:
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name='certificate'").fetchone()
    con.close()
    data = bytearray(path.read_bytes())
    start = (root[0] - 1) * page_size
    data[start : start + page_size] = b"\xff" * page_size
    path.write_bytes(bytes(data))
    return bytes(data)


def test_a_damaged_file_shows_home_then_the_recovery_dialog_and_nothing_is_written(
    qapp: QApplication, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_demo_folder(data_dir, Role.PARTNER)
    damaged = _damage_a_table_home_does_not_read(data_dir)
    assert quick_home_figures(data_dir) is not None  # so Home is drawn first
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    seen: list[tuple[str, bool, bool]] = []

    def ask(problem: object) -> str:
        (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        seen.append((window.home.heading.text(), window.isVisible(), window.ready))
        return CLOSE

    monkeypatch.setattr(RecoveryDialog, "ask", staticmethod(ask))
    try:
        assert app_module.run(data_dir) == 1
    finally:
        finish_background_work()
        for widget in QApplication.topLevelWidgets():
            widget.close()
    # Home's frame was on screen, with no records open to write to, when the dialog came.
    assert seen == [("Hello, Rosa", True, False)]
    (kept,) = (data_dir / "damaged").glob("*/partner-log.sqlite3")
    assert kept.read_bytes() == damaged  # kept aside exactly as it was: nothing written
    assert not database_path(data_dir).exists()
    InstanceLock(data_dir).acquire().release()  # and the folder was let go


def test_an_action_pressed_before_the_records_are_open_waits_then_opens(
    qtbot: QtBot, qapp: QApplication, data_dir: Path
) -> None:
    make_demo_folder(data_dir, Role.PARTNER)
    load_bundled_fonts(qapp)
    lock = InstanceLock(data_dir).acquire()
    quick = quick_home_figures(data_dir)
    ctx = app_module.make_context(qapp, app_module._NotOpenYet(data_dir))  # type: ignore[arg-type]
    window = MainWindow(ctx, quick)
    qtbot.addWidget(window)
    opening = app_module._Opening(window, data_dir, lock)
    with qtbot.waitActive(window):
        window.show()
    home = current(ctx)
    assert isinstance(home, HomePage)
    qtbot.waitUntil(lambda: home.cards["total"].value.text() == "131.5")  # read quickly

    qtbot.mouseClick(home.action_buttons["add_time"], Qt.MouseButton.LeftButton)
    assert current(ctx) is home  # nothing to save into yet, so no form opens
    assert home.getting_ready.isVisible()
    assert home.getting_ready.text() == "Getting ready\u2026"
    cursor = QApplication.overrideCursor()
    assert cursor is not None and cursor.shape() == Qt.CursorShape.BusyCursor

    opening.start()
    page = wait_for_page(qtbot, ctx, leaving=home)  # the click was kept, and now it opens
    assert page.heading.text() == "What did you do?"
    assert QApplication.overrideCursor() is None
    window.close()
    finish_background_work()
    assert opening.workspace is not None
    opening.workspace.close()
