"""The main window: one stack of pages, starting at Home (or at first-run set-up)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from desktop_app.backup import backup_if_changed
from desktop_app.i18n import _
from desktop_app.model import Role
from desktop_app.services import profile
from ui.context import AppContext
from ui.navigator import Navigator
from ui.operations import run_in_background
from ui.pages.add_time.flow import AddTimeFlow
from ui.pages.coordinator.conflicts import ConflictsPage
from ui.pages.coordinator.home import CoordinatorHomePage
from ui.pages.coordinator.outputs import OutputsPage
from ui.pages.coordinator.partners import PartnersPage
from ui.pages.coordinator.payments import PaymentsPage
from ui.pages.coordinator.review import ReviewPage
from ui.pages.documents import CERTIFICATE, STATEMENT, DocumentFlow
from ui.pages.expenses import start_expense
from ui.pages.home import HomePage
from ui.pages.open_files import OpenFilesFlow
from ui.pages.products import ProductsPage
from ui.pages.records import RecordsPage
from ui.pages.reflections import ReflectionsPage
from ui.pages.send_records import SendRecordsPage
from ui.pages.settings_page import SettingsPage
from ui.pages.setup.flow import SetupFlow

log = logging.getLogger("partner_log.ui")


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(_("Partner Log"))
        self.setMinimumSize(640, 480)
        self.resize(1024, 768)
        stack = QStackedWidget()
        self.setCentralWidget(stack)
        ctx.nav = Navigator(stack)
        self.nav = ctx.nav
        self.show_start()

    def show_start(self) -> None:
        if self.ctx.call(profile.installation) is None:
            SetupFlow(self.ctx, on_done=self.show_home).start()
        else:
            self.show_home()

    def show_home(self) -> None:
        self.ctx.records_changed.clear()  # listeners belonged to the pages being replaced
        installation = self.ctx.call(profile.installation)
        if installation is not None and installation.role == Role.COORDINATOR:
            self.home = CoordinatorHomePage(self.ctx, self._coordinator_actions())
        else:
            self.home = HomePage(self.ctx, self._actions())
        self.nav.reset(self.home)
        self._start_backup()

    def _start_backup(self) -> None:
        """A checked backup at start when the records changed since the last one."""
        data_dir = self.ctx.workspace.data_dir
        self._backup = run_in_background(
            self,
            lambda: backup_if_changed(data_dir),
            lambda _path: None,
            lambda problem: log.warning("start-up backup failed: %s", type(problem).__name__),
        )

    def _settings(self) -> None:
        self.ctx.nav.push(SettingsPage(self.ctx, on_role_changed=self.show_start))

    def _actions(self) -> dict[str, Callable[[], None]]:
        ctx = self.ctx
        return {
            "add_time": lambda: AddTimeFlow(ctx).start(),
            "add_expense": lambda: start_expense(ctx),
            "records": lambda: ctx.nav.push(RecordsPage(ctx)),
            "certificate": lambda: DocumentFlow(ctx, CERTIFICATE).start(),
            "statement": lambda: DocumentFlow(ctx, STATEMENT).start(),
            "send": lambda: ctx.nav.push(SendRecordsPage(ctx)),
            "open_file": lambda: OpenFilesFlow(ctx, many=False).start(),
            "settings": self._settings,
            "products": lambda: ctx.nav.push(ProductsPage(ctx)),
            "reflections": lambda: ctx.nav.push(ReflectionsPage(ctx)),
        }

    def _coordinator_actions(self) -> dict[str, Callable[[], None]]:
        ctx = self.ctx
        return {
            "open_files": lambda: OpenFilesFlow(ctx, many=True).start(),
            "review": lambda: ctx.nav.push(ReviewPage(ctx)),
            "conflicts": lambda: ctx.nav.push(ConflictsPage(ctx)),
            "payments": lambda: ctx.nav.push(PaymentsPage(ctx)),
            "partners": lambda: ctx.nav.push(PartnersPage(ctx)),
            "outputs": lambda: ctx.nav.push(OutputsPage(ctx)),
            "settings": self._settings,
        }

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt naming)
        # Unfinished forms are already kept as drafts after every answer.
        event.accept()
