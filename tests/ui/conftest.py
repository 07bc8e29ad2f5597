"""Fixtures for screen tests: a real window on a temporary data folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app import demo
from desktop_app.model import Role
from desktop_app.services import profile
from desktop_app.workspace import Workspace
from ui.app import make_context
from ui.context import AppContext
from ui.fonts import load_bundled_fonts
from ui.main_window import MainWindow
from ui.widgets.page import Page

Opener = Callable[..., tuple[AppContext, MainWindow]]


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
        window.show()
        window.activateWindow()
        qtbot.waitActive(window)
        return ctx, window

    yield opener
    for workspace in opened:
        workspace.close()


def current(ctx: AppContext) -> Page:
    page = ctx.nav.current
    assert page is not None
    return page


def settle(qtbot: QtBot) -> None:
    """Let queued work (focus changes, background results) run."""
    qtbot.wait(30)


def focusable(page: QWidget) -> list[QWidget]:
    """Controls the Tab key can reach (the text box inside a spin box is part of it)."""
    return [
        w
        for w in page.findChildren(QWidget)
        if w.isVisibleTo(page)
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.isEnabled()
        and not isinstance(w.parent(), QAbstractSpinBox)
    ]
