"""Sending the file: the steps after it is made, the email, "I have sent it", and what
happens when the computer cannot open the mail program or a file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl, QUrlQuery
from PySide6.QtGui import QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot

from desktop_app.labels import label
from desktop_app.model import ReviewStatus
from desktop_app.services import activities, projects
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener, current, wait_for_page
from ui import operations
from ui.context import AppContext
from ui.file_dialogs import FileDialogs
from ui.main_window import MainWindow
from ui.pages.documents import SavedPage
from ui.pages.ready_to_send import ReadyToSendPage, thanks
from ui.pages.send_records import SendRecordsPage

ADDRESS = "karen.lee@example.org"


@pytest.fixture(autouse=True)
def settled(qtbot: QtBot) -> Iterator[None]:
    """Let background work started by a test (refreshes after a change) report back
    before the window closes."""
    yield
    qtbot.waitUntil(lambda: not operations.busy())


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """Every URL handed to the computer; the computer can open them all."""
    urls: list[QUrl] = []

    def fake(url: QUrl) -> bool:
        urls.append(QUrl(url))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake))
    return urls


@pytest.fixture
def cannot_open(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """The computer has no program for anything (no mail program, no file window)."""
    urls: list[QUrl] = []

    def fake(url: QUrl) -> bool:
        urls.append(QUrl(url))
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake))
    return urls


def _partner(
    qtbot: QtBot, open_app: Opener, contact: str = ADDRESS
) -> tuple[AppContext, MainWindow]:
    """The app open for a partner whose project names the coordinator's contact. Keep the
    window: qtbot holds it only weakly, and a window collected mid-test takes its pages."""
    ctx, window = open_app()
    qtbot.waitUntil(lambda: not operations.busy())  # the backup taken at start is written
    (project,) = ctx.call(projects.projects)
    ctx.call(
        projects.change_project, project.id, coordinator_contact=f"Karen Lee, {contact}, 555 0100"
    )
    ctx.call(activities.record_activity, date=date(2024, 4, 2), minutes=60, kind="meeting")
    return ctx, window


def _make_file(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, out: Path
) -> ReadyToSendPage:
    asked: list[Path] = []

    def save(cls: object, parent: object, title: str, suggested: Path, filters: str) -> str:
        asked.append(suggested)
        return str(out)

    monkeypatch.setattr(FileDialogs, "save", classmethod(save))
    page = visit(ctx, "send")
    assert isinstance(page, SendRecordsPage)
    assert page.continue_button is not None
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    ready = wait_for_page(qtbot, ctx, page, ReadyToSendPage)
    qtbot.waitUntil(lambda: not operations.busy())
    assert asked[0].parent == Path.home() / "Documents" or asked[0].parent == Path.home()
    return ready


def _status(ctx: AppContext) -> ReviewStatus:
    return ctx.call(activities.list_activities)[0].status


def _query(url: QUrl, key: str) -> str:
    return QUrlQuery(url).queryItemValue(key, QUrl.ComponentFormattingOption.FullyDecoded)


def test_sent_only_after_the_partner_says_so(
    qtbot: QtBot,
    open_app: Opener,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[QUrl],
) -> None:
    ctx, _window = _partner(qtbot, open_app)
    out = tmp_path / "Partner Log - Ana Souza.partnerlog"
    page = _make_file(qtbot, ctx, monkeypatch, out)
    assert page.hint.text() == "The file holds 1 time entry, your name."
    assert "contact details" not in page.hint.text()  # none were given
    assert ADDRESS in page.steps.text() and page.no_address is None
    assert _status(ctx) == ReviewStatus.READY
    assert label(_status(ctx)) == "Ready to send"

    qtbot.keyClick(page.write_button, Qt.Key.Key_Space)  # the keyboard starts here
    mail, folder = opened
    assert mail.scheme() == "mailto" and mail.path() == ADDRESS
    assert _query(mail, "subject") == "My Partner Log records, from Ana Souza"
    body = _query(mail, "body")
    assert "attach the file \u201cPartner Log - Ana Souza.partnerlog\u201d" in body
    assert "It holds 1 time entry, your name." in body and "From Ana Souza" in body
    assert folder == QUrl.fromLocalFile(str(tmp_path))
    assert not page.notice.isVisible()
    assert _status(ctx) == ReviewStatus.READY  # writing the email is not sending it

    qtbot.mouseClick(page.sent_button, Qt.MouseButton.LeftButton)
    assert _status(ctx) == ReviewStatus.SUBMITTED
    assert page.done.text() == "Thank you. 1 entry now says \u201cSent\u201d."
    assert not page.sent_button.isVisible()
    again = visit(ctx, "send")
    assert isinstance(again, SendRecordsPage) and not again.waiting.isVisible()


def test_a_file_made_earlier_can_be_marked_sent_later(
    qtbot: QtBot,
    open_app: Opener,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[QUrl],
) -> None:
    ctx, _window = _partner(qtbot, open_app)
    page = _make_file(qtbot, ctx, monkeypatch, tmp_path / "a.partnerlog")
    qtbot.mouseClick(page.home_button, Qt.MouseButton.LeftButton)
    send = visit(ctx, "send")
    assert isinstance(send, SendRecordsPage) and send.waiting.isVisible()
    assert send.start_control() is send.sent_button
    qtbot.mouseClick(send.sent_button, Qt.MouseButton.LeftButton)
    assert _status(ctx) == ReviewStatus.SUBMITTED
    assert not send.waiting.isVisible() and "1 entry" in send.earlier_done.text()


def test_no_mail_program_shows_the_address_and_the_file_to_copy(
    qtbot: QtBot,
    open_app: Opener,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    cannot_open: list[QUrl],
) -> None:
    ctx, _window = _partner(qtbot, open_app)
    out = tmp_path / "b.partnerlog"
    page = _make_file(qtbot, ctx, monkeypatch, out)
    qtbot.mouseClick(page.write_button, Qt.MouseButton.LeftButton)
    assert cannot_open[0].scheme() == "mailto"
    assert page.notice.isVisible()
    assert "could not open your email program" in page.notice.message.text()
    address, where = page.notice.rows
    assert (address.text, where.text) == (ADDRESS, str(out))
    assert QGuiApplication.focusObject() is address.copy_button
    qtbot.mouseClick(where.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == str(out)
    qtbot.keyClick(address.copy_button, Qt.Key.Key_Space)
    assert QGuiApplication.clipboard().text() == ADDRESS
    assert _status(ctx) == ReviewStatus.READY


def test_without_an_address_the_page_says_what_to_do(
    qtbot: QtBot,
    open_app: Opener,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[QUrl],
) -> None:
    ctx, _window = _partner(qtbot, open_app, contact="phone only")
    page = _make_file(qtbot, ctx, monkeypatch, tmp_path / "c.partnerlog")
    assert page.no_address is not None and page.no_address.isVisible()
    assert "do not know your coordinator\u2019s email address" in page.no_address.text()
    qtbot.mouseClick(page.write_button, Qt.MouseButton.LeftButton)
    assert opened[0].scheme() == "mailto" and opened[0].path() == ""


def test_show_the_folder_that_cannot_open_gives_its_path(
    qtbot: QtBot,
    open_app: Opener,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    cannot_open: list[QUrl],
) -> None:
    ctx, _window = _partner(qtbot, open_app)
    page = _make_file(qtbot, ctx, monkeypatch, tmp_path / "d.partnerlog")
    qtbot.mouseClick(page.folder_button, Qt.MouseButton.LeftButton)
    assert cannot_open == [QUrl.fromLocalFile(str(tmp_path))]
    assert "could not open the folder" in page.notice.message.text()
    (row,) = page.notice.rows
    qtbot.mouseClick(row.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == str(tmp_path)
    assert row.done.isVisible()


def test_open_it_that_cannot_open_gives_the_path(
    qtbot: QtBot, open_app: Opener, tmp_path: Path, cannot_open: list[QUrl]
) -> None:
    ctx, _window = open_app()
    qtbot.waitUntil(lambda: not operations.busy())
    pdf = tmp_path / "Certificate - Ana Souza - 2024.pdf"
    page = SavedPage("Your PDF is ready", "", pdf, ctx.nav.home)
    ctx.nav.push(page)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert cannot_open == [QUrl.fromLocalFile(str(pdf))]
    assert page.notice.isVisible()
    assert "could not open the file" in page.notice.message.text()
    (row,) = page.notice.rows
    qtbot.mouseClick(row.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == str(pdf)
    assert current(ctx) is page


def test_the_thanks_never_says_zero_entries() -> None:
    assert thanks(0) == "Thank you. We have noted that the file has gone."
    assert thanks(2) == "Thank you. 2 entries now say \u201cSent\u201d."
