"""A money box: a plain text box with the currency beside it, read to the cent.

No spin arrows, so the mouse wheel never changes an amount, and no hidden mask that
drops letters or moves the decimal point: what is typed is read by
``services.amounts.parse_amount`` when the person presses Continue, and refused with a
plain reason if it cannot be read exactly. Focusing the box selects its text, so typing
replaces the amount instead of adding to it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop_app.i18n import _, current_language
from desktop_app.services.amounts import parse_amount, show_amount


def select_all_on_focus(edit: QLineEdit) -> None:
    """Select the whole text whenever ``edit`` takes the keyboard (by Tab, click or code)."""
    edit.installEventFilter(_SelectAll(edit))


class _SelectAll(QObject):
    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self._edit = edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if event.type() == QEvent.Type.FocusIn:
            # After the click that gave the focus has placed the cursor.
            QTimer.singleShot(0, self._edit, self._edit.selectAll)
        return False


class MoneyField(QWidget):
    """Type an amount of money; the currency code shows beside the box, not inside it."""

    def __init__(
        self, currency: str, language: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.currency = currency.upper()
        self.language = language or current_language()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.edit = QLineEdit()
        self.edit.setMaxLength(40)
        self.currency_label = QLabel(self.currency)
        self.currency_label.setProperty("role", "h2")
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.currency_label)
        layout.addStretch(1)
        select_all_on_focus(self.edit)
        self.setFocusProxy(self.edit)
        self._description = ""
        self.setAccessibleDescription("")

    # A LabelledField names and describes the field it holds: pass it to the box.
    def setAccessibleName(self, name: str) -> None:  # noqa: N802 (Qt naming)
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def setAccessibleDescription(self, description: str) -> None:  # noqa: N802 (Qt naming)
        in_currency = _("In {currency}.").format(currency=self.currency)
        super().setAccessibleDescription(description)
        self.edit.setAccessibleDescription(f"{description} {in_currency}".strip())

    def setProperty(self, name: str, value: Any) -> bool:  # noqa: N802 (Qt naming)
        if name == "invalid":  # the error style belongs on the box itself
            self.edit.setProperty(name, value)
            self.edit.style().unpolish(self.edit)
            self.edit.style().polish(self.edit)
        return super().setProperty(name, value)

    def text(self) -> str:
        return self.edit.text()

    def set_amount(self, amount_minor: int | None) -> None:
        """Show an amount (whole cents), or an empty box for None."""
        if amount_minor is None:
            self.edit.clear()
            return
        self.edit.setText(show_amount(amount_minor, self.currency, self.language).split(" ", 1)[1])

    def amount(self) -> int:
        """The typed amount in whole cents; raises ``InvalidInput`` saying what is wrong."""
        return parse_amount(self.edit.text(), self.language, self.currency)

    def shown(self, amount_minor: int) -> str:
        """An amount as this field's language writes it: "CAD 1,250.00"."""
        return show_amount(amount_minor, self.currency, self.language)
