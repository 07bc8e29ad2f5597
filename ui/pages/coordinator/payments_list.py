"""The payments made for the chosen project and dates, each on a card, voided ones too.

A card says when, to whom, how much, how, for how many entries, and whether the payment
stands or was voided (with the reason). A live payment has a "Void this payment" button:
it asks for the reason and a yes (``VoidDialog.ask``), then calls ``void_payment``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop_app.i18n import _, current_language
from desktop_app.labels import label
from desktop_app.model import PaymentKind, PaymentMethod
from desktop_app.services import payments, profile
from desktop_app.services.dates import show_day
from ui.pages.coordinator.owed_section import entries_words, money
from ui.widgets.buttons import SecondaryButton
from ui.widgets.card_column import CardColumn


@dataclass(frozen=True)
class PaymentRow:
    id: str
    paid_on: date
    person: str
    amount_minor: int
    currency: str
    kind: PaymentKind
    method: PaymentMethod
    entries: int
    reason: str
    voided: bool
    void_reason: str


def gather_payments(session: Any, project_id: str, start: date, end: date) -> list[PaymentRow]:
    """The project's payments whose pay period shares a day with ``start``..``end``,
    newest first, voided ones included (run it through ``AppContext.call``)."""
    names = {person.id: person.display_name for person in profile.people(session)}
    rows = []
    for payment in payments.list_payments(session):
        if payment.project_id != project_id:
            continue
        if payment.period_end < start or payment.period_start > end:
            continue
        rows.append(
            PaymentRow(
                payment.id,
                payment.paid_on,
                names.get(payment.person_id, ""),
                payment.amount_minor,
                payment.currency,
                payment.kind,
                payment.method,
                len(payments.paid_entries(session, payment.id)),
                payment.reason,
                payment.is_voided,
                payment.void_reason,
            )
        )
    return rows


def amount_words(row: PaymentRow) -> str:
    return money(row.amount_minor, row.currency)


def card_lines(row: PaymentRow) -> list[str]:
    """What a payment's card says, line by line."""
    if row.method == PaymentMethod.DECLINED:
        first = _("{name} chose not to be paid").format(name=row.person)
    else:
        first = _("{amount} to {name}").format(amount=amount_words(row), name=row.person)
    lines = [
        first,
        _("Paid on {day}.").format(day=show_day(row.paid_on, current_language())),
        _("{how}, {what}, {entries}.").format(
            how=label(row.method), what=label(row.kind), entries=entries_words(row.entries)
        ),
    ]
    if row.reason:
        lines.append(_("Why the amount is different: {reason}").format(reason=row.reason))
    if row.voided:
        lines.append(_("Voided: {reason}").format(reason=row.void_reason))
    else:
        lines.append(_("Paid"))
    return lines


def void_question(row: PaymentRow) -> str:
    return _("Void the payment of {amount} to {name}?").format(
        amount=amount_words(row), name=row.person
    )


class PaymentCard(QFrame):
    """One payment. ``void_button`` is None once the payment is void."""

    def __init__(self, row: PaymentRow, on_void: Callable[[PaymentRow], None]) -> None:
        super().__init__()
        self.row = row
        self.setProperty("role", "card")
        inside = QVBoxLayout(self)
        inside.setContentsMargins(20, 16, 20, 16)
        inside.setSpacing(4)
        self.lines = card_lines(row)
        for number, line in enumerate(self.lines):
            text = QLabel(line)
            text.setWordWrap(True)
            if number == 0:
                text.setProperty("role", "h2")
            inside.addWidget(text)
        self.void_button: SecondaryButton | None = None
        if not row.voided:
            self.void_button = SecondaryButton(_("Void this payment"), " ".join(self.lines))
            self.void_button.setAccessibleName(
                _("Void the payment of {amount} to {name}").format(
                    amount=amount_words(row), name=row.person
                )
            )
            self.void_button.clicked.connect(lambda: on_void(self.row))
            inside.addWidget(self.void_button)


class PaymentsList(QWidget):
    """A heading and the cards. ``void_asked`` carries the payment to void."""

    void_asked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        self.heading = QLabel(_("Payments for these dates"))
        self.heading.setProperty("role", "h2")
        self.heading.setWordWrap(True)
        column.addWidget(self.heading)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setProperty("role", "success")
        column.addWidget(self.status)
        self.status.hide()
        self.cards = CardColumn(_("No payments for this project in these dates."))
        self.cards.setSpacing(12)
        column.addLayout(self.cards)
        self.shown: list[PaymentCard] = []

    def show_rows(self, rows: list[PaymentRow]) -> None:
        self.shown = [PaymentCard(row, self.void_asked.emit) for row in rows]
        self.cards.show_cards(self.shown)

    def say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def buttons(self) -> list[QWidget]:
        """The Void buttons, in reading order (for the page's tab order)."""
        return [card.void_button for card in self.shown if card.void_button is not None]

    def card_for(self, payment_id: str) -> PaymentCard | None:
        return next((card for card in self.shown if card.row.id == payment_id), None)
