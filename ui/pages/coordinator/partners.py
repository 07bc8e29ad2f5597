"""Partners: a roster with each partner's hours, meetings and entries waiting."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_app.i18n import _
from desktop_app.labels import label
from desktop_app.model import Role
from desktop_app.reports.formatting import hours
from desktop_app.services import profile
from desktop_app.services.review_queue import waiting_entries
from desktop_app.services.summaries import summarise
from ui.context import AppContext
from ui.widgets.page import Page


class PartnersPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            _("Partners"),
            _("Everyone who gives their time to your projects."),
            back_text=_("Back to home"),
        )
        partners = ctx.call(profile.people, Role.PARTNER)
        waiting: dict[str, int] = {}
        for entry in ctx.call(waiting_entries):
            waiting[entry.person] = waiting.get(entry.person, 0) + 1
        self.table = QTableWidget(len(partners), 5)
        self.table.setAccessibleName(_("Partners"))
        self.table.setHorizontalHeaderLabels(
            [_("Name"), _("Hours"), _("Meetings"), _("Waiting for review"), _("Payment")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for row, person in enumerate(partners):
            figures = ctx.call(summarise, person_id=person.id)
            cells = [
                person.display_name,
                hours(figures.total_minutes),
                str(figures.meetings),
                str(waiting.get(person.display_name, 0)),
                label(person.payment_choice),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.body.addWidget(self.table, 1)
        self.let_body_grow()
        self.set_tab_order([self.table])

    def first_focus(self) -> QWidget | None:
        return self.table
