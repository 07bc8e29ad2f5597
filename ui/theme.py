"""Colours, sizes and the one style sheet, for the default and high-contrast themes.

Text contrast is at least 7:1 in both themes, and the focus style (a thick dark border
on a yellow fill, as GOV.UK does it) is always visible. ``tests/ui/test_theme.py``
computes every pair.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessibilityHints, QFont, QGuiApplication, QStyleHints
from PySide6.QtWidgets import QApplication

from desktop_app.settings import Preferences, Settings
from ui.fonts import BASE_POINT_SIZE, FAMILY, pt_to_px

MIN_TARGET_PX = 44
BUTTON_PADDING_PX = 18
TILE_PADDING_PX = 14
LINK_PADDING_PX = 6
FOCUS_BORDER_PX = 4


@dataclass(frozen=True)
class Palette:
    name: str
    background: str
    surface: str
    text: str
    secondary_text: str
    border: str
    primary: str
    primary_text: str
    focus_fill: str
    focus_text: str
    focus_ring: str
    error: str
    success: str
    link: str
    selected: str
    selected_text: str

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Every foreground/background pair used for text."""
        return {
            "body": (self.text, self.background),
            "body on surface": (self.text, self.surface),
            "secondary": (self.secondary_text, self.background),
            "secondary on surface": (self.secondary_text, self.surface),
            "primary button": (self.primary_text, self.primary),
            "focused control": (self.focus_text, self.focus_fill),
            "error": (self.error, self.background),
            "success": (self.success, self.background),
            "link": (self.link, self.background),
            "link on surface": (self.link, self.surface),
            "selected tile": (self.selected_text, self.selected),
        }

    def non_text_pairs(self) -> dict[str, tuple[str, str]]:
        """Focus ring and control borders against what surrounds them (need 3:1)."""
        return {
            "focus ring on background": (self.focus_ring, self.background),
            "focus ring on surface": (self.focus_ring, self.surface),
            "control border": (self.border, self.background),
            "control border on surface": (self.border, self.surface),
        }


DEFAULT = Palette(
    name="default",
    background="#ffffff",
    surface="#f3f2f1",
    text="#0b0c0c",
    secondary_text="#383f43",
    border="#505a5f",
    primary="#005a30",
    primary_text="#ffffff",
    focus_fill="#ffdd00",
    focus_text="#0b0c0c",
    focus_ring="#0b0c0c",
    error="#a4262c",
    success="#005a30",
    link="#003078",
    selected="#003078",
    selected_text="#ffffff",
)

HIGH_CONTRAST = Palette(
    name="high contrast",
    background="#000000",
    surface="#1a1a1a",
    text="#ffffff",
    secondary_text="#f0f0f0",
    border="#ffffff",
    primary="#ffff00",
    primary_text="#000000",
    focus_fill="#00ffff",
    focus_text="#000000",
    focus_ring="#ffffff",
    error="#ff9e9e",
    success="#8cff8c",
    link="#ffff66",
    selected="#ffffff",
    selected_text="#000000",
)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#rrggbb`` colour."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio between two ``#rrggbb`` colours (1 to 21)."""
    a, b = luminance(foreground), luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


#: The style hints and their accessibility part, held for the life of the app. (PySide6
#: marks the accessibility hints as deleted when they are reached through a style-hints
#: object that Python has already let go of, so both are kept.)
_HINTS: list[tuple[QStyleHints, QAccessibilityHints]] = []


def accessibility_hints() -> QAccessibilityHints | None:
    """The computer's accessibility preferences as Qt reads them (None with no app)."""
    if not isinstance(QGuiApplication.instance(), QGuiApplication):
        return None
    if not _HINTS:
        style_hints = QGuiApplication.styleHints()
        _HINTS.append((style_hints, style_hints.accessibility()))
    return _HINTS[0][1]


def system_asks_for_high_contrast() -> bool:
    """True when the computer is set to high contrast: a Windows contrast theme, macOS's
    Increase Contrast, or a high-contrast theme on Linux (as far as Qt can tell)."""
    hints = accessibility_hints()
    if hints is None:
        return False
    return bool(hints.contrastPreference() == Qt.ContrastPreference.HighContrast)


def wants_high_contrast(settings: Settings) -> bool:
    """High contrast as the person chose it, or as the computer asks when they did not."""
    if settings.chosen(Preferences.high_contrast):
        return settings.val.high_contrast
    return system_asks_for_high_contrast()


def palette_for(high_contrast: bool) -> Palette:
    return HIGH_CONTRAST if high_contrast else DEFAULT


def style_sheet(p: Palette, scale: float) -> str:
    """The whole app's style sheet for a palette and a text scale (1.0 to 2.0)."""

    def px(value: float) -> int:
        return round(value * scale)

    def pt(value: float) -> str:
        """A size designed in points, written in pixels (see ``ui.fonts``)."""
        return f"{pt_to_px(value * scale)}px"

    return f"""
QWidget {{ background: {p.background}; color: {p.text}; }}
QScrollArea, QStackedWidget {{ border: none; }}
QLabel[role="h1"] {{ font-size: {pt(24)}; font-weight: bold; }}
QLabel[role="h2"] {{ font-size: {pt(18)}; font-weight: bold; }}
QLabel[role="hint"] {{ color: {p.secondary_text}; }}
QLabel[role="figure"] {{ font-size: {pt(30)}; font-weight: bold; }}
QLabel[role="figure-caption"] {{ color: {p.secondary_text}; }}
QLabel[role="error"] {{ color: {p.error}; font-weight: bold; }}
QLabel[role="success"] {{ color: {p.success}; font-weight: bold; }}
QFrame[role="card"] {{ background: {p.surface}; border: 1px solid {p.border};
    border-radius: {px(6)}px; }}
QFrame[role="card"] QLabel {{ background: {p.surface}; }}
QFrame[role="error-summary"] {{ border: {px(4)}px solid {p.error}; }}
QFrame[role="error-summary"]:focus {{ border: {px(6)}px solid {p.focus_ring}; }}
QFrame[role="banner"] {{ border: {px(4)}px solid {p.success}; }}
QPushButton {{
    background: {p.surface}; color: {p.text}; border: 2px solid {p.border};
    border-radius: {px(4)}px; padding: {px(10)}px {px(BUTTON_PADDING_PX)}px;
    min-height: {px(MIN_TARGET_PX - 20)}px; min-width: {px(MIN_TARGET_PX)}px;
}}
QPushButton[role="primary"] {{ background: {p.primary}; color: {p.primary_text};
    border-color: {p.primary}; font-weight: bold; }}
QPushButton[role="link"] {{ background: transparent; color: {p.link}; border: 2px solid
    transparent; text-decoration: underline; text-align: left; padding: {px(LINK_PADDING_PX)}px; }}
QPushButton[role="tile"] {{ text-align: left; padding: {px(TILE_PADDING_PX)}px;
    font-weight: bold; }}
QPushButton[role="tile"]:checked, QPushButton[role="tile"][current="true"] {{
    background: {p.selected}; color: {p.selected_text};
    border: {px(3)}px solid {p.selected}; }}
QPushButton:focus, QPushButton[role="primary"]:focus, QPushButton[role="link"]:focus,
QPushButton[role="tile"]:focus, QPushButton[role="tile"]:checked:focus,
QPushButton[role="tile"][current="true"]:focus {{
    background: {p.focus_fill}; color: {p.focus_text};
    border: {px(FOCUS_BORDER_PX)}px solid {p.focus_ring};
}}
QLineEdit, QPlainTextEdit, QTextEdit, QDateEdit, QSpinBox, QComboBox, QDoubleSpinBox {{
    background: {p.background}; color: {p.text}; border: 2px solid {p.border};
    padding: {px(8)}px; min-height: {px(MIN_TARGET_PX - 20)}px;
    selection-background-color: {p.selected}; selection-color: {p.selected_text};
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QDateEdit:focus, QSpinBox:focus,
QComboBox:focus, QDoubleSpinBox:focus {{
    border: {px(4)}px solid {p.focus_ring}; background: {p.background};
}}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QDateEdit[invalid="true"] {{
    border: {px(4)}px solid {p.error};
}}
QCheckBox, QRadioButton {{ spacing: {px(12)}px; padding: {px(8)}px; min-height:
    {px(MIN_TARGET_PX - 16)}px; }}
QCheckBox:focus, QRadioButton:focus {{ background: {p.focus_fill}; color: {p.focus_text};
    border: {px(3)}px solid {p.focus_ring}; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: {px(28)}px; height: {px(28)}px; }}
QTableView, QListView {{ background: {p.background}; color: {p.text}; gridline-color: {p.border};
    border: 2px solid {p.border}; selection-background-color: {p.selected};
    selection-color: {p.selected_text}; }}
QTableView:focus, QListView:focus {{ border: {px(4)}px solid {p.focus_ring}; }}
QHeaderView::section {{ background: {p.surface}; color: {p.text}; padding: {px(8)}px;
    border: 1px solid {p.border}; font-weight: bold; }}
QSlider {{ min-height: {px(MIN_TARGET_PX)}px; }}
QSlider:focus {{ background: {p.focus_fill}; }}
QSlider::groove:horizontal {{ height: {px(8)}px; background: {p.border}; }}
QSlider::handle:horizontal {{ background: {p.text}; width: {px(28)}px;
    margin: -{px(10)}px 0; border-radius: {px(4)}px; }}
QToolTip {{ background: {p.background}; color: {p.text}; border: 1px solid {p.border}; }}
"""


def apply_theme(app: QApplication, high_contrast: bool, scale: float) -> None:
    """Apply the text size and colours to the whole app, live."""
    font = QFont(FAMILY)
    font.setPixelSize(pt_to_px(BASE_POINT_SIZE * scale))
    app.setFont(font)
    app.setStyleSheet(style_sheet(palette_for(high_contrast), scale))
