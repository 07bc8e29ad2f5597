"""Record cards: each entry on a card whose lines wrap to the width, never cut off."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from desktop_app.services.records import TIME, EntryRow
from tests.helpers.record_cards import card_fits
from tests.helpers.screens import in_window
from ui.records_model import RecordsModel
from ui.widgets.record_cards import CardsModel, RecordCards

NOTE = "Read the draft, wrote my comments and talked them through with the team at length."


def _entries(count: int) -> list[EntryRow]:
    return [
        EntryRow(
            id=f"e{n}",
            type=TIME,
            date=date(2024, 3, 28 - n),
            what="meeting",
            minutes=16 * 60 + 15,
            amount_minor=0,
            currency="",
            status="draft",
            note=NOTE if n % 2 else "",
            project_id="p1",
            created_at=datetime(2024, 3, 28),
        )
        for n in range(count)
    ]


def _cards(qtbot: QtBot, width: int) -> tuple[RecordCards, object]:
    rows = _entries(5)
    model = RecordsModel(lambda after, limit: [] if after else rows, 5, {}, {"p1": "Pain Care"})
    cards = RecordCards()
    cards.setAccessibleName("Your records")
    cards.setModel(CardsModel(model))
    model.fetchMore()
    window = in_window(qtbot, cards, width=width)
    window.resize(width, 900)
    return cards, window


def test_cards_are_sound_and_their_lines_wrap_at_any_width(qtbot: QtBot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    cards, _window = _cards(qtbot, 900)
    qtmodeltester.check(cards.model())
    rows = cards.model().rowCount()
    assert rows == 6  # March 2024, then five entries
    wide = cards.card_rect(2).height()
    for width in (900, 320):
        _window.resize(width, 900)  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda w=width: cards.viewport().width() < w)
        for row in range(rows):
            qtbot.waitUntil(lambda r=row: card_fits(cards, r))
    assert cards.card_rect(2).height() > wide  # the note wrapped onto more lines


def test_each_card_is_a_list_item_named_by_the_whole_entry(qtbot: QtBot) -> None:
    cards, _window = _cards(qtbot, 600)
    node = QAccessible.queryAccessibleInterface(cards)
    assert node.role() == QAccessible.Role.List
    item = node.child(2)
    assert item.role() == QAccessible.Role.ListItem
    assert item.text(QAccessible.Text.Name) == (
        "Wednesday, 27 March 2024. Meeting. 16 hours 15 minutes. Project: Pain Care. "
        f"Status: Not sent yet. Note: {NOTE}"
    )
