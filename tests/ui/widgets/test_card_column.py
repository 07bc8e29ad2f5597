"""The cards of a list page: the newest set replaces the last, and an empty list says so."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers.screens import in_window
from ui.widgets.card_column import CardColumn

EMPTY = "You have not added any products yet."


def _holder(qtbot: QtBot) -> tuple[QWidget, CardColumn]:
    holder = QWidget()
    column = CardColumn(EMPTY)
    holder.setLayout(column)
    return holder, column


def _texts(holder: QWidget) -> list[str]:
    return [
        label.text()
        for label in holder.findChildren(QLabel)
        if label.isVisibleTo(holder) and label.parent() is holder
    ]


def _shows(qtbot: QtBot, holder: QWidget, expected: list[str]) -> None:
    """Wait until the column shows ``expected`` (new cards show once control returns to Qt)."""

    def shown() -> None:
        assert _texts(holder) == expected

    qtbot.waitUntil(shown)


def test_no_cards_says_so_in_words(qtbot: QtBot) -> None:
    holder, column = _holder(qtbot)
    _window = in_window(qtbot, holder)
    column.show_cards([])
    _shows(qtbot, holder, [EMPTY])
    empty = holder.findChildren(QLabel)[0]
    assert empty.wordWrap()  # long words at 200% text wrap instead of being cut off


def test_cards_replace_what_was_shown_before_in_order(qtbot: QtBot) -> None:
    holder, column = _holder(qtbot)
    _window = in_window(qtbot, holder)
    column.show_cards([])
    column.show_cards([QLabel("Sleep handout"), QLabel("Pain toolkit")])
    _shows(qtbot, holder, ["Sleep handout", "Pain toolkit"])
    column.show_cards([QLabel("Webinar")])
    _shows(qtbot, holder, ["Webinar"])
    column.show_cards([])
    _shows(qtbot, holder, [EMPTY])


def test_showing_again_never_doubles_the_empty_words(qtbot: QtBot) -> None:
    holder, column = _holder(qtbot)
    _window = in_window(qtbot, holder)
    for _ in range(3):
        column.show_cards([])
    _shows(qtbot, holder, [EMPTY])
