"""The coordinator's home: the project's figures and what needs doing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop_app.exchange.conflicts import list_conflicts
from desktop_app.i18n import _, ngettext
from desktop_app.reports.formatting import hours
from desktop_app.services.home import HomeFigures, home_figures
from desktop_app.services.review_queue import waiting_entries
from ui.context import AppContext
from ui.pages.home import DashboardPage


class CoordinatorHomePage(DashboardPage):
    def __init__(self, ctx: AppContext, actions: dict[str, Callable[[], None]]) -> None:
        super().__init__(ctx, _("Here is what your partners have given."))
        self.add_figures(
            {
                "partners": _("partners"),
                "total": _("hours in total"),
                "meetings": _("meetings"),
                "products": _("products made together"),
            }
        )
        self.add_actions(
            [
                ("open_files", _("Open files from partners"), "records"),
                ("review", _("Entries to review"), "reviewing"),
                ("conflicts", _("Changes to sort out"), "other"),
                ("payments", _("Payments and pay periods"), "expense"),
                ("partners", _("Partners"), "meeting"),
                ("outputs", _("Reports and files to send"), "send"),
                ("settings", _("Settings and help"), "settings"),
            ],
            actions,
        )
        self.set_tab_order(list(self.action_buttons.values()))
        self.keep_figures_fresh(self._gather, self.show_figures)

    def first_focus(self) -> QWidget | None:
        return self.action_buttons["open_files"]

    def _gather(self) -> tuple[HomeFigures, int, int]:
        return (
            self.ctx.call(home_figures),
            len(self.ctx.call(waiting_entries)),
            len(self.ctx.call(list_conflicts)),
        )

    def show_figures(self, found: tuple[HomeFigures, int, int]) -> None:
        figures, waiting, conflicts = found
        self.set_heading(_("Hello, {name}").format(name=figures.name))
        self.cards["partners"].set_value(
            str(figures.partners), ngettext("partner", "partners", figures.partners)
        )
        self.cards["total"].set_value(hours(figures.total_minutes))
        self.cards["meetings"].set_value(
            str(figures.meetings), ngettext("meeting", "meetings", figures.meetings)
        )
        self.cards["products"].set_value(
            str(figures.products),
            ngettext("product made together", "products made together", figures.products),
        )
        self.action_buttons["review"].setText(_("Entries to review ({n})").format(n=waiting))
        self.action_buttons["conflicts"].setText(_("Changes to sort out ({n})").format(n=conflicts))
