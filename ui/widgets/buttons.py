"""Buttons: large, keyboard-friendly, with accessible names, and text that wraps.

Qt's push buttons never wrap their text, so at large text sizes a long label would be
cut off. ``WrappingButton`` re-flows its label to the width it is given.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from ui.fonts import BASE_POINT_SIZE
from ui.icons import icon
from ui.theme import (
    BUTTON_PADDING_PX,
    FOCUS_BORDER_PX,
    LINK_PADDING_PX,
    MIN_TARGET_PX,
)

_RESTYLE_EVENTS = (QEvent.Type.FontChange, QEvent.Type.StyleChange)


def plain(text: str) -> str:
    """Button text without its keyboard-shortcut ampersands."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def wrap_lines(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """Greedy word wrap of ``text`` (which may hold newlines) to ``width`` pixels."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and metrics.horizontalAdvance(candidate) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines


class WrappingButton(QPushButton):
    """A push button whose label wraps onto more lines instead of being cut off."""

    #: Horizontal padding in the style sheet at 100% text (see ``ui/theme.py``).
    padding_px = BUTTON_PADDING_PX

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._full_text = text
        self._icon_name = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def full_text(self) -> str:
        return self._full_text

    def set_named_icon(self, name: str) -> None:
        """Show the line icon ``name``, redrawn in the text colour when the theme changes."""
        self._icon_name = name
        self.setIcon(icon(name))

    def setText(self, text: str) -> None:  # noqa: N802 (Qt naming)
        self._full_text = text
        self._rewrap()

    def _text_width(self) -> int:
        # The style sheet's padding and focus border, scaled with the text. (Asking the
        # style through initStyleOption is avoided: in PySide6 it leaks a reference.)
        scale = self.font().pointSizeF() / BASE_POINT_SIZE
        width = self.width() - 2 * round((self.padding_px + FOCUS_BORDER_PX) * scale) - 16
        if not self.icon().isNull():
            width -= self.iconSize().width() + 8
        return max(width, 40)

    def _rewrap(self) -> None:
        if self.width() <= 0:
            super().setText(self._full_text)
            return
        lines = wrap_lines(self._full_text, QFontMetrics(self.font()), self._text_width())
        wrapped = "\n".join(lines)
        if wrapped != super().text():
            super().setText(wrapped)
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self._rewrap()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt naming)
        super().changeEvent(event)
        if event.type() in _RESTYLE_EVENTS:
            if self._icon_name:
                self.setIcon(icon(self._icon_name))
            self._rewrap()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        hint = super().sizeHint()
        return QSize(MIN_TARGET_PX * 2, max(hint.height(), MIN_TARGET_PX))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """As wide as the label on one line would like; as tall as it is now wrapped."""
        hint = super().sizeHint()
        metrics = QFontMetrics(self.font())
        longest = max(metrics.horizontalAdvance(p) for p in self._full_text.split("\n"))
        scale = self.font().pointSizeF() / BASE_POINT_SIZE
        chrome = 2 * round((self.padding_px + FOCUS_BORDER_PX) * scale) + 16
        if not self.icon().isNull():
            chrome += self.iconSize().width() + 8
        return QSize(max(longest + chrome, MIN_TARGET_PX), max(hint.height(), MIN_TARGET_PX))


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
