"""Choosing the language: first at set-up, live in Settings, and per PDF.

A tiny Spanish catalogue in a temporary folder stands in for the real one, so these tests
check the machinery whatever the translation holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app import i18n
from desktop_app.settings import Settings
from tests.helpers.catalogues import SPANISH, use_locale_dir, write_catalogue
from tests.helpers.page_tour import visit
from tests.helpers.pdf import pdf_text, squeeze
from tests.helpers.screens import Opener, current, wait_for_page
from ui.language import QUESTION
from ui.pages.add_time.steps import TilePage
from ui.pages.documents import DocumentFlow, PreviewPage, SavedPage
from ui.pages.settings_page import SettingsPage
from ui.qt_translations import install_qt_translations

CATALOGUE = {
    **SPANISH,
    "Welcome to Partner Log": "Bienvenido a Partner Log",
    "Check code": "Código de verificación",
    "Language": "Idioma",
}


@pytest.fixture
def spanish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    locale_dir = tmp_path / "locale"
    write_catalogue(locale_dir, entries=CATALOGUE)
    use_locale_dir(monkeypatch, locale_dir)
    return locale_dir


def test_first_run_asks_the_language_first_in_both_and_offers_the_systems(
    qtbot: QtBot, open_app: Opener, spanish: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    ctx, _window = open_app(None)
    page = current(ctx)
    assert isinstance(page, TilePage) and page.heading.text() == QUESTION
    chosen = [tile for tile in page.tiles.tiles if tile.isChecked()]
    assert [tile.accessibleName() for tile in chosen] == ["Español"]
    english = page.tiles.tile_for("en")
    qtbot.mouseClick(english, Qt.MouseButton.LeftButton)
    role = wait_for_page(qtbot, ctx, leaving=page)
    assert role.heading.text() == "Welcome to Partner Log"
    assert Settings.load(ctx.workspace.data_dir).val.language == "en"


def test_choosing_spanish_at_set_up_shows_the_next_page_in_spanish(
    qtbot: QtBot, open_app: Opener, spanish: Path
) -> None:
    ctx, _window = open_app(None)
    page = current(ctx)
    assert isinstance(page, TilePage)
    page.tiles.tile_for("es").setFocus()
    qtbot.keyClick(page.tiles.tile_for("es"), Qt.Key.Key_Space)
    role = wait_for_page(qtbot, ctx, leaving=page)
    assert role.heading.text() == "Bienvenido a Partner Log"


def test_settings_switch_the_whole_app_live_and_keep_the_choice(
    qtbot: QtBot, open_app: Opener, spanish: Path
) -> None:
    ctx, window = open_app()
    page = visit(ctx, "settings")
    assert isinstance(page, SettingsPage)
    page.language.setFocus()
    qtbot.keyClick(page.language, Qt.Key.Key_Down)  # English -> Español
    qtbot.waitUntil(lambda: current(ctx) is not page)
    again = current(ctx)
    assert isinstance(again, SettingsPage) and again.heading.text() == "Ajustes y ayuda"
    assert ctx.nav.pages[0] is window.home  # home was built again, in Spanish
    assert i18n.current_language() == "es"
    assert Settings.load(ctx.workspace.data_dir).val.language == "es"
    app = QApplication.instance()
    assert app is not None and app.translate("QPlatformTheme", "Cancel") == "Cancelar"
    qtbot.keyClick(again.language, Qt.Key.Key_Up)  # back to English
    qtbot.waitUntil(lambda: current(ctx) is not again)
    assert current(ctx).heading.text() == "Settings and help"
    assert app.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_a_spanish_app_prints_an_english_certificate(
    qtbot: QtBot,
    open_app: Opener,
    spanish: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "mine"
    monkeypatch.setattr(DocumentFlow, "ask_where", classmethod(lambda cls, p, s: str(target)))
    ctx, _window = open_app("demo")
    ctx.relanguage("es")
    preview = visit(ctx, "certificate-2-preview")
    assert isinstance(preview, PreviewPage)
    assert preview.language.currentData() == "es"
    preview.language.setFocus()
    qtbot.keyClick(preview.language, Qt.Key.Key_Up)  # Español -> English
    assert preview.continue_button is not None
    qtbot.mouseClick(preview.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(current(ctx), SavedPage), timeout=15000)
    text = squeeze(pdf_text((tmp_path / "mine.pdf").read_bytes()))
    assert "Issuedon30September2026" in text and "Código" not in text
    assert i18n.current_language() == "es"  # the window stays in Spanish
    install_qt_translations(QApplication.instance(), "en")  # type: ignore[arg-type]
