"""A duration stepper: big − and + buttons around a box, in 15-minute steps.

The box is plain text, so the time can be typed as people write it ("1:30", "1 h 30",
"90") and is read by ``services.durations.parse_minutes``: letters are never dropped
silently, and the mouse wheel never changes it. The Up and Down keys step by 15 minutes,
like the buttons.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from desktop_app.errors import InvalidInput
from desktop_app.i18n import _
from desktop_app.services.durations import describe, parse_minutes, short
from ui.widgets.buttons import SecondaryButton
from ui.widgets.money_field import select_all_on_focus

STEP = 15


def describe_minutes(minutes: int) -> str:
    """Plain words for a duration: "1 hour 30 minutes", "45 minutes", "no time"."""
    return describe(minutes)


class _MinutesBox(QLineEdit):
    """A text box where Up and Down step the time, as the buttons do."""

    stepped = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        if event.key() == Qt.Key.Key_Up:
            self.stepped.emit(STEP)
        elif event.key() == Qt.Key.Key_Down:
            self.stepped.emit(-STEP)
        else:
            super().keyPressEvent(event)


class DurationStepper(QWidget):
    """Choose a number of minutes without typing (typing works too)."""

    changed = Signal(int)

    def __init__(
        self, label: str, minimum: int = 0, maximum: int = 24 * 60, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._label = label
        self.minimum, self.maximum = minimum, maximum
        self._last = minimum
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        layout = QHBoxLayout()
        layout.setSpacing(12)
        column.addLayout(layout)
        self.less = SecondaryButton("\u2212", _("Take away 15 minutes"))
        self.less.setAccessibleName(_("Less time"))
        self.box = _MinutesBox()
        self.box.setMaxLength(40)
        self.box.setAccessibleName(label)
        self.box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.more = SecondaryButton("+", _("Add 15 minutes"))
        self.more.setAccessibleName(_("More time"))
        self.words = QLabel()
        self.words.setProperty("role", "h2")
        self.words.setWordWrap(True)
        for widget in (self.less, self.box, self.more):
            layout.addWidget(widget)
        layout.addStretch(1)
        column.addWidget(self.words)  # on a line of its own, so large text still fits
        self.less.clicked.connect(lambda: self._step(-STEP))
        self.more.clicked.connect(lambda: self._step(STEP))
        self.box.stepped.connect(self._step)
        self.box.textChanged.connect(self._typed)
        select_all_on_focus(self.box)
        self.setFocusProxy(self.box)
        QWidget.setTabOrder(self.less, self.box)
        QWidget.setTabOrder(self.box, self.more)
        self.set_value(minimum)

    def _step(self, by: int) -> None:
        try:
            now = parse_minutes(self.box.text())
        except InvalidInput:
            now = self._last
        self.set_value(now + by)

    def _typed(self, text: str) -> None:
        try:
            minutes = parse_minutes(text)
        except InvalidInput:
            words = ""
        else:
            words = describe_minutes(minutes)
            self._last = minutes
        self.words.setText(words)
        self.box.setAccessibleDescription(words)
        if words:
            self.changed.emit(self._last)

    def value(self) -> int:
        """The minutes in the box; raises ``InvalidInput`` saying why it cannot be read."""
        minutes = parse_minutes(self.box.text())
        if minutes < self.minimum:
            raise InvalidInput(_("Enter how long it took."), field="minutes")
        return minutes

    def set_value(self, minutes: int) -> None:
        text = short(max(self.minimum, min(self.maximum, minutes)))
        if self.box.text() == text:
            self._typed(text)
        else:
            self.box.setText(text)  # says the time in words through textChanged

    # A LabelledField names the field it holds: the box is what a screen reader hears.
    def setAccessibleName(self, name: str) -> None:  # noqa: N802 (Qt naming)
        super().setAccessibleName(name)
        self.box.setAccessibleName(name)

    def focus(self) -> None:
        self.box.setFocus(Qt.FocusReason.OtherFocusReason)
