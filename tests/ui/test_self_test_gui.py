"""``partner-log --self-test --gui``: the window part, as the installed app runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.self_test_gui import open_and_close_a_window

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen plugin's own note
def test_a_window_opens_and_closes_with_the_bundled_font(qtbot: QtBot) -> None:
    detail = open_and_close_a_window()
    assert detail == "offscreen platform, Atkinson Hyperlegible font"


def test_the_installed_command_runs_every_step_with_a_window(tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    env.update(PYTHONPATH=str(ROOT), HOME=str(tmp_path), TMPDIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "ui", "--self-test", "--gui"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok 10/10 open a window offscreen (offscreen platform, Atkinson" in result.stdout
    assert result.stdout.endswith("Self-test passed: every step worked.\n")
