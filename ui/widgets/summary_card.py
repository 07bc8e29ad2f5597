"""A card of questions and answers, one pair a line (what was saved, what will print)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel


class SummaryCard(QFrame):
    def __init__(self, rows: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.setProperty("role", "card")
        grid = QGridLayout(self)
        grid.setContentsMargins(20, 16, 20, 16)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(24)
        for index, (question, answer) in enumerate(rows):
            q = QLabel(question)
            q.setProperty("role", "h2")
            q.setWordWrap(True)
            a = QLabel(answer)
            a.setWordWrap(True)
            grid.addWidget(q, index, 0)
            grid.addWidget(a, index, 1)
