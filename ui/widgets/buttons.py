"""Buttons: large, keyboard-friendly, with accessible names, and text that wraps.

Qt's push buttons never wrap their text, so at large text sizes a long label would be
cut off. ``WrappingButton`` re-flows its label to the width it is given.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QWidget

from ui.theme import MIN_TARGET_PX


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

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._full_text = text
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def full_text(self) -> str:
        return self._full_text

    def setText(self, text: str) -> None:  # noqa: N802 (Qt naming)
        self._full_text = text
        self._rewrap()

    def _text_width(self) -> int:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        rect = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        width = rect.width() - 8
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

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self._rewrap()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        hint = super().sizeHint()
        return QSize(MIN_TARGET_PX * 2, max(hint.height(), MIN_TARGET_PX))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), MIN_TARGET_PX))


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

    def __init__(self, text: str, accessible_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent=parent)
        if accessible_name:
            self.setAccessibleName(accessible_name)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Minimum)
