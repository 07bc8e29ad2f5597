"""A card of questions and answers, each answer beside its question, all wrapping."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel
from pytestqt.qtbot import QtBot

from ui.widgets.summary_card import SummaryCard


def test_each_answer_sits_beside_its_question_in_order(qtbot: QtBot) -> None:
    rows = [("What did you do?", "Meeting"), ("How long?", "1 hour 30 minutes")]
    card = SummaryCard(rows)
    qtbot.addWidget(card)
    grid = card.layout()
    assert isinstance(grid, QGridLayout)
    shown = [
        tuple(
            label.text()
            for column in (0, 1)
            if isinstance(label := grid.itemAtPosition(row, column).widget(), QLabel)
        )
        for row in range(grid.rowCount())
    ]
    assert shown == rows


def test_long_answers_wrap_and_nothing_takes_the_keyboard(qtbot: QtBot) -> None:
    card = SummaryCard([("Note", "A long note " * 20)])
    qtbot.addWidget(card)
    labels = card.findChildren(QLabel)
    assert labels and all(label.wordWrap() for label in labels)
    assert all(label.focusPolicy().value == 0 for label in labels)  # read, not operated
