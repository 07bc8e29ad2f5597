"""The coordinator's home: the project's figures and what needs doing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop_app.i18n import _, ngettext
from desktop_app.services.home_figures import HomeFigures
from ui.context import AppContext
from ui.pages.home import DashboardPage


class CoordinatorHomePage(DashboardPage):
    def __init__(
        self,
        ctx: AppContext,
        actions: dict[str, Callable[[], None]],
        quick: HomeFigures | None = None,
    ) -> None:
        """``quick``: figures read before the records were opened (see ``ui.pages.home``);
        the counts to review and sort out follow once ``attach()`` is called."""
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
        self.trace_paints("total")
        if quick is None:
            self.attach()
        else:
            self.show_quick(quick, self.show_cards)

    def attach(self) -> None:
        """The records are open: count the figures through the services from now on."""
        self.keep_figures_fresh(self._gather, self.show_figures)

    def first_focus(self) -> QWidget | None:
        return self.action_buttons["open_files"]

    def _gather(self) -> tuple[HomeFigures, int, int]:
        # Loaded here, off the first paint: the exchange package and the ORM services.
        from desktop_app.exchange.conflicts import list_conflicts
        from desktop_app.services.home import home_figures
        from desktop_app.services.review_queue import waiting_entries

        return (
            self.ctx.call(home_figures),
            len(self.ctx.call(waiting_entries)),
            len(self.ctx.call(list_conflicts)),
        )

    def show_figures(self, found: tuple[HomeFigures, int, int]) -> None:
        figures, waiting, conflicts = found
        self.show_cards(figures)
        self.action_buttons["review"].setText(_("Entries to review ({n})").format(n=waiting))
        self.action_buttons["conflicts"].setText(_("Changes to sort out ({n})").format(n=conflicts))

    def show_cards(self, figures: HomeFigures) -> None:
        from ui.figure_text import hours

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
