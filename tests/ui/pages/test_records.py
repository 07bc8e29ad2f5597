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
