"""The main window: one stack of pages, starting at Home (or at first-run set-up).

At start-up the window can show Home before the records are open (``quick`` figures,
read without the ORM). Until ``attach()`` hands it the open records, a pressed action
waits: the pointer shows it is busy, Home says "Getting ready…", and the action runs as
soon as the records are open. Nothing can be saved before then.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop_app.i18n import _
from desktop_app.services.home_figures import COORDINATOR, HomeFigures
from ui import startup_trace
from ui.context import AppContext
from ui.operations import run_in_background
from ui.pages.home import DashboardPage, HomePage

if TYPE_CHECKING:
    from desktop_app.storage.workspace import Workspace

log = logging.getLogger("partner_log.ui")


def _later(module: str, act: Callable[[ModuleType], object]) -> Callable[[], None]:
    """An action whose page is imported the first time it is used, so that start-up
    loads only what Home needs."""

    def run() -> None:
        act(importlib.import_module(module))

    return run


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, quick: HomeFigures | None = None) -> None:
        """With ``quick`` figures, Home shows at once and the records come by ``attach()``."""
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(_("Partner Log"))
        self.setMinimumSize(640, 480)
        self.resize(1024, 768)
        # The context's own stack of pages, so what it keeps alive with the stack (such
        # as following the computer's contrast setting) lives as long as this window.
        self.setCentralWidget(ctx.nav.stack)
        self.nav = ctx.nav
        ctx.relanguage = self._relanguage
        self.ready = quick is None
        self._waiting: Callable[[], None] | None = None
        if quick is None:
            self.show_start()
        else:
            self._quick_role = quick.role
            self._show_home_page(quick.role, quick)

    def attach(self, workspace: Workspace) -> None:
        """The records are open (and checked): Home counts through the services from
        now on, and an action pressed while waiting runs now."""
        from desktop_app.services import profile

        self.ctx.workspace = workspace
        self.ready = True
        installation = self.ctx.call(profile.installation)
        if installation is None or installation.role != self._quick_role:
            self.show_start()  # the records changed meanwhile (put back, or started afresh)
        else:
            self.home.attach()
            self._start_backup()
        startup_trace.finish()
        waiting, self._waiting = self._waiting, None
        if isinstance(self.home, HomePage):
            self.home.show_getting_ready(False)
        if QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()
        if waiting is not None:
            waiting()

    def _when_ready(self, action: Callable[[], None]) -> Callable[[], None]:
        """``action``, or, before the records are open, the same action a little later."""

        def run() -> None:
            if self.ready:
                action()
                return
            if self._waiting is None:
                QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self._waiting = action  # the latest choice wins; it runs once
            if isinstance(self.home, HomePage):
                self.home.show_getting_ready(True)

        return run

    def _relanguage(self, code: str) -> None:
        """Switch to ``code`` and rebuild home and Settings in it (the person stays there)."""
        from ui.language import switch_language

        switch_language(self.ctx.settings, code)
        self.setWindowTitle(_("Partner Log"))
        self.show_home()
        self._settings()

    def show_start(self) -> None:
        from desktop_app.services import profile

        if self.ctx.call(profile.installation) is None:
            from ui.pages.setup.flow import SetupFlow

            SetupFlow(self.ctx, on_done=self.show_home).start()
        else:
            self.show_home()

    def show_home(self) -> None:
        from desktop_app.services import profile

        installation = self.ctx.call(profile.installation)
        self._show_home_page(installation.role if installation is not None else None)
        self._start_backup()

    def _show_home_page(self, role: str | None, quick: HomeFigures | None = None) -> None:
        self.ctx.records_changed.clear()  # listeners belonged to the pages being replaced
        if role == COORDINATOR:
            from ui.pages.coordinator.home import CoordinatorHomePage

            self.home: DashboardPage = CoordinatorHomePage(
                self.ctx, self._coordinator_actions(), quick
            )
        else:
            self.home = HomePage(self.ctx, self._actions(), quick)
        self.nav.reset(self.home)

    def _start_backup(self) -> None:
        """A checked backup at start when the records changed since the last one."""
        from desktop_app.logs import bug_report
        from desktop_app.storage.backup import backup_if_changed

        data_dir = self.ctx.workspace.data_dir
        self._backup = run_in_background(
            self,
            lambda: backup_if_changed(data_dir),
            lambda _path: None,
            # Quietly: the person did not ask for this backup.
            lambda problem: log.warning("start-up backup failed: %s", bug_report(problem)),
        )

    def _settings(self) -> None:
        from ui.pages.settings_page import SettingsPage

        self.ctx.nav.push(SettingsPage(self.ctx))

    def _actions(self) -> dict[str, Callable[[], None]]:
        ctx = self.ctx
        push = ctx.nav.push
        actions: dict[str, Callable[[], None]] = {
            "add_time": _later("ui.pages.add_time.flow", lambda m: m.AddTimeFlow(ctx).start()),
            "add_expense": _later("ui.pages.expenses", lambda m: m.start_expense(ctx)),
            "records": _later("ui.pages.records", lambda m: push(m.RecordsPage(ctx))),
            "certificate": _later(
                "ui.pages.documents", lambda m: m.DocumentFlow(ctx, m.CERTIFICATE).start()
            ),
            "statement": _later(
                "ui.pages.documents", lambda m: m.DocumentFlow(ctx, m.STATEMENT).start()
            ),
            "send": _later("ui.pages.send_records", lambda m: push(m.SendRecordsPage(ctx))),
            "open_file": _later(
                "ui.pages.open_files", lambda m: m.OpenFilesFlow(ctx, many=False).start()
            ),
            "settings": self._settings,
            "products": _later("ui.pages.products", lambda m: push(m.ProductsPage(ctx))),
            "reflections": _later("ui.pages.reflections", lambda m: push(m.ReflectionsPage(ctx))),
        }
        return {key: self._when_ready(action) for key, action in actions.items()}

    def _coordinator_actions(self) -> dict[str, Callable[[], None]]:
        ctx = self.ctx
        push = ctx.nav.push
        actions: dict[str, Callable[[], None]] = {
            "open_files": _later(
                "ui.pages.open_files", lambda m: m.OpenFilesFlow(ctx, many=True).start()
            ),
            "review": _later("ui.pages.coordinator.review", lambda m: push(m.ReviewPage(ctx))),
            "conflicts": _later(
                "ui.pages.coordinator.conflicts", lambda m: push(m.ConflictsPage(ctx))
            ),
            "payments": _later(
                "ui.pages.coordinator.payments", lambda m: push(m.PaymentsPage(ctx))
            ),
            "partners": _later(
                "ui.pages.coordinator.partners", lambda m: push(m.PartnersPage(ctx))
            ),
            "outputs": _later("ui.pages.coordinator.outputs", lambda m: push(m.OutputsPage(ctx))),
            "settings": self._settings,
        }
        return {key: self._when_ready(action) for key, action in actions.items()}

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt naming)
        # Unfinished forms are already kept as drafts after every answer.
        event.accept()
