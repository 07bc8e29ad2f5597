"""The "Record a payment" part of the payments page: who, how much, why, how and when.

Choosing a partner fills the amount with exactly what they are owed for the dates
shown (time for "Pay for my time", costs for "Money back for costs"). The amount can
be changed; then the page says plainly that a reason is needed. "Not paid, by choice"
needs no amount: the partner's entries are marked as declined.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from desktop_app import clock
from desktop_app.errors import InvalidInput
from desktop_app.i18n import _, ngettext
from desktop_app.labels import label
from desktop_app.model import PaymentKind, PaymentMethod
from desktop_app.reports.formatting import hours
from ui.pages.coordinator.owed_section import OwedView, entries_words, money, rate_words
from ui.widgets.buttons import PrimaryButton
from ui.widgets.date_field import DateField
from ui.widgets.fields import LabelledField, narrow
from ui.widgets.money_field import MoneyField
from ui.widgets.page import Page


@dataclass(frozen=True)
class OwedNow:
    """What the chosen partner is owed for the chosen kind of payment."""

    amount_minor: int
    currency: str
    entry_ids: tuple[str, ...] | None


class PaymentForm:
    """Adds the payment's fields, the Record button and its message to ``page``."""

    def __init__(self, page: Page, partners: list[tuple[str, str]]) -> None:
        self.view: OwedView | None = None
        self.heading = QLabel(_("Record a payment"))
        self.heading.setProperty("role", "h2")
        self.heading.setWordWrap(True)
        page.body.addWidget(self.heading)
        self.person = narrow(QComboBox())
        for name, person_id in partners:
            self.person.addItem(name, person_id)
        self.kind = narrow(QComboBox())
        for kind in PaymentKind:
            self.kind.addItem(label(kind), kind.value)
        self.owed_line = QLabel()
        self.owed_line.setWordWrap(True)
        self.amount = MoneyField("CAD")
        self.differs = QLabel()
        self.differs.setWordWrap(True)
        self.differs.setProperty("role", "hint")
        self.reason = QLineEdit()
        self.reason.setMaxLength(2000)
        self.method = narrow(QComboBox())
        for method in PaymentMethod:
            self.method.addItem(label(method), method.value)
        self.paid_on = DateField(clock.today())
        self.reference = QLineEdit()
        self.reference.setMaxLength(200)
        page.add_field("person", LabelledField(_("Who was paid"), self.person))
        page.add_field("kind", LabelledField(_("What it is for"), self.kind))
        page.body.addWidget(self.owed_line)
        page.add_field("amount", LabelledField(_("Amount"), self.amount))
        page.body.addWidget(self.differs)
        self.differs.hide()
        page.add_field(
            "reason",
            LabelledField(
                _("Why is it different?"),
                self.reason,
                _("Needed only when the amount is not what is owed."),
            ),
        )
        page.add_field("method", LabelledField(_("How it was paid"), self.method))
        page.add_field("paid_on", LabelledField(_("Paid on"), self.paid_on))
        page.add_field("reference", LabelledField(_("Reference (optional)"), self.reference))
        self.record = PrimaryButton(_("Record this payment"))
        page.body.addWidget(self.record)
        self.done = QLabel()
        self.done.setWordWrap(True)
        self.done.setProperty("role", "success")
        page.body.addWidget(self.done)
        self.person.currentIndexChanged.connect(lambda _i: self.fill())
        self.kind.currentIndexChanged.connect(lambda _i: self.fill())
        self.method.currentIndexChanged.connect(lambda _i: self._method_changed())
        self.amount.edit.textChanged.connect(lambda _t: self._compare())

    def controls(self) -> list[QWidget]:
        """The form's controls in reading order (for the page's tab order)."""
        return [
            self.person,
            self.kind,
            self.amount.edit,
            self.reason,
            self.method,
            self.paid_on.edit,
            self.paid_on.calendar_button,
            self.reference,
            self.record,
        ]

    # -- what is owed -------------------------------------------------------------------
    def show_view(self, view: OwedView) -> None:
        """New figures: fill the amount again for the partner chosen."""
        self.view = view
        self.amount.currency = view.rules.currency
        self.amount.currency_label.setText(view.rules.currency)
        self.fill()

    def declined(self) -> bool:
        return self.method.currentData() == PaymentMethod.DECLINED.value

    def owed_now(self) -> OwedNow | None:
        """What the chosen partner is owed, or None while the figures are not in yet."""
        if self.view is None:
            return None
        who = self.person.currentData() or ""
        currency = self.view.rules.currency
        if self.kind.currentData() == PaymentKind.REIMBURSEMENT.value:
            costs = self.view.costs.get(who)
            return OwedNow(costs.amount_minor if costs else 0, currency, None)
        time = self.view.time.get(who)
        if time is None:
            return OwedNow(0, currency, ())
        return OwedNow(time.amount_minor, time.currency, time.entry_ids)

    def entry_ids(self) -> list[str] | None:
        """The entries shown as owed to the chosen partner: the ones the payment pays."""
        now = self.owed_now()
        return None if now is None or now.entry_ids is None else list(now.entry_ids)

    def fill(self) -> None:
        """Put exactly what is owed in the amount box, and say what it is for."""
        now = self.owed_now()
        if now is None or self.view is None:
            return
        name = self.person.currentText()
        who = self.person.currentData() or ""
        self.amount.set_amount(now.amount_minor or None)
        if now.amount_minor == 0:
            self.owed_line.setText(_("{name} is owed nothing for these dates.").format(name=name))
        elif now.entry_ids is None:
            costs = self.view.costs[who]
            self.owed_line.setText(
                ngettext(
                    "{name} is owed {amount} back for {n} cost.",
                    "{name} is owed {amount} back for {n} costs.",
                    costs.count,
                ).format(name=name, amount=money(now.amount_minor, now.currency), n=costs.count)
            )
        else:
            time = self.view.time[who]
            self.owed_line.setText(
                _("{name} is owed {amount} for {entries}: {hours} hours at {rate}.").format(
                    name=name,
                    amount=money(now.amount_minor, now.currency),
                    entries=entries_words(len(time.entry_ids)),
                    hours=hours(time.minutes),
                    rate=rate_words(self.view.rules),
                )
            )
        self._method_changed()

    def typed_amount(self) -> int | None:
        """The amount typed, in cents; None for an empty box (pay exactly what is owed)."""
        if self.declined() or not self.amount.text().strip():
            return None
        try:
            return self.amount.amount()
        except InvalidInput as problem:
            raise InvalidInput(problem.message, field="amount") from None

    def _method_changed(self) -> None:
        declined = self.declined()
        self.amount.setEnabled(not declined)
        self._compare()

    def _compare(self) -> None:
        """Say plainly when the amount typed is not what is owed, so a reason is needed."""
        now = self.owed_now()
        text = ""
        if self.declined():
            text = _("Nothing is paid. The entries are marked as not paid, by choice.")
        elif now is not None and now.amount_minor and self.amount.text().strip():
            try:
                typed = self.amount.amount()
            except InvalidInput:
                typed = now.amount_minor
            if typed != now.amount_minor:
                text = _("This is not the {owed} owed. Say why in the box below.").format(
                    owed=money(now.amount_minor, now.currency)
                )
        self.differs.setText(text)
        self.differs.setVisible(bool(text))

    def recorded(self, amount_minor: int, currency: str, count: int) -> None:
        """Say what was recorded, and empty the reason for the next payment."""
        name = self.person.currentText()
        if self.declined():
            text = ngettext(
                "Recorded that {name} chose not to be paid for {n} entry.",
                "Recorded that {name} chose not to be paid for {n} entries.",
                count,
            )
        else:
            text = ngettext(
                "Paid {name} {amount} for {n} entry.",
                "Paid {name} {amount} for {n} entries.",
                count,
            )
        self.done.setText(text.format(name=name, amount=money(amount_minor, currency), n=count))
        self.reason.clear()
