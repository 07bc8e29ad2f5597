"""My certificate and My statement: period, figures, then a PDF built off the UI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.services.certificates import Verdict, verify_code
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener, current
from ui.pages.documents import DocumentFlow, PreviewPage, SavedPage, safe_file_name


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
