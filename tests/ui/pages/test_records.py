"""My records: open an entry, change it, delete it and undo that."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from desktop_app.services import activities
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener, current, wait_for_page
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
