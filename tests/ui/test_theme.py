"""Contrast of every colour pair in both themes, and the style applied live."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.settings import Preferences
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener, wait_until_still
from ui import theme
from ui.pages.settings_page import SettingsPage
from ui.theme import DEFAULT, HIGH_CONTRAST, Palette, apply_theme, contrast_ratio


def test_contrast_ratio_matches_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("palette", [DEFAULT, HIGH_CONTRAST], ids=lambda p: p.name)
def test_every_text_pair_has_at_least_7_to_1(palette: Palette) -> None:
    weak = {
        name: round(contrast_ratio(fg, bg), 2)
        for name, (fg, bg) in palette.text_pairs().items()
        if contrast_ratio(fg, bg) < 7
    }
    assert weak == {}


@pytest.mark.parametrize("palette", [DEFAULT, HIGH_CONTRAST], ids=lambda p: p.name)
def test_focus_ring_and_borders_have_at_least_3_to_1(palette: Palette) -> None:
    weak = {
        name: round(contrast_ratio(fg, bg), 2)
        for name, (fg, bg) in palette.non_text_pairs().items()
        if contrast_ratio(fg, bg) < 3
    }
    assert weak == {}


def test_text_sizes_are_in_pixels_so_every_platform_shows_the_same_size(
    qapp: QApplication,
) -> None:
    """macOS counts 72 points to the inch, Windows 96: points would differ, pixels do not."""
    apply_theme(qapp, high_contrast=False, scale=1.0)
    assert qapp.font().pointSizeF() < 0  # no point size: it is set in pixels
    assert "pt;" not in qapp.styleSheet()


def test_text_size_applies_to_the_whole_app(qapp: QApplication) -> None:
    apply_theme(qapp, high_contrast=False, scale=2.0)
    assert qapp.font().pixelSize() == 37  # 28 pt at 96 dots to the inch
    assert "font-size: 32px" not in qapp.styleSheet() and "font-size: 64px" in qapp.styleSheet()
    apply_theme(qapp, high_contrast=True, scale=1.0)
    assert qapp.font().pixelSize() == 19  # 14 pt
    assert HIGH_CONTRAST.background in qapp.styleSheet()


@pytest.fixture
def system_high_contrast(monkeypatch: pytest.MonkeyPatch) -> None:
    """The computer is set to high contrast (a Windows contrast theme, macOS's Increase
    Contrast)."""
    monkeypatch.setattr(theme, "system_asks_for_high_contrast", lambda: True)


def _in_high_contrast(app: QApplication) -> bool:
    return f"QWidget {{ background: {HIGH_CONTRAST.background};" in app.styleSheet()


def test_the_app_starts_in_high_contrast_when_the_computer_asks(
    qtbot: QtBot, open_app: Opener, system_high_contrast: None, qapp: QApplication
) -> None:
    ctx, _window = open_app()
    assert _in_high_contrast(qapp)
    page = wait_until_still(qtbot, visit(ctx, "settings"))
    assert isinstance(page, SettingsPage)
    assert page.contrast.isChecked()  # the box says what the person sees


def test_the_persons_own_choice_wins_over_the_computers(
    qtbot: QtBot, open_app: Opener, system_high_contrast: None, qapp: QApplication
) -> None:
    ctx, _window = open_app()
    page = wait_until_still(qtbot, visit(ctx, "settings"))
    assert isinstance(page, SettingsPage)
    page.contrast.setFocus()
    qtbot.keyClick(page.contrast, Qt.Key.Key_Space)  # the person turns it off
    qtbot.waitUntil(lambda: not _in_high_contrast(qapp))
    assert ctx.settings.chosen(Preferences.high_contrast)
    ctx.restyle()  # the computer's setting changing again does not undo the choice
    assert not _in_high_contrast(qapp)


def test_without_a_system_preference_the_default_colours_are_used(
    open_app: Opener, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(theme, "system_asks_for_high_contrast", lambda: False)
    open_app()
    assert not _in_high_contrast(qapp)


def test_the_open_window_follows_the_computer_when_its_contrast_changes(
    qtbot: QtBot, open_app: Opener, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(theme, "system_asks_for_high_contrast", lambda: False)
    open_app()
    gc.collect()  # what follows the setting must live as long as the window, not less
    assert not _in_high_contrast(qapp)
    monkeypatch.setattr(theme, "system_asks_for_high_contrast", lambda: True)
    hints = theme.accessibility_hints()
    assert hints is not None
    hints.contrastPreferenceChanged.emit(Qt.ContrastPreference.HighContrast)
    qtbot.waitUntil(lambda: _in_high_contrast(qapp))
