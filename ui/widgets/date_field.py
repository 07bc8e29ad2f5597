"""A date box: type the day as the app shows it, or pick it on Qt's own calendar.

The box is plain text ("29 September 2026"), read by ``services.dates.parse_day`` when
the person presses Continue: a day that does not exist is refused, never moved to the
next month. A date after today is refused too, unless the field is about the future.
The Calendar button opens ``QCalendarWidget`` in a small window: arrow keys move, Enter
chooses, Escape closes; the chosen day fills the box.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QHBoxLayout,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app import clock
from desktop_app.errors import InvalidInput
from desktop_app.i18n import _, current_language
from desktop_app.services.dates import parse_day, show_day
from desktop_app.services.validation import DAYS_AHEAD_ALLOWED, check_date
from ui.widgets.buttons import PrimaryButton, SecondaryButton
from ui.widgets.money_field import select_all_on_focus


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class CalendarDialog(QDialog):
    """Qt's calendar in a small window, with "Use this day" and "Cancel"."""

    def __init__(self, parent: QWidget, current: date, latest: date) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Choose the day"))
        self.setModal(True)
        column = QVBoxLayout(self)
        # The window's size is set once, here: the offscreen and some real platforms
        # complain when a shown window's size limits change.
        column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setMaximumDate(_qdate(latest))
        self.calendar.setSelectedDate(_qdate(min(current, latest)))
        self.calendar.setAccessibleName(_("Choose the day"))
        self.calendar.setAccessibleDescription(
            _("Use the arrow keys to move, then press Enter to choose the day.")
        )
        column.addWidget(self.calendar)
        buttons = QHBoxLayout()
        self.use = PrimaryButton(_("Use this day"))
        self.cancel = SecondaryButton(_("Cancel"))
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.use)
        column.addLayout(buttons)
        self.use.clicked.connect(self.accept)
        self.cancel.clicked.connect(self.reject)
        self.calendar.activated.connect(lambda _day: self.accept())
        self.calendar.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(self.sizeHint())

    def chosen(self) -> date:
        day = self.calendar.selectedDate()
        return date(day.year(), day.month(), day.day())


class DateField(QWidget):
    """Type a day, or choose it with the Calendar button beside the box."""

    picked = Signal(object)

    def __init__(
        self,
        day: date | None = None,
        ahead: bool = False,
        language: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ahead = ahead
        self.language = language or current_language()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.edit = QLineEdit()
        self.edit.setMaxLength(60)
        self.edit.setPlaceholderText(self.example())
        self.calendar_button = SecondaryButton(_("Calendar"), _("Choose the day on a calendar"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.calendar_button)
        select_all_on_focus(self.edit)
        self.setFocusProxy(self.edit)
        QWidget.setTabOrder(self.edit, self.calendar_button)
        self.calendar_button.clicked.connect(self.open_calendar)
        self.dialog: CalendarDialog | None = None
        self.set_day(day)

    def example(self) -> str:
        return show_day(clock.today(), self.language)

    # A LabelledField names and describes the field it holds: pass it to the box.
    def setAccessibleName(self, name: str) -> None:  # noqa: N802 (Qt naming)
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)
        self.calendar_button.setAccessibleName(_("{field}: calendar").format(field=name))

    def setAccessibleDescription(self, description: str) -> None:  # noqa: N802 (Qt naming)
        super().setAccessibleDescription(description)
        self.edit.setAccessibleDescription(description)

    def setProperty(self, name: str, value: object) -> bool:  # noqa: N802 (Qt naming)
        if name == "invalid":  # the error style belongs on the box itself
            self.edit.setProperty(name, value)
            self.edit.style().unpolish(self.edit)
            self.edit.style().polish(self.edit)
        return super().setProperty(name, value)

    def text(self) -> str:
        return self.edit.text()

    def set_day(self, day: date | None) -> None:
        self.edit.setText(show_day(day, self.language) if day else "")

    def latest(self) -> date:
        today = clock.today()
        return today + timedelta(days=DAYS_AHEAD_ALLOWED) if self.ahead else today

    def day(self) -> date:
        """The typed day; raises ``InvalidInput`` with a plain sentence if it cannot be
        read, does not exist, or is after today (when the field is not about the future)."""
        return check_date(parse_day(self.edit.text(), self.language), ahead=self.ahead)

    def open_calendar(self) -> None:
        try:
            current = parse_day(self.edit.text(), self.language)
        except InvalidInput:  # an unreadable box starts the calendar on today
            current = clock.today()
        self.dialog = CalendarDialog(self, current, self.latest())
        self.dialog.accepted.connect(self._chosen)
        self.dialog.finished.connect(lambda _result: self.edit.setFocus())
        self.dialog.open()

    def _chosen(self) -> None:
        assert self.dialog is not None
        day = self.dialog.chosen()
        self.set_day(day)
        self.picked.emit(day)
