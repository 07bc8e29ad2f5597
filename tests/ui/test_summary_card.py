"""The card of questions and answers: side by side when there is room, one above another
when there is not, and never wider than the room it is given."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.widgets.buttons import LinkButton
from ui.widgets.summary_card import SummaryCard

LONG_DATE = "Today (Wednesday, 30 September 2026)"


def _card_in(qtbot: QtBot, width: int) -> tuple[QWidget, SummaryCard]:
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # a window sized by hand
    card = SummaryCard([("What you did", "Meeting")])
    card.add_row("When", LONG_DATE, LinkButton("Change", "Change: When"))
    column.addWidget(card)
    column.addStretch(1)
    qtbot.addWidget(holder)
    holder.resize(width, 900)
    holder.show()
    qtbot.waitExposed(holder)
    return holder, card


def _rect(widget: QWidget, card: SummaryCard) -> QRect:
    return QRect(widget.mapTo(card, QPoint(0, 0)), widget.size())


def _when_row(card: SummaryCard) -> tuple[QWidget, QWidget, QWidget]:
    question, answer, link = card._rows[1]
    assert link is not None
    return question, answer, link


def _side_by_side(card: SummaryCard) -> None:
    question, answer, link = (_rect(w, card) for w in _when_row(card))
    assert not card.is_stacked()
    assert question.right() < answer.left() and answer.right() < link.left()
    assert question.top() == answer.top() == link.top()


def _one_above_another(card: SummaryCard) -> None:
    question, answer, link = (_rect(w, card) for w in _when_row(card))
    assert card.is_stacked()
    assert question.bottom() < answer.top() and answer.bottom() < link.top()
    assert max(question.right(), answer.right(), link.right()) < card.width()


def test_with_room_each_answer_sits_beside_its_question(qtbot: QtBot) -> None:
    _holder, card = _card_in(qtbot, 900)
    qtbot.waitUntil(lambda: _side_by_side(card))


def test_without_room_the_question_goes_above_its_answer_and_the_date_wraps(
    qtbot: QtBot,
) -> None:
    holder, card = _card_in(qtbot, 900)
    narrow = card._side_by_side_width() - 1
    holder.resize(narrow, 900)
    qtbot.waitUntil(lambda: _one_above_another(card))
    assert card.width() <= narrow and card.minimumSizeHint().width() < narrow

    holder.resize(card.minimumSizeHint().width(), 900)
    qtbot.waitUntil(lambda: card.width() == card.minimumSizeHint().width())
    qtbot.waitUntil(lambda: _one_above_another(card))
    _question, answer_label, _link = _when_row(card)
    line = answer_label.fontMetrics().lineSpacing()
    assert answer_label.height() >= 2 * line, "the long date wraps onto more lines"


def test_given_room_again_the_columns_come_back(qtbot: QtBot) -> None:
    holder, card = _card_in(qtbot, 250)
    qtbot.waitUntil(lambda: _one_above_another(card))
    holder.resize(900, 900)
    qtbot.waitUntil(lambda: _side_by_side(card))
