"""Helpers for screen tests: the page on show, waiting for it, and the controls Tab reaches."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QRect, Qt, QThreadPool
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLayout, QVBoxLayout, QWidget
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


def finish_background_work() -> None:
    """Wait for work still running off the UI thread (it may be reading the records)."""
    assert QThreadPool.globalInstance().waitForDone(10000), "background work never ended"


def close_app(ctx: AppContext, window: MainWindow) -> None:
    """Close the window, then the records once no background work reads them any more."""
    window.close()
    finish_background_work()
    ctx.workspace.close()


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


def in_window(qtbot: QtBot, *widgets: QWidget, width: int = 0) -> QWidget:
    """Show ``widgets`` one above the other in a window of their own, made the active
    window so they can take the keyboard. Keep the window: it holds the widgets."""
    window = QWidget()
    column = QVBoxLayout(window)
    # The window's size is set here, not by its content: the offscreen platform warns
    # when a window's size limits change after it shows.
    column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    for widget in widgets:
        column.addWidget(widget)
    window.resize(width or window.sizeHint().width(), window.sizeHint().height())
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    refit(window)
    return window


def refit(window: QWidget) -> None:
    """Give a window made by ``in_window`` the height its content now needs (labels
    re-wrap to the width they got; a widget shown later needs room)."""
    for _ in range(3):
        QApplication.processEvents()
        window.resize(window.width(), max(window.height(), window.sizeHint().height()))
