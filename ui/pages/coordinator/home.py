"""The coordinator's home: the project's figures and what needs doing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QGridLayout, QWidget

from desktop_app.exchange.conflicts import list_conflicts
from desktop_app.i18n import _
from desktop_app.services.home import HomeFigures, home_figures
from desktop_app.services.review_queue import waiting_entries
from ui.context import AppContext
from ui.formatting import hours
from ui.operations import Refresher
from ui.pages.home import ActionButton, FigureCard
from ui.widgets.page import Page


class CoordinatorHomePage(Page):
    def __init__(self, ctx: AppContext, actions: dict[str, Callable[[], None]]) -> None:
        super().__init__(_("Hello"), _("Here is what your partners have given."))
        self.ctx = ctx
        self._figures = Refresher(self, self._gather, self.show_figures, self._failed)
        self.cards = {
            "partners": FigureCard(_("partners")),
            "total": FigureCard(_("hours in total")),
            "meetings": FigureCard(_("meetings")),
            "products": FigureCard(_("products made together")),
        }
        figures = QGridLayout()
        figures.setSpacing(16)
        for index, card in enumerate(self.cards.values()):
            figures.addWidget(card, index // 2, index % 2)
        self.body.addLayout(figures)
        grid = QGridLayout()
        grid.setSpacing(16)
        specs = [
            ("open_files", _("Open files from partners"), "records"),
            ("review", _("Entries to review"), "reviewing"),
            ("conflicts", _("Changes to sort out"), "other"),
            ("payments", _("Payments and pay periods"), "expense"),
            ("partners", _("Partners"), "meeting"),
            ("outputs", _("Reports and files to send"), "send"),
            ("settings", _("Settings and help"), "settings"),
        ]
        self.actions: dict[str, ActionButton] = {}
        for index, (key, text, icon_name) in enumerate(specs):
            button = ActionButton(text, icon_name)
            button.clicked.connect(actions[key])
            grid.addWidget(button, index // 2, index % 2)
            self.actions[key] = button
        self.body.addLayout(grid)
        self.set_tab_order(list(self.actions.values()))
        ctx.records_changed.append(self.refresh)
        self.refresh()

    def first_focus(self) -> QWidget | None:
        return self.actions["open_files"]

    def on_shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._figures.refresh()

    def _gather(self) -> tuple[HomeFigures, int, int]:
        return (
            self.ctx.call(home_figures),
            len(self.ctx.call(waiting_entries)),
            len(self.ctx.call(list_conflicts)),
        )

    def _failed(self, problem: Exception) -> None:
        self.hint.setText(_("The figures could not be shown just now."))

    def show_figures(self, found: tuple[HomeFigures, int, int]) -> None:
        figures, waiting, conflicts = found
        self.heading.setText(_("Hello, {name}").format(name=figures.name))
        self.cards["partners"].set_value(str(figures.partners))
        self.cards["total"].set_value(hours(figures.total_minutes))
        self.cards["meetings"].set_value(str(figures.meetings))
        self.cards["products"].set_value(str(figures.products))
        self.actions["review"].setText(_("Entries to review ({n})").format(n=waiting))
        self.actions["conflicts"].setText(_("Changes to sort out ({n})").format(n=conflicts))
