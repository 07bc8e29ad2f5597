"""The cards of a list page, one under another, put in afresh each time it is shown."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class CardColumn(QVBoxLayout):
    """A column of cards that says ``empty_text`` when there are none."""

    def __init__(self, empty_text: str) -> None:
        super().__init__()
        self.empty_text = empty_text
        self._shown: list[QWidget] = []

    def show_cards(self, cards: Sequence[QWidget]) -> None:
        """Put ``cards`` in place of what was shown before (or the empty words)."""
        for widget in self._shown:
            self.removeWidget(widget)
            widget.deleteLater()
        self._shown = list(cards)
        if not self._shown:
            empty = QLabel(self.empty_text)
            empty.setWordWrap(True)
            self._shown.append(empty)
        for widget in self._shown:
            self.addWidget(widget)
