"""A grid whose number of columns follows its width: as many as fit, down to one.

Qt's grid layout keeps the columns it is given, and Qt has no flow layout of its own.
``FlowGrid`` re-places its widgets in a ``QGridLayout`` when its width changes, always
row by row in the order they were added, so the reading order (and the Tab order set
in that same order) stays the same at every width and text size.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLayout, QWidget


class FlowGrid(QWidget):
    """Widgets in equal columns, as many columns as the widest widget allows."""

    def __init__(self, widgets: Sequence[QWidget] = (), spacing: int = 16) -> None:
        super().__init__()
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(spacing)
        # The grid's columns are chosen here, from the width: the layout must not make
        # the widget as wide as its current columns, or it could never get fewer.
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.widgets: list[QWidget] = list(widgets)
        self.columns = 0
        if self.widgets:
            self._place(1, force=True)  # once for all of them, as ``add`` would leave them

    def add(self, widget: QWidget) -> None:
        self.widgets.append(widget)
        self._place(max(self.columns, 1), force=True)

    def cell_width(self) -> int:
        """The width each column needs: the widest widget's preferred width."""
        return max((w.sizeHint().width() for w in self.widgets), default=1)

    def columns_for(self, width: int) -> int:
        spacing = self._grid.horizontalSpacing()
        fit = (width + spacing) // (self.cell_width() + spacing)
        return max(1, min(len(self.widgets), fit))

    def _place(self, columns: int, force: bool = False) -> None:
        if columns == self.columns and not force:
            return
        for widget in self.widgets:
            self._grid.removeWidget(widget)
        for column in range(max(self.columns, columns, 1)):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        for number, widget in enumerate(self.widgets):
            self._grid.addWidget(widget, number // columns, number % columns)
        self.columns = columns
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self._place(self.columns_for(event.size().width()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt naming)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the widgets' widths change with it
            self._place(self.columns_for(self.width()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """One column wide at least (it can always get down to one), as tall as now."""
        narrowest = max((w.minimumSizeHint().width() for w in self.widgets), default=0)
        return QSize(narrowest, self._grid.sizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(self._grid.sizeHint().width(), self._grid.sizeHint().height())
