"""Helpers for screen tests: the page on show, waiting for it, and the controls Tab reaches."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QWidget
from pytestqt.qtbot import QtBot

from ui.context import AppContext
from ui.main_window import MainWindow
from ui.widgets.page import Page

Opener = Callable[..., tuple[AppContext, MainWindow]]
P = TypeVar("P", bound=Page)


def current(ctx: AppContext) -> Page:
    page = ctx.nav.current
    assert page is not None
    return page


def wait_for_page(
    qtbot: QtBot, ctx: AppContext, leaving: Page | None = None, kind: type[P] = Page
) -> P:
    """Wait until a page other than ``leaving`` shows, with the keyboard on its starting
    control (a page takes the focus a moment after it shows), and laid out. Returns it.

    Without ``leaving``, waits for the page on show to take the focus.
    """

    def shown() -> None:
        page = current(ctx)
        assert page is not leaving, f"still on {type(page).__name__}"
        assert isinstance(page, kind), f"{type(page).__name__} shows, not {kind.__name__}"
        start = page.start_control()
        focused = QApplication.focusWidget()
        assert start is None or focused is start, f"the focus is on {focused!r}, not {start!r}"

    qtbot.waitUntil(shown)
    page = current(ctx)
    assert isinstance(page, kind)
    wait_until_still(qtbot, page)
    return page


def _layout_of(page: Page) -> list[tuple[QWidget, QRect, bool]]:
    return [(w, w.geometry(), w.isVisible()) for w in page.findChildren(QWidget)]


def wait_until_still(qtbot: QtBot, page: Page) -> Page:
    """Wait until the page has stopped laying itself out: text that wraps and cards that
    re-flow can take a few rounds after a page opens or the text size changes."""
    last: list[list[tuple[QWidget, QRect, bool]]] = []

    def still() -> None:
        now = _layout_of(page)
        moved = not last or last[-1] != now
        last.append(now)
        assert not moved, "the page is still moving"

    qtbot.waitUntil(still)
    return page


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
