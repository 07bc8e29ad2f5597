"""Helpers for screen tests: the page on show, and the controls Tab can reach."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QWidget
from pytestqt.qtbot import QtBot

from ui.context import AppContext
from ui.main_window import MainWindow
from ui.widgets.page import Page

Opener = Callable[..., tuple[AppContext, MainWindow]]


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
