"""Big choice tiles: one click (or Enter/Space) chooses; arrow keys move between them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QSizePolicy, QWidget

from ui.theme import MIN_TARGET_PX, TILE_PADDING_PX
from ui.widgets.buttons import WrappingButton


@dataclass(frozen=True)
class Choice:
    value: Any
    text: str
    description: str = ""
    icon: str = ""


class ChoiceTile(WrappingButton):
    """A large, checkable tile with an optional icon and a second line of explanation."""

    padding_px = TILE_PADDING_PX

    def __init__(self, choice: Choice, parent: QWidget | None = None) -> None:
        label = choice.text if not choice.description else f"{choice.text}\n{choice.description}"
        super().__init__(label, parent)
        self.choice = choice
        self.setProperty("role", "tile")
        self.setCheckable(True)
        self.setAutoExclusive(True)  # one of a set: screen readers hear a radio button
        self.clicking = False
        self.setAutoDefault(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(MIN_TARGET_PX * 3, MIN_TARGET_PX + 16)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(choice.text)
        if choice.description:
            self.setAccessibleDescription(choice.description)
        if choice.icon:
            self.set_named_icon(choice.icon)
            self.setIconSize(QSize(36, 36))

    def set_description(self, description: str) -> None:
        """Change the tile's second line (what it says about the answer so far)."""
        self.setText(f"{self.choice.text}\n{description}" if description else self.choice.text)
        self.setAccessibleDescription(description)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        hint = super().minimumSizeHint()
        return QSize(self.minimumWidth(), max(hint.height(), self.minimumHeight()))

    def nextCheckState(self) -> None:  # noqa: N802 (Qt naming)
        self.clicking = True  # a click (mouse, Enter or Space) is reported by ``clicked``
        try:
            super().nextCheckState()
        finally:
            self.clicking = False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        # Qt's own arrow keys would choose the next tile, which moves on to the next page.
        # Arrows only move the keyboard (in TileGroup); Enter and Space choose.
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            event.ignore()
            return
        super().keyPressEvent(event)


class TileGroup(QWidget):
    """A grid of tiles of which one may be chosen. ``chosen`` fires on every click."""

    chosen = Signal(object)

    def __init__(
        self, choices: Sequence[Choice], columns: int = 2, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tiles: list[ChoiceTile] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._columns = columns
        self._setting = False
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        for index, choice in enumerate(choices):
            tile = ChoiceTile(choice, self)
            tile.clicked.connect(lambda _checked=False, t=tile: self.chosen.emit(t.choice.value))
            tile.toggled.connect(lambda on, t=tile: self._toggled(t, on))
            self._group.addButton(tile)
            layout.addWidget(tile, index // columns, index % columns)
            self.tiles.append(tile)
        for earlier, later in zip(self.tiles, self.tiles[1:], strict=False):
            QWidget.setTabOrder(earlier, later)

    def value(self) -> Any:
        checked = self._group.checkedButton()
        return checked.choice.value if isinstance(checked, ChoiceTile) else None

    def _toggled(self, tile: ChoiceTile, on: bool) -> None:
        """A tile checked without a click (a screen reader's "toggle" action) is chosen."""
        if on and not tile.clicking and not self._setting:
            self.chosen.emit(tile.choice.value)

    def set_value(self, value: Any) -> None:
        self._setting = True
        try:
            for tile in self.tiles:
                tile.setChecked(tile.choice.value == value)
        finally:
            self._setting = False

    def tile_for(self, value: Any) -> ChoiceTile:
        return next(tile for tile in self.tiles if tile.choice.value == value)

    def focus_current(self) -> None:
        """Put the keyboard on the chosen tile, or on the first one."""
        checked = self._group.checkedButton()
        target = checked if checked is not None else (self.tiles[0] if self.tiles else None)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        steps = {
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Down: self._columns,
            Qt.Key.Key_Up: -self._columns,
        }
        focused = self.focusWidget()
        if event.key() in steps and focused in self.tiles:
            index = self.tiles.index(focused) + steps[Qt.Key(event.key())]
            if 0 <= index < len(self.tiles):
                self.tiles[index].setFocus(Qt.FocusReason.TabFocusReason)
            event.accept()
            return
        super().keyPressEvent(event)
