"""The app helps through a damaged file: it keeps it and offers the newest backup."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.model import Role
from desktop_app.services import activities, profile
from desktop_app.storage.db import open_database
from desktop_app.storage.paths import database_path
from tests.helpers.disk_faults import sqlite_refuses_writes
from tests.helpers.screens import Opener, current, wait_for_page
from ui import app as app_module
from ui.crash_dialog import CrashDialog, install_excepthook
from ui.recovery_dialog import CLOSE, RESTORE, RecoveryDialog


def _damage(data_dir: Path) -> None:
    path = database_path(data_dir)
    data = bytearray(path.read_bytes())
    data[0:100] = b"\x00" * 100  # the file header: SQLite no longer knows the file
    path.write_bytes(bytes(data))


def _records_with_a_backup(data_dir: Path) -> None:
    database = open_database(data_dir)
    with database.session() as session:
        profile.setup(session, Role.PARTNER, "Ana", project_name="Pain care")
        activities.record_activity(session, date=date(2024, 1, 5), minutes=45, kind="writing")
    database.close()
    from desktop_app.storage.backup import snapshot

    snapshot(data_dir, database_path(data_dir), "on-request")


def test_a_damaged_file_is_kept_and_the_newest_backup_put_back(
    qapp: object, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _records_with_a_backup(data_dir)
    _damage(data_dir)
    asked: list[str] = []

    def ask(problem: object) -> str:
        asked.append(problem.message)  # type: ignore[attr-defined]
        return RESTORE

    monkeypatch.setattr(RecoveryDialog, "ask", staticmethod(ask))
    workspace = app_module.open_workspace(data_dir)
    assert workspace is not None
    try:
        assert asked and "damaged" in asked[0]
        (entry,) = workspace.call(activities.list_activities)
        assert entry.minutes == 45
        assert any((data_dir / "damaged").iterdir())  # the damaged file was kept
    finally:
        workspace.close()


def test_closing_instead_leaves_everything_as_it_is(
    qapp: object, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _records_with_a_backup(data_dir)
    _damage(data_dir)
    monkeypatch.setattr(RecoveryDialog, "ask", staticmethod(lambda problem: CLOSE))
    assert app_module.open_workspace(data_dir) is None
    assert app_module.open_workspace(data_dir) is None  # asked again, nothing changed


def test_a_full_disk_while_adding_time_is_named_on_the_page_and_nothing_is_saved(
    qtbot: QtBot,
    qapp: QApplication,
    open_app: Opener,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    crashes: list[BaseException] = []
    monkeypatch.setattr(CrashDialog, "show_for", classmethod(lambda cls, exc: crashes.append(exc)))
    ctx, _window = open_app()
    previous = install_excepthook(qapp)  # as the app does when it starts
    try:
        clicks = [
            lambda: current(ctx).action_buttons["add_time"],  # type: ignore[attr-defined]
            lambda: current(ctx).tiles.tile_for("meeting"),  # type: ignore[attr-defined]
            lambda: current(ctx).tiles.tile_for("today"),  # type: ignore[attr-defined]
            lambda: current(ctx).tiles.tile_for(60),  # type: ignore[attr-defined]
            lambda: current(ctx).tiles.tile_for("done"),  # type: ignore[attr-defined]
        ]
        for target in clicks:
            before = current(ctx)
            qtbot.mouseClick(target(), Qt.MouseButton.LeftButton)
            wait_for_page(qtbot, ctx, leaving=before)
        check = current(ctx)
        with sqlite_refuses_writes("database or disk is full"):
            qtbot.mouseClick(check.continue_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(check.errors.isVisible, timeout=10000)
    finally:
        sys.excepthook = previous

    (shown,) = [link.text() for link in check.errors.links]
    assert shown.startswith("There is not enough space on the disk to save.")
    assert str(data_dir) in shown and "Nothing was changed." in shown
    assert crashes == []  # a full disk is not a bug: no crash dialog
    assert current(ctx) is check  # the answers are still there to save again
    assert ctx.call(activities.list_activities) == []
