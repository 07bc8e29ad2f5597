"""Contrast of every colour pair in both themes, and the style applied live."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

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


def test_text_size_applies_to_the_whole_app(qapp: QApplication) -> None:
    apply_theme(qapp, high_contrast=False, scale=2.0)
    assert qapp.font().pointSizeF() == pytest.approx(28.0)
    assert "24.0pt" not in qapp.styleSheet() and "48.0pt" in qapp.styleSheet()
    apply_theme(qapp, high_contrast=True, scale=1.0)
    assert qapp.font().pointSizeF() == pytest.approx(14.0)
    assert HIGH_CONTRAST.background in qapp.styleSheet()
