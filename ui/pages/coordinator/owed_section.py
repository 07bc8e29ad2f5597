"""What each partner is owed for the chosen project and dates, before anything is paid.

The figures are the ones ``partner-log owed`` prints: the approved entries no live
payment pays yet, their hours (one decimal place, rounded half up) and the amount under
the project's pay rules. They are gathered off the UI thread (``gather_owed``) and shown
here as one short card per partner.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop_app.i18n import _, current_language, ngettext
from desktop_app.reports.formatting import hours
from desktop_app.services import owed, pay_rules
from desktop_app.services.amounts import show_amount
from desktop_app.services.dates import show_day
from desktop_app.services.pay_rules import PayRules
from ui.widgets.card_column import CardColumn


@dataclass(frozen=True)
class PartnerOwed:
    """One partner's approved time not paid yet, and what it is owed."""

    person_id: str
    person: str
    entry_ids: tuple[str, ...]
    days: tuple[date, ...]
    minutes: int
    amount_minor: int
    currency: str


@dataclass(frozen=True)
class CostsOwed:
    """One partner's approved costs not paid back yet."""

    count: int
    amount_minor: int


@dataclass(frozen=True)
class OwedView:
    project_id: str
    start: date
    end: date
    rules: PayRules
    time: dict[str, PartnerOwed] = field(default_factory=dict)
    costs: dict[str, CostsOwed] = field(default_factory=dict)


def gather_owed(session: Any, project_id: str, start: date, end: date) -> OwedView:
    """What each partner is owed for the project's approved entries from ``start`` to
    ``end`` (run it through ``AppContext.call``)."""
    rules = pay_rules.rules_for(session, project_id)
    days: dict[str, date] = {
        entry.id: entry.date
        for entry in owed.payable_activities(session, None, project_id, start, end)
    }
    time = {
        row.person_id: PartnerOwed(
            row.person_id,
            row.person,
            row.entry_ids,
            tuple(days[i] for i in row.entry_ids if i in days),
            row.minutes,
            row.amount_minor,
            row.currency,
        )
        for row in owed.owed(session, project_id=project_id, start=start, end=end)
    }
    costs: dict[str, CostsOwed] = {}
    for cost in owed.payable_expenses(session, None, project_id, start, end):
        if cost.currency != rules.currency:
            continue
        before = costs.get(cost.person_id, CostsOwed(0, 0))
        costs[cost.person_id] = CostsOwed(before.count + 1, before.amount_minor + cost.amount_minor)
    return OwedView(project_id, start, end, rules, time, costs)


def money(amount_minor: int, currency: str) -> str:
    return show_amount(amount_minor, currency, current_language())


def entries_words(count: int) -> str:
    return ngettext("{n} entry", "{n} entries", count).format(n=count)


def rate_words(rules: PayRules) -> str:
    """ "CAD 30.00 an hour", or that no rate is set."""
    if not rules.rate_minor:
        return _("no rate set")
    return _("{rate} an hour").format(rate=money(rules.rate_minor, rules.currency))


def partner_lines(row: PartnerOwed, rules: PayRules) -> list[str]:
    """The lines of a partner's card: name, entries and hours at the rate, then owed."""
    language = current_language()
    return [
        row.person,
        _("{entries}, {hours} hours, at {rate}.").format(
            entries=entries_words(len(row.entry_ids)),
            hours=hours(row.minutes),
            rate=rate_words(rules),
        ),
        _("Days: {days}.").format(days=", ".join(show_day(d, language) for d in row.days)),
        _("Owed {amount}.").format(amount=money(row.amount_minor, row.currency)),
    ]


class OwedSection(QWidget):
    """A heading, then one card per partner owed for approved time in the dates."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        self.heading = QLabel(_("Who is owed for these dates"))
        self.heading.setProperty("role", "h2")
        self.heading.setWordWrap(True)
        column.addWidget(self.heading)
        self.cards = CardColumn(_("Nobody is owed anything for approved time in these dates."))
        self.cards.setSpacing(12)
        column.addLayout(self.cards)
        self.show_message(_("Working out what is owed\u2026"))

    def show_message(self, text: str) -> None:
        """Words in place of the cards (while counting, or when the dates are wrong)."""
        note = QLabel(text)
        note.setWordWrap(True)
        self.cards.show_cards([note])

    def show_view(self, view: OwedView) -> None:
        rows = sorted(view.time.values(), key=lambda r: (r.person.casefold(), r.person_id))
        self.cards.show_cards([_card(partner_lines(row, view.rules)) for row in rows])

    def texts(self) -> list[str]:
        """What the section says, card by card (for tests and screen-reader checks)."""
        found = []
        for index in range(self.cards.count()):
            item = self.cards.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                found.append(" ".join(label.text() for label in _labels(widget)))
        return found


def _labels(widget: QWidget) -> list[QLabel]:
    if isinstance(widget, QLabel):
        return [widget]
    return widget.findChildren(QLabel)


def _card(lines: list[str]) -> QFrame:
    card = QFrame()
    card.setProperty("role", "card")
    inside = QVBoxLayout(card)
    inside.setContentsMargins(20, 16, 20, 16)
    inside.setSpacing(4)
    for number, line in enumerate(lines):
        label = QLabel(line)
        label.setWordWrap(True)
        if number == 0:
            label.setProperty("role", "h2")
        inside.addWidget(label)
    return card
