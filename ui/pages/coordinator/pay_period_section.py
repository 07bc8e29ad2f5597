"""Closing a pay period: who is still owed in it, and a question before anything locks.

Closing locks every entry of the project in the dates; it never pays anything. When
approved time in the dates is not paid yet, the section lists who is waiting and the
page asks first (``PayPeriodSection.ask``): Yes closes with ``confirm=True``, No changes
nothing. Dates that overlap a period already closed are refused by ``close_period``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.i18n import _
from ui.pages.coordinator.owed_section import OwedView, money
from ui.widgets.buttons import SecondaryButton
from ui.widgets.page import Page
from ui.widgets.yes_or_no import ask_yes_or_no


def waiting_words(view: OwedView) -> str:
    """ "Still owed for approved time in these dates: Rosa Martínez (CAD 97.50)." """
    rows = sorted(view.time.values(), key=lambda r: (r.person.casefold(), r.person_id))
    if not rows:
        return _("Everyone is paid for approved time in these dates.")
    people = ", ".join(f"{row.person} ({money(row.amount_minor, row.currency)})" for row in rows)
    return _("Still owed for approved time in these dates: {people}.").format(people=people)


class PayPeriodSection:
    """Adds the heading, the list of who is waiting and the Close button to ``page``."""

    def __init__(self, page: Page) -> None:
        self.heading = QLabel(_("Close the pay period"))
        self.heading.setProperty("role", "h2")
        self.heading.setWordWrap(True)
        page.body.addWidget(self.heading)
        self.waiting = QLabel()
        self.waiting.setWordWrap(True)
        page.body.addWidget(self.waiting)
        self.close_button = SecondaryButton(
            _("Close this pay period"),
            _("Every entry in these dates is locked. Closing does not pay anything."),
        )
        page.body.addWidget(self.close_button)
        self.done = QLabel()
        self.done.setWordWrap(True)
        self.done.setProperty("role", "success")
        page.body.addWidget(self.done)
        self.done.hide()

    def show_view(self, view: OwedView) -> None:
        self.waiting.setText(waiting_words(view))

    def say(self, text: str) -> None:
        self.done.setText(text)
        self.done.setVisible(bool(text))

    @classmethod
    def ask(cls, parent: QWidget, question: str, details: str) -> bool:
        """Ask Yes or No before closing (tests replace this). No is the answer Enter and
        Escape give."""
        return ask_yes_or_no(parent, question, details, _("Yes, close it"))
