"""Widget tests see each widget as the app shows it: bundled fonts and the default theme."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from ui.fonts import load_bundled_fonts
from ui.theme import apply_theme


@pytest.fixture(autouse=True)
def app_theme(qapp: QApplication) -> None:
    load_bundled_fonts(qapp)
    apply_theme(qapp, high_contrast=False, scale=1.0)
