"""Fixtures for screen tests: a real window on a temporary data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app import demo
from desktop_app.model import Role
from desktop_app.services import profile
from desktop_app.storage.workspace import Workspace
from tests.helpers.screens import Opener, finish_background_work
from ui.app import make_context
from ui.context import AppContext
from ui.fonts import load_bundled_fonts
from ui.main_window import MainWindow


@pytest.fixture
def open_app(qtbot: QtBot, qapp: QApplication, data_dir: Path) -> Iterator[Opener]:
    """Open the app window; ``setup`` may be "partner", "demo" or None (first run)."""
    load_bundled_fonts(qapp)
    opened: list[Workspace] = []

    def opener(setup: str | None = "partner") -> tuple[AppContext, MainWindow]:
        workspace = Workspace.open(data_dir)
        opened.append(workspace)
        if setup == "partner" and workspace.call(profile.installation) is None:
            workspace.call(profile.setup, Role.PARTNER, "Ana Souza", "Ana", "Better Pain Care")
        elif setup == "demo" and workspace.call(profile.installation) is None:
            workspace.call(demo.populate)
        elif setup == "coordinator-demo" and workspace.call(profile.installation) is None:
            workspace.call(demo.populate, Role.COORDINATOR)
        ctx = make_context(qapp, workspace)
        window = MainWindow(ctx)
        window.resize(1000, 800)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return ctx, window

    yield opener
    finish_background_work()  # a page may still be counting figures from the records
    # pytest-qt has closed the windows and asked Qt to delete them. Leave nothing for the
    # next test: let background work end, then delete the windows now. Qt's event loop
    # alone never gets to those deletions between tests, so every earlier window would
    # otherwise still be there, hidden, and be restyled again by each later test.
    QApplication.sendPostedEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for workspace in opened:
        workspace.close()
