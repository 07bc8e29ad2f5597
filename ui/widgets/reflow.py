"""Labels that re-flow: Qt's buttons and check boxes never wrap their text, so at large
text sizes a long label would be cut off. ``Reflow`` re-wraps it to the width given."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QAbstractButton

from ui.fonts import text_scale_of
from ui.icons import icon
from ui.theme import MIN_TARGET_PX

_RESTYLE_EVENTS = (QEvent.Type.FontChange, QEvent.Type.StyleChange)

if TYPE_CHECKING:
    # For the type checker the mixin is a button, so ``self`` and ``super()`` are typed.
    # At run time it stays a plain mixin, put before the Qt button class it serves.
    _Button = QAbstractButton
else:
    _Button = object


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


class Reflow(_Button):
    """Mixin for a Qt button class (put it first): the label wraps to the width given.

    Subclasses say how much width is not text (padding, borders, an indicator) at 100%
    text in ``chrome_px``; icons are counted here.
    """

    chrome_px = 0
    _full_text: str
    _icon_name: str

    def _init_reflow(self, text: str) -> None:
        self._full_text = text
        self._icon_name = ""

    def full_text(self) -> str:
        return self._full_text

    def set_named_icon(self, name: str) -> None:
        """Show the line icon ``name``, redrawn in the text colour when the theme changes."""
        self._icon_name = name
        self.setIcon(icon(name))

    def setText(self, text: str) -> None:  # noqa: N802 (Qt naming)
        self._full_text = text
        self._rewrap()

    def _chrome(self) -> int:
        # Scaled with the text. (Asking the style through initStyleOption is avoided: in
        # PySide6 it leaks a reference.)
        scale = text_scale_of(self.font())
        width = round(self.chrome_px * scale) + 16
        if not self.icon().isNull():
            width += self.iconSize().width() + 8
        return width

    def _rewrap(self) -> None:
        if self.width() <= 0:
            super().setText(self._full_text)
            return
        width = max(self.width() - self._chrome(), 40)
        wrapped = "\n".join(wrap_lines(self._full_text, QFontMetrics(self.font()), width))
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
        return QSize(
            max(longest + self._chrome(), MIN_TARGET_PX), max(hint.height(), MIN_TARGET_PX)
        )
