"""Backups from Settings: back up now, then put a backup back."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from desktop_app.services import activities
from desktop_app.storage.backup import list_backups
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener, current
from ui import operations
from ui.pages.backups import BackupsPage, RestoreConfirmPage


def test_backup_now_and_restore_from_settings(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    ctx.call(activities.record_activity, date=date(2024, 2, 1), minutes=30, kind="reviewing")
    page = visit(ctx, "settings")
    page.backups_button.click()  # type: ignore[attr-defined]
    backups = current(ctx)
    assert isinstance(backups, BackupsPage)
    qtbot.waitUntil(lambda: not operations.busy())  # the backup taken at start is written
    before = len(list_backups(ctx.workspace.data_dir))
    backups.backup_button.click()
    qtbot.waitUntil(lambda: "saved" in backups.status.text(), timeout=10000)
    assert len(list_backups(ctx.workspace.data_dir)) == before + 1

    ctx.call(activities.record_activity, date=date(2024, 2, 2), minutes=60, kind="meeting")
    ctx.nav.back()
    page = current(ctx)
    page.backups_button.click()  # type: ignore[attr-defined]
    backups = current(ctx)
    assert isinstance(backups, BackupsPage)
    newest = backups.tiles.tiles[0]
    assert "1 time entry" in newest.choice.description
    newest.click()
    confirm = current(ctx)
    assert isinstance(confirm, RestoreConfirmPage)
    confirm.restore_button.click()
    (entry,) = ctx.call(activities.list_activities)
    assert entry.minutes == 30
    assert "kept in" in current(ctx).hint.text()
