"""Moving between pages: forward, back (Escape or the Back button) and home."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QStackedWidget, QWidget

from desktop_app.i18n import _
from ui.widgets.page import Page


class Navigator:
    """A stack of pages in one ``QStackedWidget``; the first page is home."""

    def __init__(self, stack: QStackedWidget) -> None:
        self.stack = stack
        self.pages: list[Page] = []

    @property
    def current(self) -> Page | None:
        return self.pages[-1] if self.pages else None

    def push(self, page: Page) -> Page:
        page.settle_reading_order()
        page.back_requested.connect(self.back)
        self.pages.append(page)
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self._focus(page)
        return page

    def replace(self, page: Page) -> Page:
        """Show ``page`` instead of the current one (Back then skips the old one)."""
        if len(self.pages) > 1:
            self._drop(self.pages.pop())
        return self.push(page)

    def back(self) -> None:
        if len(self.pages) <= 1:
            return
        self._drop(self.pages.pop())
        self._show(self.pages[-1])

    def back_to(self, page: Page) -> None:
        """Go back until ``page`` is showing."""
        while self.pages and self.pages[-1] is not page and len(self.pages) > 1:
            self._drop(self.pages.pop())
        self._show(self.pages[-1])

    def home(self) -> None:
        while len(self.pages) > 1:
            self._drop(self.pages.pop())
        if self.pages:
            self._show(self.pages[0])

    def reset(self, page: Page) -> None:
        """Make ``page`` the only page (after set-up, or a change of role)."""
        while self.pages:
            self._drop(self.pages.pop())
        self.push(page)

    def _show(self, page: Page) -> None:
        self.stack.setCurrentWidget(page)
        page.on_shown()
        self._focus(page)

    def _drop(self, page: QWidget) -> None:
        self.stack.removeWidget(page)
        page.deleteLater()

    def _focus(self, page: Page) -> None:
        # Each page names the window, so a screen reader says where you are.
        self.stack.window().setWindowTitle(
            _("{page} – Partner Log").format(page=page.heading.text())
        )
        QTimer.singleShot(0, page, page.focus_start)  # dropped if the page is gone
