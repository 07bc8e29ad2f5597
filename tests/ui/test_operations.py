"""Background work: how its failures reach the person, and the promises it keeps.

A problem the person can fix shows on the page in plain words; a bug goes to the calm
crash dialog; a closed page is never called back; progress shows only after half a
second; and a refresh asked for mid-run runs once more instead of alongside.
"""

from __future__ import annotations

import errno
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QProgressDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from desktop_app.errors import UserFacingError
from desktop_app.services import home as home_service
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener, current
from ui import operations
from ui.context import AppContext
from ui.crash_dialog import CrashDialog
from ui.file_dialogs import FileDialogs
from ui.pages import home as home_page
from ui.pages import send_records
from ui.pages.backups import BackupsPage
from ui.pages.home import HomePage
from ui.pages.ready_to_send import ReadyToSendPage
from ui.pages.send_records import SendRecordsPage
from ui.widgets.page import Page

FULL = UserFacingError(
    "There is no room left on the disk.", "Free some space, then press the button again."
)


@pytest.fixture
def crashes(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Bugs that reached the crash dialog (which would otherwise wait to be closed)."""
    shown: list[BaseException] = []
    monkeypatch.setattr(CrashDialog, "show_for", classmethod(lambda cls, exc: shown.append(exc)))
    return shown


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """Holds slow work until the test lets it go (and lets it go at the end, whatever)."""
    event = threading.Event()
    yield event
    event.set()


def _backups(ctx: AppContext) -> BackupsPage:
    ctx.nav.push(BackupsPage(ctx))
    page = current(ctx)
    assert isinstance(page, BackupsPage)
    return page


def _send(ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SendRecordsPage:
    """The Send page, with a password typed and the file chooser answered."""
    chosen = str(tmp_path / "ana.partnerlog")
    monkeypatch.setattr(FileDialogs, "save", classmethod(lambda cls, p, t, s, f: chosen))
    page = visit(ctx, "send")
    assert isinstance(page, SendRecordsPage)
    page.passphrase.setText("a long secret phrase")
    page.again.setText("a long secret phrase")
    return page


def _all_work_done(qtbot: QtBot) -> None:
    assert QThreadPool.globalInstance().waitForDone(10000)
    qtbot.waitUntil(lambda: not operations.busy())  # the results reach the UI thread


def _shown_problems(page: Page) -> list[str]:
    return [link.text() for link in page.errors.links]


def test_a_problem_the_person_can_fix_shows_on_the_page_in_plain_words(
    qtbot: QtBot,
    open_app: Opener,
    monkeypatch: pytest.MonkeyPatch,
    crashes: list[BaseException],
) -> None:
    ctx, _window = open_app()
    page = _backups(ctx)

    def disk_full() -> Path:
        raise FULL

    monkeypatch.setattr(ctx.workspace, "backup_now", disk_full)
    page.backup_button.click()
    qtbot.waitUntil(page.errors.isVisible, timeout=10000)
    message = "There is no room left on the disk. Free some space, then press the button again."
    assert _shown_problems(page) == [message]
    assert message in page.errors.accessibleDescription()  # what a screen reader announces
    assert page.focusWidget() is page.errors  # the keyboard is taken to the problem
    assert page.status.text() == ""  # "Making a backup..." is gone
    assert crashes == []


def test_a_bug_goes_to_the_crash_dialog_and_what_was_typed_stays(
    qtbot: QtBot,
    open_app: Opener,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    crashes: list[BaseException],
    caplog: pytest.LogCaptureFixture,
) -> None:
    ctx, _window = open_app()
    page = _send(ctx, tmp_path, monkeypatch)

    def broken(*args: Any, **kwargs: Any) -> None:
        raise KeyError("Ana Souza's notes")  # a bug, quoting the person's words

    monkeypatch.setattr(send_records, "export_partner_file", broken)
    with caplog.at_level(logging.ERROR, logger="partner_log"):
        page.continue_button.click()  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: len(crashes) == 1, timeout=10000)
    assert isinstance(crashes[0], KeyError)
    assert "builtins.KeyError" in caplog.text
    assert "Ana Souza" not in caplog.text
    assert current(ctx) is page
    assert page.passphrase.text() == "a long secret phrase"
    assert page.again.text() == "a long secret phrase"
    assert not page.errors.isVisible()  # a bug is not the person's problem to fix


@pytest.mark.parametrize("outcome", ["done", "failed"])
def test_a_closed_page_is_never_called_back(
    qtbot: QtBot,
    open_app: Opener,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    crashes: list[BaseException],
    gate: threading.Event,
    outcome: str,
) -> None:
    ctx, _window = open_app()
    page = _send(ctx, tmp_path, monkeypatch)

    def slow(*args: Any, **kwargs: Any) -> Any:
        assert gate.wait(10)
        if outcome == "failed":
            raise RuntimeError("too late to show")
        return type("Exported", (), {"description": "1 entry", "path": tmp_path / "x"})()

    monkeypatch.setattr(send_records, "export_partner_file", slow)
    page.continue_button.click()  # type: ignore[union-attr]
    page.back_button.click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not shiboken6.isValid(page), timeout=5000)  # the page is gone
    home = current(ctx)
    gate.set()
    _all_work_done(qtbot)
    assert current(ctx) is home
    assert not isinstance(current(ctx), ReadyToSendPage)
    assert crashes == []


def test_progress_shows_only_after_half_a_second(
    qtbot: QtBot, open_app: Opener, monkeypatch: pytest.MonkeyPatch, gate: threading.Event
) -> None:
    ctx, _window = open_app()
    page = _backups(ctx)
    made = ctx.workspace.backup_now

    def slow_backup() -> Path:
        assert gate.wait(10)
        return made()

    def progress_shown() -> bool:
        return any(d.isVisible() for d in page.findChildren(QProgressDialog))

    monkeypatch.setattr(ctx.workspace, "backup_now", slow_backup)
    started = time.monotonic()
    page.backup_button.click()
    qtbot.wait(operations.PROGRESS_AFTER_MS // 2)
    assert not progress_shown()
    qtbot.waitUntil(progress_shown, timeout=5000)
    assert time.monotonic() - started >= operations.PROGRESS_AFTER_MS / 1000
    gate.set()
    qtbot.waitUntil(lambda: "saved" in page.status.text(), timeout=10000)
    assert not progress_shown()


def test_a_refresh_asked_for_mid_run_runs_once_more_not_alongside(
    qtbot: QtBot, open_app: Opener, monkeypatch: pytest.MonkeyPatch, gate: threading.Event
) -> None:
    ctx, _window = open_app()
    home = current(ctx)
    assert isinstance(home, HomePage)
    _all_work_done(qtbot)  # the first count, on opening
    lock = threading.Lock()
    runs: list[int] = []
    running = [0]

    def counting(session: Session) -> home_service.HomeFigures:
        with lock:
            running[0] += 1
            runs.append(running[0])  # how many counts were going on at once
        try:
            assert gate.wait(10)
            return home_service.home_figures(session)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(home_page, "home_figures", counting)
    ctx.changed()  # a change to the records starts a count
    qtbot.waitUntil(lambda: runs == [1])  # which is now under way
    for _ in range(3):  # three more changes while it runs
        ctx.changed()
    gate.set()
    qtbot.waitUntil(lambda: len(runs) == 2, timeout=10000)
    _all_work_done(qtbot)
    _all_work_done(qtbot)  # time enough for a third run, were one to start
    assert runs == [1, 1]  # once more, and never two at a time
    assert home.cards["total"].value.text() != "\u2013"  # the figures are shown


def test_work_started_outside_a_page_must_say_what_to_do_on_failure(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    with pytest.raises(TypeError):
        operations.Operation(holder, lambda: None, lambda _result: None)


def test_a_full_disk_in_background_work_is_named_on_the_page_not_as_a_bug(
    qtbot: QtBot,
    open_app: Opener,
    monkeypatch: pytest.MonkeyPatch,
    crashes: list[BaseException],
    tmp_path: Path,
) -> None:
    ctx, _window = open_app()
    page = _backups(ctx)
    target = tmp_path / "backups" / "partner-log-now.sqlite3"

    def disk_full() -> Path:
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(ctx.workspace, "backup_now", disk_full)
    page.backup_button.click()
    qtbot.waitUntil(page.errors.isVisible, timeout=10000)
    (shown,) = _shown_problems(page)
    assert shown.startswith("There is not enough space on the disk to save.")
    assert str(target.parent) in shown and "Nothing was changed." in shown
    assert crashes == []
