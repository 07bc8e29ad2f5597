"""Which project and which partner the review list shows: two drop-down lists with "All".

They sit side by side when there is room, one above the other when there is not (a
small window, or large text).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QComboBox, QLayout, QWidget

from desktop_app.i18n import _
from desktop_app.services.review_queue import QueueRow
from ui.widgets.fields import LabelledField, narrow

_GAP = 16


class ReviewFilters(QWidget):
    """``changed`` is emitted when the person picks another project or partner."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = narrow(QComboBox())
        self.partner = narrow(QComboBox())
        self.fields = [
            LabelledField(_("Project"), self.project),
            LabelledField(_("Partner"), self.partner),
        ]
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(_GAP)
        # The row says how narrow it can go (see minimumSizeHint); the layout must not
        # hold it at the width of the two lists side by side.
        self.row.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        for field in self.fields:
            self.row.addWidget(field, 1)
        for combo in (self.project, self.partner):
            combo.addItem(_("All"), None)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def fill(self, rows: list[QueueRow]) -> None:
        """Offer the projects and partners that have entries waiting; keep the choice
        made if it is still there, else go back to All."""
        projects = {row.project_id: row.project or _("No project") for row in rows}
        partners = {row.person_id: row.person for row in rows}
        before = self.chosen()
        for combo, choices in ((self.project, projects), (self.partner, partners)):
            combo.blockSignals(True)
            kept = combo.currentData()
            combo.clear()
            combo.addItem(_("All"), None)
            for key, name in sorted(choices.items(), key=lambda item: item[1].casefold()):
                combo.addItem(name, key)
            found = combo.findData(kept) if kept is not None else 0
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)
        if self.chosen() != before:
            self.changed.emit()

    def chosen(self) -> tuple[str | None, str | None]:
        """The project id and the partner id chosen (None for All)."""
        return self.project.currentData(), self.partner.currentData()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        narrowest = max(f.minimumSizeHint().width() for f in self.fields)
        return QSize(narrowest, self.row.minimumSize().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        needed = sum(f.minimumSizeHint().width() for f in self.fields) + _GAP
        wide = event.size().width() >= needed
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.row.direction() != direction:
            self.row.setDirection(direction)
            self.updateGeometry()
