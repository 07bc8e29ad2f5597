"""A duration stepper: big − and + buttons around Qt's own spin box, in 15-minute steps."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSpinBox, QVBoxLayout, QWidget

from desktop_app.i18n import _, ngettext
from ui.widgets.buttons import SecondaryButton

STEP = 15


def describe_minutes(minutes: int) -> str:
    """Plain words for a duration: "1 hour 30 minutes", "45 minutes", "no time"."""
    if minutes <= 0:
        return _("no time")
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(ngettext("{n} hour", "{n} hours", hours).format(n=hours))
    if rest:
        parts.append(ngettext("{n} minute", "{n} minutes", rest).format(n=rest))
    return " ".join(parts)


class DurationStepper(QWidget):
    """Choose a number of minutes without typing (typing works too)."""

    changed = Signal(int)

    def __init__(
        self, label: str, minimum: int = 0, maximum: int = 24 * 60, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._label = label
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        layout = QHBoxLayout()
        layout.setSpacing(12)
        column.addLayout(layout)
        self.less = SecondaryButton("\u2212", _("Take away 15 minutes"))
        self.less.setAccessibleName(_("Less time"))
        self.spin = QSpinBox()
        self.spin.setRange(minimum, maximum)
        self.spin.setSingleStep(STEP)
        self.spin.setSuffix(" " + _("min"))
        self.spin.setAccessibleName(label)
        self.spin.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.more = SecondaryButton("+", _("Add 15 minutes"))
        self.more.setAccessibleName(_("More time"))
        self.words = QLabel()
        self.words.setProperty("role", "h2")
        self.words.setWordWrap(True)
        for widget in (self.less, self.spin, self.more):
            layout.addWidget(widget)
        layout.addStretch(1)
        column.addWidget(self.words)  # on a line of its own, so large text still fits
        self.less.clicked.connect(lambda: self.spin.setValue(self.spin.value() - STEP))
        self.more.clicked.connect(lambda: self.spin.setValue(self.spin.value() + STEP))
        self.spin.valueChanged.connect(self._changed)
        self.setFocusProxy(self.spin)
        QWidget.setTabOrder(self.less, self.spin)
        QWidget.setTabOrder(self.spin, self.more)
        self._changed(self.spin.value())

    def _changed(self, value: int) -> None:
        words = describe_minutes(value)
        self.words.setText(words)
        self.spin.setAccessibleDescription(words)
        self.changed.emit(value)

    def value(self) -> int:
        return self.spin.value()

    def set_value(self, minutes: int) -> None:
        self.spin.setValue(minutes)
        self._changed(self.spin.value())

    def focus(self) -> None:
        self.spin.setFocus(Qt.FocusReason.OtherFocusReason)
