"""One waiting entry in full, for the coordinator: every fact whole, nothing to change.

``entry_facts`` lists the facts. ``DetailPane`` shows them under the review table for
the entry the coordinator is on; ``ReviewDetailPage`` shows them on a page of their own
(a double-click or Enter on the table).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.i18n import _
from desktop_app.labels import label
from desktop_app.model import ActivityMode, ReviewStatus
from desktop_app.services.review_queue import QueueRow
from ui.formatting import duration_words, long_date, money
from ui.pages.coordinator.review_table import what_words
from ui.widgets.page import Page
from ui.widgets.summary_card import SummaryCard


def entry_facts(row: QueueRow) -> list[tuple[str, str]]:
    """Every fact of the entry, in words, as questions and answers."""
    facts = [
        (_("Partner"), row.person),
        (_("Project"), row.project or _("No project")),
        (_("Date"), long_date(row.date)),
        (_("What"), what_words(row)),
    ]
    if row.type == "time":
        facts.append((_("How long"), duration_words(row.work_minutes or row.minutes)))
        if row.prep_minutes:
            facts.append((_("Time getting ready"), duration_words(row.prep_minutes)))
        if row.travel_minutes:
            facts.append((_("Time travelling"), duration_words(row.travel_minutes)))
        if row.prep_minutes or row.travel_minutes:
            facts.append((_("Time in all"), duration_words(row.minutes)))
        if row.mode:
            facts.append((_("How it was done"), label(ActivityMode(row.mode))))
        if row.products:
            facts.append((_("Products it was for"), "\n".join(row.products)))
    else:
        facts.append((_("How much"), money(row.amount_minor, row.currency)))
        facts.append((_("Receipt"), _("Yes") if row.has_receipt else _("No")))
    facts.append((_("Status"), label(ReviewStatus(row.status))))
    facts.append((_("Partner\u2019s note"), row.note or _("No note")))
    if row.status_note:
        facts.append((_("Your question"), row.status_note))
    return facts


def entry_title(row: QueueRow) -> str:
    if row.type == "time":
        return _("Time entry from {name}").format(name=row.person)
    return _("Expense from {name}").format(name=row.person)


class DetailPane(QWidget):
    """The entry the coordinator is on, in full, with every answer wrapped."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.title = QLabel()
        self.title.setProperty("role", "h2")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.card = SummaryCard()
        layout.addWidget(self.card)
        self.row: QueueRow | None = None
        self.show_row(None)

    def show_row(self, row: QueueRow | None) -> None:
        """Show ``row`` in full, or say how to choose one."""
        if row is not None and row == self.row and self.card.isVisibleTo(self):
            return
        self.row = row
        self.card.clear()
        if row is None:
            self.title.setText(_("Choose an entry in the list to see all of it here."))
            self.card.hide()
            return
        self.title.setText(entry_title(row))
        for question, answer in entry_facts(row):
            self.card.add_row(question, answer)
        self.card.show()

    def texts(self) -> list[str]:
        """The words on show (for checks)."""
        return [self.title.text()] + [
            w.text() for w in self.card.findChildren(QLabel) if w.isVisibleTo(self.card)
        ]


class ReviewDetailPage(Page):
    """One entry in full. Deciding happens on the list, where the choice can be seen."""

    def __init__(self, row: QueueRow) -> None:
        super().__init__(
            entry_title(row),
            _("To approve it or ask a question, go back to the list."),
            back_text=_("Back to the list"),
        )
        self.row = row
        self.card = SummaryCard(entry_facts(row))
        self.body.addWidget(self.card)
