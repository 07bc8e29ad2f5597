"""Home: what I have given, in large type, and six big actions.

Home can be drawn before the rest of the app is loaded: given figures read quickly
(``services.home_figures.quick_home_figures``), it shows them first and counts them
through the services only once ``attach()`` says the records are open.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop_app.i18n import _, ngettext
from desktop_app.services.home_figures import HomeFigures
from desktop_app.storage.disk_safety import data_folder_warning
from ui import startup_trace
from ui.context import AppContext
from ui.operations import Operation
from ui.widgets.buttons import LinkButton, SecondaryButton
from ui.widgets.flow_grid import FlowGrid
from ui.widgets.page import Page
from ui.widgets.tiles import move_with_arrows

log = logging.getLogger("partner_log.ui.home")


def home_figures(session: Any) -> HomeFigures:
    """``services.home.home_figures``, loaded the first time the figures are counted
    (it brings the ORM, which the first paint does without)."""
    from desktop_app.services.home import home_figures as count

    return count(session)


class FigureCard(QFrame):
    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        self.value = QLabel("\u2013")
        self.value.setProperty("role", "figure")
        self.caption = QLabel(caption)
        self.caption.setProperty("role", "figure-caption")
        self.caption.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, text: str, caption: str | None = None) -> None:
        """Show ``text``, and ``caption`` with it when the words follow the count."""
        self.value.setText(text)
        if caption is not None:
            self.caption.setText(caption)
        # All three carry the whole figure, so a screen reader says it once, never a
        # caption without its number.
        spoken = f"{self.caption.text()}: {text}"
        for part in (self, self.value, self.caption):
            part.setAccessibleName(spoken)


class ActionButton(SecondaryButton):
    def __init__(self, text: str, icon_name: str, description: str = "") -> None:
        super().__init__(text, description)
        self.setProperty("role", "tile")
        self.set_named_icon(icon_name)
        self.setIconSize(QSize(40, 40))


class DashboardPage(Page):
    """A home page: large figures, counted in the background, and big actions."""

    def __init__(self, ctx: AppContext, title_hint: str) -> None:
        super().__init__(_("Hello"), title_hint)
        self.ctx = ctx
        self.cards: dict[str, FigureCard] = {}
        self.action_buttons: dict[str, ActionButton] = {}

    def add_figures(self, captions: dict[str, str]) -> None:
        # Side by side when they fit, so the actions show without scrolling.
        for key, caption in captions.items():
            self.cards[key] = FigureCard(caption)
        self.body.addWidget(FlowGrid(list(self.cards.values())))

    def add_actions(
        self, specs: list[tuple[str, str, str]], actions: dict[str, Callable[[], None]]
    ) -> None:
        """Big buttons in as many columns as fit, in reading order (``action_buttons``
        keeps that order too: the Tab order and the arrow keys follow it)."""
        for key, text, icon_name in specs:
            button = ActionButton(text, icon_name)
            button.clicked.connect(actions[key])
            self.action_buttons[key] = button
        self.body.addWidget(FlowGrid(list(self.action_buttons.values())))
        self.action_arrows = move_with_arrows(list(self.action_buttons.values()))

    def keep_figures_fresh(self, work: Callable[[], Any], show: Callable[[Any], None]) -> None:
        """Count in the background now, and again whenever the records change."""
        self._figures: Operation | None = Operation(
            self, work, lambda found: self._show(show, found), self._failed
        )
        self.ctx.records_changed.append(self.refresh)
        self.refresh()

    def trace_paints(self, figures_card: str) -> None:
        """Note Home's first paint, and its first paint with figures (``ui.startup_trace``)."""
        if not startup_trace.enabled():
            return
        value = self.cards[figures_card].value

        def first_paint() -> None:
            startup_trace.note("figures_in_first_frame", value.text() != "\u2013")
            startup_trace.mark("home_painted")

        startup_trace.when_painted(self.heading, first_paint)
        startup_trace.when_painted(
            value,
            lambda: startup_trace.mark("figures_painted"),
            ready=lambda: value.text() != "\u2013",
        )

    @staticmethod
    def greeting(figures: HomeFigures) -> str:
        return _("Hello, {name}").format(name=figures.name) if figures.name else _("Hello")

    def show_quick(self, quick: HomeFigures, show: Callable[[HomeFigures], None]) -> None:
        """Show figures read before the records were opened: in the first frame, or, when
        the language needs Babel to write them, once Home is on screen, so that the first
        paint does not wait for Babel to load."""
        from ui.figure_text import writes_without_babel

        self.set_heading(self.greeting(quick))
        if writes_without_babel():
            self._show(show, quick)
            return

        def later() -> None:
            if getattr(self, "_figures", None) is None:  # the services have not answered yet
                self._show(show, quick)

        startup_trace.when_painted(self.heading, lambda: QTimer.singleShot(0, self, later))

    def _show(self, show: Callable[[Any], None], found: Any) -> None:
        show(found)
        self._describe_window()

    def spoken_figures(self) -> str:
        """The greeting and the figures, as a screen reader says them when the window opens."""
        parts = [self.heading.text(), self.hint.text() if self.hint.isVisibleTo(self) else ""]
        parts += [card.accessibleName() for card in self.cards.values()]
        return " ".join(part if part.endswith(".") else f"{part}." for part in parts if part)

    def _describe_window(self) -> None:
        # Screen readers say the window's description when it opens, after its title.
        if self.isVisible():
            self.window().setAccessibleDescription(self.spoken_figures())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        self._describe_window()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt naming)
        super().hideEvent(event)
        self.window().setAccessibleDescription("")

    def on_shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        figures: Operation | None = getattr(self, "_figures", None)
        if figures is not None:  # there is none until the records are open
            figures.start()

    def attach(self) -> None:
        """The records are open: count the figures through the services from now on."""
        raise NotImplementedError

    def _failed(self, problem: Exception) -> None:
        # The figures are counted again while other pages show, so a failure here must
        # not take the keyboard or open a dialog: the page says so, the log says where.
        from desktop_app.logs import bug_report

        log.warning("the figures could not be counted: %s", bug_report(problem))
        self.hint.setText(self.failure_text())

    def failure_text(self) -> str:
        return _("The figures could not be shown just now.")


class HomePage(DashboardPage):
    def __init__(
        self,
        ctx: AppContext,
        actions: dict[str, Callable[[], None]],
        quick: HomeFigures | None = None,
    ) -> None:
        """``quick``: figures read before the records were opened; then Home waits for
        ``attach()`` before counting them again."""
        super().__init__(ctx, _("Here is what you have given."))
        warning = data_folder_warning(ctx.workspace.data_dir)
        self.warning = QLabel(warning or "")
        self.warning.setWordWrap(True)
        self.warning.setProperty("role", "error")
        self.body.addWidget(self.warning)
        self.warning.setVisible(bool(warning))
        self.add_figures(
            {
                "month": _("hours this month"),
                "total": _("hours in total"),
                "meetings": _("meetings"),
                "products": _("products you helped make"),
            }
        )
        self.add_actions(
            [
                ("add_time", _("Add my time"), "clock"),
                ("add_expense", _("Add an expense"), "expense"),
                ("records", _("My records"), "records"),
                ("certificate", _("My certificate"), "certificate"),
                ("send", _("Send my records"), "send"),
                ("settings", _("Settings and help"), "settings"),
            ],
            actions,
        )
        self.more_links: list[LinkButton] = []
        self.links: dict[str, LinkButton] = {}
        for key, text in (
            ("statement", _("My statement, to claim my pay")),
            ("open_file", _("Open a file from my coordinator")),
            ("products", _("My products")),
            ("reflections", _("My reflections")),
        ):
            link = LinkButton(text)
            link.clicked.connect(actions[key])
            self.body.addWidget(link)
            self.more_links.append(link)
            self.links[key] = link
        self.getting_ready = QLabel(_("Getting ready\u2026"))
        self.getting_ready.setProperty("role", "hint")
        self.getting_ready.setVisible(False)
        self.body.addWidget(self.getting_ready)
        self.set_tab_order([*self.action_buttons.values(), *self.more_links])
        self.trace_paints("total")
        if quick is None:
            self.attach()
        else:
            self.show_quick(quick, self.show_figures)

    def attach(self) -> None:
        """The records are open: count the figures through the services from now on."""
        ctx = self.ctx
        # ``home_figures`` is looked up when counting, so a test may stand in for it.
        self.keep_figures_fresh(lambda: ctx.call(home_figures), self.show_figures)

    def show_getting_ready(self, waiting: bool) -> None:
        """Say that a pressed action will open as soon as the records are ready."""
        self.getting_ready.setVisible(waiting)
        if waiting:
            self.getting_ready.setAccessibleName(self.getting_ready.text())

    def first_focus(self) -> QWidget | None:
        return self.action_buttons["add_time"]

    def failure_text(self) -> str:
        return _("Your figures could not be shown just now.")

    def show_figures(self, figures: HomeFigures) -> None:
        from ui.figure_text import hours

        self.set_heading(self.greeting(figures))
        self.cards["month"].set_value(hours(figures.month_minutes))
        self.cards["total"].set_value(hours(figures.total_minutes))
        n, made = figures.meetings, figures.products
        self.cards["meetings"].set_value(str(n), ngettext("meeting", "meetings", n))
        self.cards["products"].set_value(
            str(made), ngettext("product you helped make", "products you helped make", made)
        )
