"""The window part of ``partner-log --self-test --gui``.

It proves that this copy can show Partner Log: Qt's platform plugin loads, the bundled
Atkinson Hyperlegible font is found, and a window with the app's style opens and closes.
It runs offscreen unless told otherwise (``QT_QPA_PLATFORM``), so it needs no screen.
"""

from __future__ import annotations

from PySide6.QtGui import QFontInfo, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from ui.fonts import FAMILY, load_bundled_fonts
from ui.theme import apply_theme


class GuiCheckFailed(Exception):
    """The window could not be shown as it should."""


def open_and_close_a_window() -> str:
    """Open a styled window and close it again; a short detail, or ``GuiCheckFailed``."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["partner-log"])
    load_bundled_fonts(app)
    apply_theme(app, high_contrast=False, scale=1.0)
    window = QWidget()
    window.setWindowTitle("Partner Log")
    label = QLabel("Partner Log")
    QVBoxLayout(window).addWidget(label)
    window.resize(400, 300)
    window.show()
    app.processEvents()
    try:
        if not window.isVisible():
            raise GuiCheckFailed("the window did not open")
        family = QFontInfo(label.font()).family()
        if family != FAMILY:
            raise GuiCheckFailed(f"the font is {family}, not {FAMILY}")
    finally:
        window.close()
        app.processEvents()
    closed = not window.isVisible()
    window.deleteLater()
    if not closed:
        raise GuiCheckFailed("the window did not close")
    return f"{QGuiApplication.platformName()} platform, {family} font"
