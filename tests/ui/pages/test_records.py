"""My records: open an entry, change it, delete it and undo that."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from desktop_app.services import activities
from tests.helpers.page_tour import visit
from tests.helpers.record_cards import card_fits
from tests.helpers.screens import Opener, current, wait_for_page, wait_until_still
from ui.context import AppContext
from ui.pages.add_time.check import CheckPage, DonePage
from ui.pages.entry_detail import EntryDetailPage
from ui.pages.records import RecordsPage


def test_records_change_then_delete_and_undo(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    ctx.call(activities.record_activity, date=date(2024, 3, 4), minutes=60, kind="meeting")
    records = visit(ctx, "records")
    assert isinstance(records, RecordsPage)
    assert records.model.is_month(0) and "March 2024" in records.model.data(
        records.model.index(0, 0)
    )
    records.open_button.click()
    detail = current(ctx)
    assert isinstance(detail, EntryDetailPage)
    detail.change_button.click()
    check = current(ctx)
    assert isinstance(check, CheckPage)
    check.links["minutes"].click()
    current(ctx).tiles.tile_for(90).click()  # type: ignore[attr-defined]
    check.continue_button.click()  # type: ignore[union-attr]
    assert isinstance(current(ctx), DonePage)
    (entry,) = ctx.call(activities.list_activities)
    assert entry.minutes == 90

    records = visit(ctx, "records")
    records.open_button.click()  # type: ignore[attr-defined]
    detail = current(ctx)
    detail.delete_button.click()  # type: ignore[attr-defined]
    assert wait_for_page(qtbot, ctx, leaving=detail) is records
    assert ctx.call(activities.list_activities) == []
    assert records.banner.isVisible() and records.undo_button.hasFocus()  # type: ignore
    records.undo_button.click()  # type: ignore[attr-defined]
    (restored,) = ctx.call(activities.list_activities)
    assert restored.minutes == 90


def _record(ctx: AppContext, day: int, minutes: int, note: str = "") -> None:
    ctx.call(
        activities.record_activity,
        date=date(2024, 3, day),
        minutes=minutes,
        kind="meeting",
        note=note,
    )


def test_note_header_still_reaches_the_edge_after_a_delete(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    _record(ctx, 4, 60, "Short")
    _record(ctx, 5, 30, "Short too")
    records = wait_until_still(qtbot, visit(ctx, "records"))
    assert isinstance(records, RecordsPage) and records.table.isVisible()
    qtbot.mouseClick(records.open_button, Qt.MouseButton.LeftButton)
    detail = wait_for_page(qtbot, ctx, leaving=records, kind=EntryDetailPage)
    qtbot.mouseClick(detail.delete_button, Qt.MouseButton.LeftButton)
    assert wait_for_page(qtbot, ctx, leaving=detail) is records
    header = records.table.horizontalHeader()
    note = records.model.columnCount() - 1
    assert header.model().headerData(note, Qt.Orientation.Horizontal) == "Note"
    # The Note header runs to the table's edge: no blank header beside it.
    qtbot.waitUntil(
        lambda: (
            header.sectionViewportPosition(note) + header.sectionSize(note)
            >= records.table.viewport().width()
        )
    )


def _bigger_to_200(qtbot: QtBot, ctx: AppContext) -> None:
    """Make the text 200% with the Settings page's own Bigger button, then go home."""
    home = current(ctx)
    qtbot.mouseClick(home.action_buttons["settings"], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    settings = wait_for_page(qtbot, ctx, leaving=home)
    bigger = settings.text_size.bigger  # type: ignore[attr-defined]
    while ctx.settings.val.text_scale < 2.0:
        qtbot.mouseClick(bigger, Qt.MouseButton.LeftButton)
    ctx.nav.home()


def test_at_200_percent_records_are_cards_read_and_used_by_keyboard(
    qtbot: QtBot, open_app: Opener
) -> None:
    ctx, _window = open_app()
    _record(ctx, 4, 60, "We planned the next handout together and I read the draft twice.")
    _record(ctx, 5, 16 * 60 + 15)
    _bigger_to_200(qtbot, ctx)
    home = wait_for_page(qtbot, ctx)
    qtbot.mouseClick(home.action_buttons["records"], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    records = wait_for_page(qtbot, ctx, leaving=home, kind=RecordsPage)
    wait_until_still(qtbot, records)
    cards = records.cards
    assert cards.isVisible() and not records.table.isVisible()
    assert cards.hasFocus() and cards.currentIndex().row() == 1  # the newest entry
    rows = cards.model().rowCount()
    assert rows == 3  # March 2024, then the two entries
    for row in range(rows):
        cards.scrollTo(cards.model().index(row, 0))
        assert card_fits(cards, row), f"card {row} is cut off"
    # Each card is an item of a list whose name reads the whole entry.
    node = QAccessible.queryAccessibleInterface(cards)
    assert node.role() == QAccessible.Role.List
    names = [node.child(row).text(QAccessible.Text.Name) for row in range(rows)]
    assert names[1] == (
        "Tuesday, 5 March 2024. Meeting. 16 hours 15 minutes. Project: Better Pain Care. "
        "Status: Not sent yet."
    )
    assert "Note: We planned the next handout together and I read the draft twice." in names[2]

    qtbot.keyClick(cards, Qt.Key.Key_Down)
    assert cards.currentIndex().row() == 2
    qtbot.keyClick(cards, Qt.Key.Key_Return)
    detail = wait_for_page(qtbot, ctx, leaving=records, kind=EntryDetailPage)
    assert detail.entry.minutes == 60
    qtbot.keyClick(detail, Qt.Key.Key_Escape)
    assert wait_for_page(qtbot, ctx, leaving=detail) is records

    # Delete on a card opens it with "Delete this entry" ready; Space deletes.
    qtbot.keyClick(cards, Qt.Key.Key_Up)
    qtbot.keyClick(cards, Qt.Key.Key_Delete)
    detail = wait_for_page(qtbot, ctx, leaving=records, kind=EntryDetailPage)
    assert detail.delete_button.hasFocus() and detail.entry.minutes == 16 * 60 + 15
    qtbot.keyClick(detail.delete_button, Qt.Key.Key_Space)
    assert wait_for_page(qtbot, ctx, leaving=detail) is records
    assert [a.minutes for a in ctx.call(activities.list_activities)] == [60]
    assert records.banner_text.text() == "The entry is deleted."
    qtbot.keyClick(records.undo_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(ctx.call(activities.list_activities)) == 2)
    assert records.banner.isVisible() and records.banner_text.text() == "The entry is back."
    assert not records.undo_button.isVisible()
    assert cards.isVisible() and cards.hasFocus() and cards.model().rowCount() == 3
    ctx.settings.restore_defaults()


def test_table_shows_while_its_columns_fit_and_cards_when_they_do_not(
    qtbot: QtBot, open_app: Opener
) -> None:
    ctx, window = open_app()
    _record(ctx, 4, 60, "Short")
    records = wait_until_still(qtbot, visit(ctx, "records"))
    assert isinstance(records, RecordsPage)
    assert records.table.isVisible() and not records.cards.isVisible()
    window.resize(640, window.height())
    qtbot.waitUntil(lambda: records.cards.isVisible() and not records.table.isVisible())
    # The chosen entry stays chosen, and Enter opens it as on the table.
    records.cards.setFocus()
    qtbot.keyClick(records.cards, Qt.Key.Key_Return)
    detail = wait_for_page(qtbot, ctx, leaving=records, kind=EntryDetailPage)
    assert detail.entry.note == "Short"


def test_a_partner_sees_why_an_entry_was_not_accepted(qtbot: QtBot, open_app: Opener) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from desktop_app.model import ReviewStatus

    ctx, _window = open_app()
    entry = ctx.call(activities.record_activity, date=date(2024, 3, 4), minutes=60, kind="meeting")

    def rejected_in_a_file(session: object) -> None:  # as the coordinator's file brings it
        found = activities.get_activity(session, entry.id)  # type: ignore[arg-type]
        found.status = ReviewStatus.REJECTED
        found.status_note = "This was a social visit, not project work."

    ctx.call(rejected_in_a_file)
    records = visit(ctx, "records")
    qtbot.mouseClick(records.open_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    detail = current(ctx)
    assert isinstance(detail, EntryDetailPage)
    shown = [label.text() for label in detail.findChildren(QLabel) if label.isVisible()]
    assert "Not accepted" in shown
    assert "Why it was not accepted" in shown
    assert "This was a social visit, not project work." in shown
