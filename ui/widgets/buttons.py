"""Buttons: large, keyboard-friendly, with accessible names, and text that wraps.

Qt's push buttons never wrap their text, so at large text sizes a long label would be
cut off. ``WrappingButton`` re-flows its label to the width it is given.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from ui.theme import (
    BUTTON_PADDING_PX,
    FOCUS_BORDER_PX,
    LINK_PADDING_PX,
    MIN_TARGET_PX,
)
from ui.widgets.reflow import Reflow


def plain(text: str) -> str:
    """Button text without its keyboard-shortcut ampersands."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class WrappingButton(Reflow, QPushButton):
    """A push button whose label wraps onto more lines instead of being cut off."""

    #: Horizontal padding in the style sheet at 100% text (see ``ui/theme.py``).
    padding_px = BUTTON_PADDING_PX

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        QPushButton.__init__(self, text, parent)
        self._init_reflow(text)
        self.chrome_px = 2 * (self.padding_px + FOCUS_BORDER_PX)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)


class Button(WrappingButton):
    """A push button that Enter and Space both activate, at least 44×44 px."""

    role = "secondary"

    def __init__(self, text: str, description: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setProperty("role", self.role)
        self.setAutoDefault(True)  # Enter activates the focused button, not only Space
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(MIN_TARGET_PX, MIN_TARGET_PX)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(plain(text))
        if description:
            self.setAccessibleDescription(description)
            self.setToolTip(description)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt naming)
        super().setText(text)
        self.setAccessibleName(plain(text))


class PrimaryButton(Button):
    """The one main action of a page (Continue, Save)."""

    role = "primary"


class SecondaryButton(Button):
    role = "secondary"


class LinkButton(Button):
    """A text link, like "Change", that acts within the app."""

    role = "link"
    padding_px = LINK_PADDING_PX

    def __init__(self, text: str, accessible_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent=parent)
        if accessible_name:
            self.setAccessibleName(accessible_name)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Minimum)
