"""A check box whose label wraps, named for screen readers by that label."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QSizePolicy, QWidget

from ui.widgets.reflow import Reflow

#: Indicator, the space after it, padding and the focus border (see ``ui/theme.py``).
CHECK_BOX_CHROME_PX = 28 + 12 + 2 * 8 + 2 * 3


class CheckBox(Reflow, QCheckBox):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        QCheckBox.__init__(self, text, parent)
        self._init_reflow(text)
        self.chrome_px = CHECK_BOX_CHROME_PX
        self.setAccessibleName(text)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
