"""Whether a card of "My records" shows all its text (for the screen tests)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

from ui.widgets.record_cards import CardDelegate, RecordCards, card_lines


def card_fits(cards: RecordCards, row: int) -> bool:
    """Every line of the card shows whole: wrapped to the card's width, within its height,
    and the card within the list's width (measured apart from the drawing code)."""
    rect = cards.card_rect(row)
    delegate = cards.itemDelegate()
    assert isinstance(delegate, CardDelegate)
    index = cards.model().index(row, 0)
    pad = delegate.padding()
    room = QRect(0, 0, rect.width() - 2 * pad, 10**5)
    needed = sum(
        QFontMetrics(delegate.line_font(index, number))
        .boundingRect(room, Qt.TextFlag.TextWordWrap, line)
        .height()
        for number, line in enumerate(card_lines(index))
    )
    return (
        needed + 2 * pad <= rect.height()
        and 0 <= rect.left()
        and rect.right() < cards.viewport().width()
    )
