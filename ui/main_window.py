"""The main window: one stack of pages, starting at Home (or at first-run set-up)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from desktop_app.backup import backup_if_changed
from desktop_app.i18n import _
from desktop_app.services import profile
from ui.context import AppContext
from ui.navigator import Navigator
from ui.operations import run_in_background
from ui.pages.add_time.flow import AddTimeFlow
from ui.pages.coming_soon import ComingSoonPage
from ui.pages.documents import CERTIFICATE, STATEMENT, DocumentFlow
from ui.pages.expenses import start_expense
from ui.pages.home import HomePage
from ui.pages.products import ProductsPage
from ui.pages.records import RecordsPage
from ui.pages.reflections import ReflectionsPage
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

    def _actions(self) -> dict[str, Callable[[], None]]:
        ctx = self.ctx

        def coming(title: str, text: str) -> Callable[[], None]:
            return lambda: ctx.nav.push(ComingSoonPage(title, text))

        return {
            "add_time": lambda: AddTimeFlow(ctx).start(),
            "add_expense": lambda: start_expense(ctx),
            "records": lambda: ctx.nav.push(RecordsPage(ctx)),
            "certificate": lambda: DocumentFlow(ctx, CERTIFICATE).start(),
            "statement": lambda: DocumentFlow(ctx, STATEMENT).start(),
            "send": coming(
                _("Send my records"),
                _(
                    "Soon you will be able to save a file of your records here, to send to "
                    "your coordinator."
                ),
            ),
            "settings": lambda: ctx.nav.push(SettingsPage(ctx, on_role_changed=self.show_start)),
            "products": lambda: ctx.nav.push(ProductsPage(ctx)),
            "reflections": lambda: ctx.nav.push(ReflectionsPage(ctx)),
        }

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt naming)
        # Unfinished forms are already kept as drafts after every answer.
        event.accept()
