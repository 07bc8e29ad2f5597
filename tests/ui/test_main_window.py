"""The first window shows the partner's own figures."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app import demo
from desktop_app.workspace import Workspace
from ui.main_window import MainWindow


def test_home_shows_my_hours_and_meetings(qtbot: QtBot, data_dir: Path) -> None:
    workspace = Workspace.open(data_dir)
    workspace.call(demo.populate)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    assert window.greeting.text() == "Hello, Rosa."
    assert window.figures["total"].text() == "131.5"
    assert window.figures["meetings"].text() == "38"
    workspace.close()
