"""A card of questions and answers (what was saved, what will print, check your answers).

Each line holds a question, its answer and, if given, a link such as "Change". Side by
side they need room. In a narrow window or at large text there is not enough, and a long
answer (a date like "Wednesday, 30 September 2026") would push the page wider than the
window. Then the card lays each question above its answer, with the link below, as the
GOV.UK summary list does on a small screen. Every answer wraps onto as many lines as it
needs, so the card is never wider than its longest word.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLayout, QWidget

_MARGINS = (20, 16, 20, 16)
_COLUMN_GAP = 24
_ROW_GAP = 12
_STACKED_GAP = 4
_RESTYLE_EVENTS = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LayoutRequest)


class SummaryCard(QFrame):
    """Questions and answers, one pair a line, each with an optional link after it."""

    def __init__(self, rows: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(*_MARGINS)
        # The card says how narrow it can go (see minimumSizeHint); the grid must not
        # hold it at the width of the side-by-side columns.
        self.grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._rows: list[tuple[QLabel, QLabel, QWidget | None]] = []
        self._stacked: bool | None = None
        for question, answer in rows:
            self.add_row(question, answer)

    def add_row(self, question: str, answer: str, link: QWidget | None = None) -> QLabel:
        """Add a line; returns the answer's label."""
        q = QLabel(question)
        q.setProperty("role", "h2")
        q.setWordWrap(True)
        a = QLabel(answer)
        a.setWordWrap(True)
        a.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._rows.append((q, a, link))
        self._stacked = None  # place the new line (the grid gives the widgets their parent)
        self._arrange()
        return a

    def clear(self) -> None:
        """Remove every line (their widgets are deleted)."""
        for row in self._rows:
            for widget in row:
                if widget is not None:
                    self.grid.removeWidget(widget)
                    widget.hide()
                    widget.deleteLater()
        self._rows = []
        self._stacked = None
        self._arrange()

    def is_stacked(self) -> bool:
        """True when each question sits above its answer (there is no room side by side)."""
        return bool(self._stacked)

    # -- layout ---------------------------------------------------------------------
    def _side_by_side_width(self) -> int:
        """The width the columns need: every question at the width it would like (one
        line, for a short one), every answer's longest word, and every link."""
        if not self._rows:
            return 0
        questions = max(q.sizeHint().width() for q, _a, _l in self._rows)
        answers = max(a.minimumSizeHint().width() for _q, a, _l in self._rows)
        links = [link.sizeHint().width() for _q, _a, link in self._rows if link is not None]
        width = _MARGINS[0] + _MARGINS[2] + questions + _COLUMN_GAP + answers
        if links:
            width += _COLUMN_GAP + max(links)
        return width

    def _stacked_width(self) -> int:
        """The narrowest the card can be: the widest single piece, one above another."""
        pieces = [w.minimumSizeHint().width() for row in self._rows for w in row if w is not None]
        return _MARGINS[0] + _MARGINS[2] + max(pieces, default=0)

    def _arrange(self) -> None:
        stacked = self.width() < self._side_by_side_width()
        if stacked == self._stacked:
            return
        self._stacked = stacked
        for row in self._rows:
            for widget in row:
                if widget is not None:
                    self.grid.removeWidget(widget)
        for line in range(self.grid.rowCount()):
            self.grid.setRowMinimumHeight(line, 0)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        if stacked:
            self._place_stacked()
        else:
            self._place_side_by_side()
        self.updateGeometry()

    def _place_side_by_side(self) -> None:
        self.grid.setHorizontalSpacing(_COLUMN_GAP)
        self.grid.setVerticalSpacing(_ROW_GAP)
        self.grid.setColumnStretch(1, 1)
        for line, (q, a, link) in enumerate(self._rows):
            self.grid.addWidget(q, line, 0)
            self.grid.addWidget(a, line, 1)
            if link is not None:
                self.grid.addWidget(link, line, 2)

    def _place_stacked(self) -> None:
        self.grid.setVerticalSpacing(_STACKED_GAP)
        self.grid.setColumnStretch(0, 1)
        for index, (q, a, link) in enumerate(self._rows):
            top = index * 4
            if index:
                self.grid.setRowMinimumHeight(top - 1, _ROW_GAP)
            self.grid.addWidget(q, top, 0)
            self.grid.addWidget(a, top + 1, 0)
            if link is not None:
                self.grid.addWidget(link, top + 2, 0, Qt.AlignmentFlag.AlignLeft)

    # -- Qt -------------------------------------------------------------------------
    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(self._stacked_width(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self._arrange()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in _RESTYLE_EVENTS:
            self._arrange()
        return handled
