"""Entries to review: approve, ask a question or do not accept, one or many.

Only what the coordinator chose is decided. Nothing is chosen when the page opens or
after a decision. A double-click or Enter opens an entry to read it, and never decides.
More than one entry at a time is decided only after a Yes to "Approve 5 entries?".
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from desktop_app.errors import UserFacingError
from desktop_app.i18n import _, ngettext
from desktop_app.services.concurrency import ChangedFirst
from desktop_app.services.review import Decision, review, undo_rejects
from desktop_app.services.review_queue import QueueRow, waiting_entries
from ui.context import AppContext
from ui.pages.coordinator.review_detail import DetailPane, ReviewDetailPage
from ui.pages.coordinator.review_filters import ReviewFilters
from ui.pages.coordinator.review_table import Column, ReviewFilter, ReviewModel, ReviewTable
from ui.widgets.buttons import PrimaryButton, SecondaryButton
from ui.widgets.fields import LabelledField
from ui.widgets.page import Page
from ui.widgets.yes_or_no import ask_yes_or_no


def names_words(names: list[str]) -> str:
    """ "Rosa", "Rosa and Ben", "Rosa, Ben and Amir": each name once, in order."""
    unique = list(dict.fromkeys(name or _("a partner") for name in names))
    if len(unique) <= 1:
        return unique[0] if unique else ""
    return _("{first} and {last}").format(first=", ".join(unique[:-1]), last=unique[-1])


def question_words(decision: Decision, count: int) -> str:
    """What the coordinator is asked before deciding about more than one entry."""
    if decision == Decision.APPROVE:
        return ngettext("Approve {n} entry?", "Approve {n} entries?", count).format(n=count)
    if decision == Decision.QUERY:
        return ngettext(
            "Send your question about {n} entry?", "Send your question about {n} entries?", count
        ).format(n=count)
    return ngettext(
        "Mark {n} entry as not accepted?", "Mark {n} entries as not accepted?", count
    ).format(n=count)


def done_words(decision: Decision, count: int, people: str) -> str:
    """What was done and to whom: "Approved 2 entries from Rosa Martínez."."""
    if decision == Decision.APPROVE:
        text = ngettext(
            "Approved {n} entry from {people}.", "Approved {n} entries from {people}.", count
        )
    elif decision == Decision.QUERY:
        text = ngettext(
            "Sent your question about {n} entry to {people}.",
            "Sent your question about {n} entries to {people}.",
            count,
        )
    else:
        text = ngettext(
            "Did not accept {n} entry from {people}.",
            "Did not accept {n} entries from {people}.",
            count,
        )
    return text.format(n=count, people=people)


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
        self.undo = SecondaryButton(_("Undo: accept them for review again"))
        self.undo.hide()
        self.undo.clicked.connect(self.undo_rejection)
        self.body.addWidget(self.undo)
        self._rejected: list[str] = []
        self.filters = ReviewFilters()
        self.filters.changed.connect(self._filter)
        self.body.addWidget(self.filters)
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.body.addWidget(self.count)
        self.model = ReviewModel(self)
        self.proxy = ReviewFilter(self.model, self)
        self.table = ReviewTable()
        self.table.setAccessibleName(_("Entries waiting for review"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.DATE, Qt.SortOrder.AscendingOrder)
        self.table.open_requested.connect(self.open_entry)
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._chosen_changed)
        selection.currentChanged.connect(lambda _now, _before: self._show_detail())
        self.body.addWidget(self.table, 1)
        self.detail = DetailPane()
        self.body.addWidget(self.detail)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(110)
        self.add_field(
            "note",
            LabelledField(
                _("Your question or reason"),
                self.note,
                _(
                    "Needed when you ask a question or do not accept an entry. "
                    "The partner sees it with the entry."
                ),
            ),
        )
        self.approve = PrimaryButton(_("Approve the chosen entries"))
        self.query = SecondaryButton(_("Ask a question about them"))
        self.reject = SecondaryButton(_("Do not accept them"))
        for button, decision in (
            (self.approve, Decision.APPROVE),
            (self.query, Decision.QUERY),
            (self.reject, Decision.REJECT),
        ):
            button.clicked.connect(lambda _c=False, d=decision: self.decide(d))
            self.body.addWidget(button)
        self.let_body_grow()
        self.set_tab_order(
            [
                self.undo,
                self.filters.project,
                self.filters.partner,
                self.table,
                self.note,
                self.approve,
                self.query,
                self.reject,
            ]
        )
        self.reload()

    @property
    def rows(self) -> list[QueueRow]:
        """Every entry waiting, whatever the filters show."""
        return self.model.rows

    def first_focus(self) -> QWidget | None:
        return self.table

    # -- what is shown --------------------------------------------------------------
    def reload(self) -> None:
        """Read the waiting entries again. Nothing is chosen afterwards."""
        self.model.set_rows(self.ctx.call(waiting_entries))
        self.filters.fill(self.model.rows)
        self.proxy.choose(*self.filters.chosen())
        self.table.fit_columns()
        self.choose_nothing()

    def choose_nothing(self) -> None:
        self.table.selectionModel().clearSelection()
        self.table.selectionModel().setCurrentIndex(
            QModelIndex(), self.table.selectionModel().SelectionFlag.NoUpdate
        )
        self._update_count()
        self._show_detail()

    def _filter(self) -> None:
        # A choice hidden by the filter would be decided unseen: start again.
        self.table.selectionModel().clearSelection()
        self.proxy.choose(*self.filters.chosen())
        self.choose_nothing()

    def chosen_rows(self) -> list[QueueRow]:
        """The chosen entries, in the order the list shows them."""
        indexes = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        found = (self.proxy.row_at(index) for index in indexes)
        return [row for row in found if row is not None]

    def chosen_ids(self) -> list[str]:
        return [row.id for row in self.chosen_rows()]

    def _chosen_changed(self, _now: QItemSelection, _before: QItemSelection) -> None:
        self._update_count()
        self._show_detail()

    def _update_count(self) -> None:
        shown = self.proxy.rowCount()
        chosen = len(self.table.selectionModel().selectedRows())
        if not self.model.rows:
            self.count.setText(_("Nothing is waiting for review."))
            return
        self.count.setText(
            ngettext(
                "{n} chosen out of {shown} entry in the list.",
                "{n} chosen out of {shown} entries in the list.",
                shown,
            ).format(n=chosen, shown=shown)
        )

    def _show_detail(self) -> None:
        """Show in full the entry the keyboard is on, if it is chosen, else the only one
        chosen. An entry that is not chosen is not shown, so it never looks chosen."""
        selection = self.table.selectionModel()
        current = self.table.currentIndex()
        rows = selection.selectedRows()
        if current.isValid() and selection.isRowSelected(current.row(), QModelIndex()):
            self.detail.show_row(self.proxy.row_at(current))
        elif len(rows) == 1:
            self.detail.show_row(self.proxy.row_at(rows[0]))
        else:
            self.detail.show_row(None)

    def open_entry(self, index: QModelIndex) -> None:
        """Show one entry on a page of its own, to read (a double-click or Enter)."""
        row = self.proxy.row_at(index)
        if row is not None:
            self.ctx.nav.push(ReviewDetailPage(row))

    # -- deciding -------------------------------------------------------------------
    @classmethod
    def ask(cls, parent: QWidget, question: str, details: str) -> bool:
        """Ask Yes or No before deciding about many entries (tests replace this). No is
        the answer Enter and Escape give."""
        return ask_yes_or_no(parent, question, details)

    def decide(self, decision: Decision) -> None:
        chosen = self.chosen_rows()
        if not chosen:
            self.show_problems([("", _("Choose at least one entry in the list."))])
            return
        text = self.note.toPlainText().strip()
        if decision == Decision.QUERY and not text:
            self.show_problems([("note", _("Write your question in the box."))])
            return
        if decision == Decision.REJECT and not text:
            self.show_problems([("note", _("Write why you do not accept them."))])
            return
        people = names_words([row.person for row in chosen])
        if len(chosen) > 1:
            details = _("They are from {people}.").format(people=people)
            if not self.ask(self, question_words(decision, len(chosen)), details):
                self.table.setFocus()
                return
        seen = {row.id: row.review_rev for row in chosen}
        try:
            self.ctx.call(review, [row.id for row in chosen], decision, note=text, seen=seen)
        except ChangedFirst as problem:  # another coordinator decided first: show theirs
            self.reload()
            self.show_failure(problem)
            return
        except UserFacingError as problem:
            self.show_failure(problem)
            return
        self.clear_problems()
        self.note.clear()
        self.done.setText(done_words(decision, len(chosen), people))
        self._rejected = [row.id for row in chosen] if decision == Decision.REJECT else []
        self.undo.setVisible(bool(self._rejected))
        self.ctx.changed()
        self.reload()
        self.table.setFocus()

    def undo_rejection(self) -> None:
        """Put the entries just rejected back as they were, before any file goes out."""
        try:
            self.ctx.call(undo_rejects, self._rejected)
        except UserFacingError as problem:
            self.show_failure(problem)
            return
        count = len(self._rejected)
        self._rejected = []
        self.undo.hide()
        self.done.setText(
            ngettext(
                "The entry is back in the list.", "The {n} entries are back in the list.", count
            ).format(n=count)
        )
        self.ctx.changed()
        self.reload()
        self.table.setFocus()
