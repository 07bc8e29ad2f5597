"""Entries to review: approve, ask a question (with a note) or do not accept, one or many."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_app.errors import UserFacingError
from desktop_app.i18n import _, ngettext
from desktop_app.labels import label
from desktop_app.model import ActivityKind, ExpenseCategory, ReviewStatus
from desktop_app.services.review import review
from desktop_app.services.review_queue import QueueRow, waiting_entries
from ui.context import AppContext
from ui.formatting import duration_words, long_date, money
from ui.widgets.buttons import PrimaryButton, SecondaryButton
from ui.widgets.fields import LabelledField
from ui.widgets.page import Page


def what_words(row: QueueRow) -> str:
    if row.type == "time":
        return label(ActivityKind(row.what))
    return _("Expense: {category}").format(category=label(ExpenseCategory(row.what)))


class ReviewPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            _("Entries to review"),
            _(
                "Choose one or more entries, then approve them, ask a question, or do not "
                "accept them. Hold Shift or Control to choose more than one."
            ),
            back_text=_("Back to home"),
        )
        self.ctx = ctx
        self.done = QLabel()
        self.done.setWordWrap(True)
        self.done.setProperty("role", "success")
        self.body.addWidget(self.done)
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(_("Entries waiting for review"))
        self.table.setHorizontalHeaderLabels(
            [_("Partner"), _("Date"), _("What"), _("Time or amount"), _("Status"), _("Note")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(260)
        self.body.addWidget(self.table, 1)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(110)
        self.add_field(
            "note",
            LabelledField(
                _("Note to the partner"),
                self.note,
                _("Needed when you ask a question. The partner sees it with the entry."),
            ),
        )
        self.approve = PrimaryButton(_("Approve the chosen entries"))
        self.query = SecondaryButton(_("Ask a question about them"))
        self.reject = SecondaryButton(_("Do not accept them"))
        for button, decision in (
            (self.approve, "approve"),
            (self.query, "query"),
            (self.reject, "reject"),
        ):
            button.clicked.connect(lambda _c=False, d=decision: self.decide(d))
            self.body.addWidget(button)
        self.let_body_grow()
        self.set_tab_order([self.table, self.note, self.approve, self.query, self.reject])
        self.rows: list[QueueRow] = []
        self.reload()

    def first_focus(self) -> QWidget | None:
        return self.table

    def reload(self) -> None:
        self.rows = self.ctx.call(waiting_entries)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            amount = (
                duration_words(row.minutes)
                if row.type == "time"
                else money(row.amount_minor, row.currency)
            )
            cells = [
                row.person,
                long_date(row.date),
                what_words(row),
                amount,
                label(ReviewStatus(row.status)),
                row.status_note or row.note,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                self.table.setItem(index, column, item)
        if self.rows:
            self.table.selectRow(0)

    def chosen_ids(self) -> list[str]:
        return [self.rows[index.row()].id for index in self.table.selectionModel().selectedRows()]

    def decide(self, decision: str) -> None:
        chosen = self.chosen_ids()
        if not chosen:
            self.show_problems([("", _("Choose at least one entry in the list."))])
            return
        if decision == "query" and not self.note.toPlainText().strip():
            self.show_problems([("note", _("Write your question in the note."))])
            return
        try:
            self.ctx.call(review, chosen, decision, self.note.toPlainText())
        except UserFacingError as problem:
            self.show_failure(problem)
            return
        self.clear_problems()
        self.note.clear()
        words = {
            "approve": _("approved"),
            "query": _("sent back with your question"),
            "reject": _("not accepted"),
        }[decision]
        self.done.setText(
            ngettext("{n} entry {what}.", "{n} entries {what}.", len(chosen)).format(
                n=len(chosen), what=words
            )
        )
        self.ctx.changed()
        self.reload()
        self.table.setFocus()
