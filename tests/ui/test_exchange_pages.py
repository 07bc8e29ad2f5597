"""Sending records, opening them as a coordinator, reviewing, and the file back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.model import ReviewStatus, Role
from desktop_app.services import activities, profile
from desktop_app.storage.workspace import Workspace
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener, current, finish_background_work
from ui.app import make_context
from ui.file_dialogs import FileDialogs
from ui.main_window import MainWindow
from ui.pages.coordinator.home import CoordinatorHomePage
from ui.pages.coordinator.review import ReviewPage
from ui.pages.open_files import PassphrasePage, PreviewPage, ResultPage
from ui.pages.ready_to_send import ReadyToSendPage
from ui.pages.send_records import SendRecordsPage


def _coordinator(qapp: QApplication, qtbot: QtBot, folder: Path) -> tuple[object, MainWindow]:
    workspace = Workspace.open(folder)
    workspace.call(profile.setup, Role.COORDINATOR, "Kim Lee", project_name="Better Pain Care")
    ctx = make_context(qapp, workspace)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return ctx, window


def test_send_open_review_and_back(
    qtbot: QtBot,
    qapp: QApplication,
    open_app: Opener,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sent = tmp_path / "ana.partnerlog"
    back_folder = tmp_path / "files to send"
    monkeypatch.setattr(FileDialogs, "save", classmethod(lambda cls, p, t, s, f: str(sent)))
    ctx, _window = open_app()
    ctx.call(
        activities.record_activity,
        date=date(2024, 4, 2),
        minutes=60,
        kind="meeting",
        note="First meeting",
    )
    page = visit(ctx, "send")
    assert isinstance(page, SendRecordsPage)
    page.passphrase.setText("short")
    page.continue_button.click()  # type: ignore[union-attr]
    assert page.errors.isVisible()  # a password of 5 letters is refused
    page.passphrase.setText("correct horse battery")
    page.again.setText("correct horse battery")
    page.continue_button.click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: isinstance(current(ctx), ReadyToSendPage), timeout=10000)
    assert "1 time entry" in current(ctx).hint.text()
    assert ctx.call(activities.list_activities)[0].status == ReviewStatus.READY

    boss, _boss_window = _coordinator(qapp, qtbot, tmp_path / "coordinator")
    assert isinstance(current(boss), CoordinatorHomePage)  # type: ignore[arg-type]
    monkeypatch.setattr(FileDialogs, "open_many", classmethod(lambda cls, p, t, f: [str(sent)]))
    current(boss).action_buttons["open_files"].click()  # type: ignore[arg-type, attr-defined]
    qtbot.waitUntil(lambda: isinstance(current(boss), PassphrasePage), timeout=10000)  # type: ignore[arg-type]
    current(boss).passphrase.setText("correct horse battery")  # type: ignore[arg-type, attr-defined]
    current(boss).continue_button.click()  # type: ignore[arg-type, union-attr]
    qtbot.waitUntil(lambda: isinstance(current(boss), PreviewPage), timeout=10000)  # type: ignore[arg-type]
    preview = current(boss)  # type: ignore[arg-type]
    texts = " ".join(label.text() for label in preview.findChildren(type(preview.heading)))
    assert "Ana Souza" in texts and "New: 1 time entry, plus the partner." in texts
    # The "go ahead" box belongs to the page even when it is not asked: a widget with no
    # parent is Python's to free, at any moment, even while Qt is restyling every widget.
    assert not preview.needs_confirmation  # type: ignore[attr-defined]
    assert preview.confirm.parent() is not None  # type: ignore[attr-defined]
    assert boss.call(activities.list_activities) == []  # type: ignore[attr-defined]
    preview.continue_button.click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: isinstance(current(boss), ResultPage), timeout=10000)  # type: ignore[arg-type]
    (arrived,) = boss.call(activities.list_activities)  # type: ignore[attr-defined]
    assert (arrived.note, arrived.minutes) == ("First meeting", 60)

    boss.nav.home()  # type: ignore[attr-defined]
    current(boss).action_buttons["review"].click()  # type: ignore[arg-type, attr-defined]
    review = current(boss)  # type: ignore[arg-type]
    assert isinstance(review, ReviewPage) and len(review.rows) == 1
    review.table.selectRow(0)  # nothing is chosen until the coordinator chooses it
    review.query.click()
    assert review.errors.isVisible()  # a question needs a note
    review.note.setPlainText("Was this the planning meeting?")
    review.query.click()
    assert [row.status for row in review.rows] == ["queried"]  # still waiting, on the partner
    (asked,) = boss.call(activities.list_activities)  # type: ignore[attr-defined]
    assert (asked.status, asked.status_note) == (
        ReviewStatus.QUERIED,
        "Was this the planning meeting?",
    )

    boss.nav.home()  # type: ignore[attr-defined]
    monkeypatch.setattr(FileDialogs, "folder", classmethod(lambda cls, p, t: str(back_folder)))
    current(boss).action_buttons["outputs"].click()  # type: ignore[arg-type, attr-defined]
    outputs = current(boss)  # type: ignore[arg-type]
    outputs.project_file.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "own file" in outputs.done.text(), timeout=10000)  # type: ignore
    (back,) = back_folder.iterdir()
    assert back.name == "Ana Souza \u2013 2026-09-30.partnerlog"
    assert f"{back.name}: 1 entry, 0 payments" in outputs.done.text()  # type: ignore

    monkeypatch.setattr(FileDialogs, "open_one", classmethod(lambda cls, p, t, f: str(back)))
    ctx.nav.home()
    current(ctx).links["open_file"].click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: isinstance(current(ctx), PreviewPage), timeout=10000)
    current(ctx).continue_button.click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: isinstance(current(ctx), ResultPage), timeout=10000)
    (mine,) = ctx.call(activities.list_activities)
    assert (mine.status, mine.status_note) == (
        ReviewStatus.QUERIED,
        "Was this the planning meeting?",
    )
    finish_background_work()
    boss.workspace.close()  # type: ignore[attr-defined]
