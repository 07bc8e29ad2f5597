""" "My records" as a list of cards, for large text and narrow windows.

A table cuts its cells off when the text is large ("16 hour", "CAD 12.") and pushes
columns past the window's edge. Here each entry is a card: every fact on a line of its
own, wrapped to the width there is, never cut. It is Qt's own list view, so screen
readers hear a list of items, each named by the whole entry, and the arrow keys move
from card to card.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.records_model import CARD_LINES_ROLE

Index = QModelIndex | QPersistentModelIndex
_TEXT_FLAGS = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def card_lines(index: Index) -> list[str]:
    lines = index.data(CARD_LINES_ROLE)
    return list(lines) if lines else []


class CardsModel(QIdentityProxyModel):
    """The records model as cards: the first column names the whole entry."""

    def __init__(self, source: QAbstractItemModel) -> None:
        super().__init__()
        self.source = source  # kept alive as long as the cards show it
        self.setSourceModel(source)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            index.isValid()
            and index.column() == 0
            and role
            in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.AccessibleTextRole,
            )
        ):
            # What a screen reader says for the card: every line, as sentences.
            return ". ".join(line.rstrip(".") for line in card_lines(index)) + "."
        return super().data(index, role)


class CardDelegate(QStyledItemDelegate):
    """Draws a card: a frame, then each line wrapped to the card's width."""

    def __init__(self, view: RecordCards) -> None:
        super().__init__(view)
        self.view = view

    def padding(self) -> int:
        return QFontMetrics(self.view.font()).height() // 2

    def text_width(self) -> int:
        """Room for text inside a card as wide as the list."""
        width = self.view.viewport().width() - 2 * self.view.spacing()
        return max(width - 2 * self.padding(), 40)

    def line_font(self, index: Index, line: int) -> QFont:
        font = QFont(self.view.font())
        is_month = not (index.flags() & Qt.ItemFlag.ItemIsSelectable)
        font.setBold(line == 0 or is_month)
        return font

    def line_rects(self, index: Index, left: int, top: int) -> list[tuple[QRect, str, QFont]]:
        """Where each line goes, wrapped to ``text_width``: (rectangle, text, font)."""
        placed, width = [], self.text_width()
        for number, line in enumerate(card_lines(index)):
            font = self.line_font(index, number)
            needed = QFontMetrics(font).boundingRect(QRect(0, 0, width, 100_000), _TEXT_FLAGS, line)
            rect = QRect(left, top, width, needed.height())
            placed.append((rect, line, font))
            top += needed.height()
        return placed

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        lines = self.line_rects(index, 0, 0)
        height = sum(rect.height() for rect, _t, _f in lines) + 2 * self.padding()
        return QSize(self.text_width() + 2 * self.padding(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        palette = self.view.palette()
        rect = option.rect
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        current = bool(state & QStyle.StateFlag.State_HasFocus) and self.view.hasFocus()
        painter.save()
        background = palette.highlight() if selected else palette.base()
        painter.fillRect(rect, background)
        # A thick border marks the card the keyboard is on; a thin one frames the others.
        border = max(2, self.padding() // 3) if current else 1
        painter.setPen(QPen(palette.text().color(), border))
        half = border // 2
        painter.drawRect(rect.adjusted(half, half, -half - 1, -half - 1))
        text_colour = palette.highlightedText() if selected else palette.text()
        painter.setPen(text_colour.color())
        pad = self.padding()
        for line_rect, line, font in self.line_rects(index, rect.left() + pad, rect.top() + pad):
            painter.setFont(font)
            painter.drawText(line_rect, _TEXT_FLAGS, line)
        painter.restore()


class RecordCards(QListView):
    """One card per entry (and a heading card per month), in the records model's order.

    Enter on a card gives ``activated``, as on a row of the table; Delete gives
    ``delete_requested`` with the card's index.
    """

    delete_requested = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setSpacing(4)
        self.setItemDelegate(CardDelegate(self))

    def card_rect(self, row: int) -> QRect:
        model = self.model()
        return self.visualRect(model.index(row, 0)) if model is not None else QRect()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        if event.key() == Qt.Key.Key_Delete and self.currentIndex().isValid():
            self.delete_requested.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        # Every card's height depends on the width: wrap them all again.
        self.scheduleDelayedItemsLayout()
