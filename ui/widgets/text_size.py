"""Text size from 100% to 200%, with a live preview, using Qt's own slider."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from desktop_app.i18n import _
from desktop_app.settings import Preferences
from ui.widgets.buttons import SecondaryButton

STEPS = (100, 125, 150, 175, 200)


class TextSizeControl(QWidget):
    """Smaller / bigger buttons around a slider; ``changed`` gives the scale (1.0 to 2.0)."""

    changed = Signal(float)

    def __init__(self, scale: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.smaller = SecondaryButton(_("Smaller"))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, len(STEPS) - 1)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setAccessibleName(_(Preferences.text_scale.title))
        self.bigger = SecondaryButton(_("Bigger"))
        self.value_label = QLabel()
        self.value_label.setProperty("role", "h2")
        for widget in (self.smaller, self.slider, self.bigger, self.value_label):
            layout.addWidget(widget)
        layout.setStretch(1, 1)
        self.set_scale(scale)
        self.slider.valueChanged.connect(self._moved)
        self.smaller.clicked.connect(lambda: self.slider.setValue(self.slider.value() - 1))
        self.bigger.clicked.connect(lambda: self.slider.setValue(self.slider.value() + 1))
        self.setFocusProxy(self.slider)

    def scale(self) -> float:
        return STEPS[self.slider.value()] / 100

    def set_scale(self, scale: float) -> None:
        percent = round(scale * 100)
        index = min(range(len(STEPS)), key=lambda i: abs(STEPS[i] - percent))
        self.slider.setValue(index)
        self._show(index)

    def _show(self, index: int) -> None:
        text = f"{STEPS[index]}%"
        self.value_label.setText(text)
        self.slider.setAccessibleDescription(text)

    def _moved(self, index: int) -> None:
        self._show(index)
        self.changed.emit(self.scale())
