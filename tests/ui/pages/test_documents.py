"""My certificate and My statement: period, figures, then a PDF built off the UI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.services.certificates import Verdict, verify_code
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener, current
from ui.pages.documents import (
    DatesPage,
    DocumentFlow,
    Period,
    PreviewPage,
    SavedPage,
    safe_file_name,
)


@pytest.mark.parametrize("stop", ["certificate-2-preview", "statement-2-preview"])
def test_saving_a_pdf_from_the_figures_page(
    qtbot: QtBot, open_app: Opener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: str
) -> None:
    target = tmp_path / "mine"
    monkeypatch.setattr(DocumentFlow, "ask_where", classmethod(lambda cls, p, s: str(target)))
    ctx, _window = open_app("demo")
    preview = visit(ctx, stop)
    assert isinstance(preview, PreviewPage)
    texts = [label.text() for label in preview.findChildren(type(preview.heading))]
    assert "131.5" in texts and "38" in texts  # Rosa's hours and meetings, all time
    assert preview.continue_button is not None
    preview.continue_button.click()
    qtbot.waitUntil(lambda: isinstance(current(ctx), SavedPage), timeout=15000)
    saved = current(ctx)
    assert isinstance(saved, SavedPage)
    assert saved.path == tmp_path / "mine.pdf" and saved.path.read_bytes()[:5] == b"%PDF-"
    if stop.startswith("certificate"):
        code = saved.hint.text().split("check code is ")[1].rstrip(".")
        assert ctx.call(verify_code, code).verdict == Verdict.MATCHED


def test_file_names_are_safe_for_every_folder() -> None:
    assert safe_file_name('Certificate - A/B: "C" <D> - 2024.pdf') == (
        "Certificate - A B C D - 2024.pdf"
    )
    assert safe_file_name("陈伟 (Wei Chen).pdf") == "陈伟 (Wei Chen).pdf"


def test_the_dates_are_typed_and_read_exactly(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app("demo")
    page = visit(ctx, "certificate-1b-dates")
    assert isinstance(page, DatesPage)
    assert page.start.edit.hasFocus()
    chosen: list[Period] = []
    page._answer = chosen.append  # what the flow does next is tested above
    qtbot.waitUntil(lambda: page.start.edit.selectedText() == page.start.text())
    qtbot.keyClicks(page.start.edit, "1 Jan 2023")
    qtbot.keyClick(page.start.edit, Qt.Key.Key_Tab)
    qtbot.keyClick(page.start.calendar_button, Qt.Key.Key_Tab)
    assert page.end.edit.hasFocus()
    qtbot.waitUntil(lambda: page.end.edit.selectedText() == page.end.text())
    qtbot.keyClicks(page.end.edit, "31 Nov 2023")
    qtbot.keyClick(page.end.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(page.errors.hasFocus)
    field = page.field("end")
    assert field is not None and field.error.text() == "November 2023 has no day 31."
    qtbot.mouseClick(page.errors.links[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.end.edit.selectedText() == "31 Nov 2023")
    qtbot.keyClicks(page.end.edit, "1 October 2026")
    qtbot.keyClick(page.end.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: field.error.text() == "The date cannot be after today.")
    qtbot.mouseClick(page.errors.links[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.end.edit.selectedText() == "1 October 2026")
    qtbot.keyClicks(page.end.edit, "30 Nov 2023")
    qtbot.keyClick(page.end.edit, Qt.Key.Key_Return)
    assert chosen == [Period(date(2023, 1, 1), date(2023, 11, 30))]
