"""Big choice tiles: one click (or Enter/Space) chooses; arrow keys move between them.

A group of tiles is one of two kinds, and screen readers hear which:

- Tiles that **move on** when chosen (the questions of "Add my time", a list of things to
  open) are push buttons. Choosing one acts at once, as pressing a button does. The answer
  given before is marked, and said in the tile's description.
- Tiles whose choice is **read later** (a form with a Save button) are radio buttons. They
  are one stop for Tab, and choosing one only marks it.

A group moves on when something listens to ``chosen``, unless it is told otherwise.
In both kinds, and among Home's big buttons (``move_with_arrows``), the arrow keys move
the keyboard from tile to tile and never choose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QMetaMethod, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import QAbstractButton, QButtonGroup, QGridLayout, QSizePolicy, QWidget

from desktop_app.i18n import _
from ui.theme import MIN_TARGET_PX, TILE_PADDING_PX
from ui.widgets.buttons import WrappingButton

ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)


@dataclass(frozen=True)
class Choice:
    value: Any
    text: str
    description: str = ""
    icon: str = ""


class ArrowKeys(QObject):
    """Moves the keyboard between ``buttons`` with the arrow keys, as they are laid out.

    Left and Right go to the previous and next button in reading order; Up and Down go
    to the nearest button in the line above or below. The keys never press a button, and
    stop at the edges. Tab is left alone.
    """

    def __init__(self, buttons: Sequence[QAbstractButton], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.buttons = list(buttons)
        for button in self.buttons:
            button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ARROWS
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and watched in self.buttons
        ):
            assert isinstance(watched, QAbstractButton)
            target = self.target(watched, Qt.Key(event.key()))
            if target is not None:
                target.setFocus(Qt.FocusReason.TabFocusReason)
            return True  # an arrow never presses or checks a button
        return False

    def target(self, start: QAbstractButton, key: Qt.Key) -> QAbstractButton | None:
        shown = [b for b in self.buttons if b.isVisible() and b.isEnabled()]
        if start not in shown:
            return None
        index = shown.index(start)
        if key == Qt.Key.Key_Right:
            return shown[index + 1] if index + 1 < len(shown) else None
        if key == Qt.Key.Key_Left:
            return shown[index - 1] if index > 0 else None
        return self._vertical(start, shown, down=key == Qt.Key.Key_Down)

    @staticmethod
    def _vertical(
        start: QAbstractButton, shown: Sequence[QAbstractButton], down: bool
    ) -> QAbstractButton | None:
        def centre(button: QAbstractButton) -> QPoint:
            return button.mapTo(button.window(), button.rect().center())

        here = centre(start)
        half = start.height() // 2
        lines = [
            b
            for b in shown
            if b is not start
            and (centre(b).y() > here.y() + half if down else centre(b).y() < here.y() - half)
        ]
        if not lines:
            return None
        nearest = min(abs(centre(b).y() - here.y()) for b in lines)
        line = [b for b in lines if abs(centre(b).y() - here.y()) - nearest <= half]
        return min(line, key=lambda b: abs(centre(b).x() - here.x()))


def move_with_arrows(buttons: Sequence[QAbstractButton]) -> ArrowKeys:
    """Let the arrow keys move between ``buttons`` (a group of big buttons, like Home's)."""
    parent = buttons[0].parentWidget() if buttons else None
    return ArrowKeys(buttons, parent)


def _drawn_as_chosen(icon: QIcon) -> QIcon:
    """``icon`` with its "on" drawings (a chosen tile's colours) used for "off" as well."""
    drawn = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Active, QIcon.Mode.Selected):
        pixmap = icon.pixmap(QSize(96, 96), mode, QIcon.State.On)
        for state in (QIcon.State.Off, QIcon.State.On):
            drawn.addPixmap(pixmap, mode, state)
    return drawn


class ChoiceTile(WrappingButton):
    """A large tile with an optional icon and a second line of explanation."""

    padding_px = TILE_PADDING_PX

    def __init__(self, choice: Choice, parent: QWidget | None = None) -> None:
        label = choice.text if not choice.description else f"{choice.text}\n{choice.description}"
        super().__init__(label, parent)
        self.choice = choice
        self.current = False
        self._description = choice.description
        self._plain_icon = QIcon()
        self.setProperty("role", "tile")
        self.setCheckable(True)
        self.setAutoExclusive(True)  # until its group says it moves on
        self.clicking = False
        self.setAutoDefault(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(MIN_TARGET_PX * 3, MIN_TARGET_PX + 16)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(choice.text)
        self._describe()
        if choice.icon:
            self.set_named_icon(choice.icon)
            self.setIconSize(QSize(36, 36))

    def move_on(self) -> None:
        """Be a push button: choosing acts at once, so it is never "checked"."""
        self.setAutoExclusive(False)
        self.setChecked(False)
        self.setCheckable(False)

    def moves_on(self) -> bool:
        return not self.isCheckable()

    def set_current(self, current: bool) -> None:
        """Mark (or unmark) a tile that moves on as the answer given so far."""
        if current == self.current:
            return
        self.current = current
        self.setProperty("current", current)
        self.style().unpolish(self)
        self.style().polish(self)
        if not self._plain_icon.isNull():
            self.setIcon(self._plain_icon)
        self._describe()

    def setIcon(self, icon: QIcon | QPixmap, /) -> None:  # noqa: N802 (Qt naming)
        """The answer so far is drawn like a chosen tile, its icon too (in the "on" colours)."""
        icon = QIcon(icon)
        self._plain_icon = icon
        super().setIcon(_drawn_as_chosen(icon) if self.current else icon)

    def isChecked(self) -> bool:  # noqa: N802 (Qt naming)
        """Whether this tile holds the answer: checked, or (moving on) marked current."""
        return self.current if self.moves_on() else super().isChecked()

    def set_description(self, description: str) -> None:
        """Change the tile's second line (what it says about the answer so far)."""
        self._description = description
        self.setText(f"{self.choice.text}\n{description}" if description else self.choice.text)
        self._describe()

    def _describe(self) -> None:
        parts = [self._description] if self._description else []
        if self.current:
            parts.append(_("This is your answer so far."))
        self.setAccessibleDescription(" ".join(parts))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        hint = super().minimumSizeHint()
        return QSize(self.minimumWidth(), max(hint.height(), self.minimumHeight()))

    def nextCheckState(self) -> None:  # noqa: N802 (Qt naming)
        self.clicking = True  # a click (mouse, Enter or Space) is reported by ``clicked``
        try:
            super().nextCheckState()
        finally:
            self.clicking = False


class TileGroup(QWidget):
    """A grid of tiles of which one may be chosen. ``chosen`` fires on every click.

    ``moves_on`` says whether choosing acts at once (push buttons) or is read later by
    ``value()`` (radio buttons); left as None, connecting to ``chosen`` makes it move on.
    """

    chosen = Signal(object)

    def __init__(
        self,
        choices: Sequence[Choice],
        columns: int = 2,
        parent: QWidget | None = None,
        moves_on: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.tiles: list[ChoiceTile] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._columns = columns
        self._setting = False
        self._moves_on = False
        self._decided = moves_on is not None
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        for index, choice in enumerate(choices):
            tile = ChoiceTile(choice, self)
            tile.clicked.connect(lambda _checked=False, t=tile: self._clicked(t))
            tile.toggled.connect(lambda on, t=tile: self._toggled(t, on))
            self._group.addButton(tile)
            layout.addWidget(tile, index // columns, index % columns)
            self.tiles.append(tile)
        for earlier, later in zip(self.tiles, self.tiles[1:], strict=False):
            QWidget.setTabOrder(earlier, later)
        self.arrows = ArrowKeys(self.tiles, self)
        if moves_on:
            self._move_on()

    def connectNotify(self, signal: QMetaMethod) -> None:  # noqa: N802 (Qt naming)
        super().connectNotify(signal)
        if not self._decided and signal == QMetaMethod.fromSignal(self.chosen):
            self._move_on()

    def _move_on(self) -> None:
        if self._moves_on:
            return
        current = self.value()
        self._moves_on = True
        self._decided = True
        self._group.setExclusive(False)
        for tile in self.tiles:
            tile.move_on()
            tile.set_current(tile.choice.value == current and current is not None)

    def moves_on(self) -> bool:
        return self._moves_on

    def value(self) -> Any:
        if self._moves_on:
            return next((t.choice.value for t in self.tiles if t.current), None)
        checked = self._group.checkedButton()
        return checked.choice.value if isinstance(checked, ChoiceTile) else None

    def _clicked(self, tile: ChoiceTile) -> None:
        if self._moves_on:
            for other in self.tiles:
                other.set_current(other is tile)
        self.chosen.emit(tile.choice.value)

    def _toggled(self, tile: ChoiceTile, on: bool) -> None:
        """A tile checked without a click (a screen reader's "toggle" action) is chosen."""
        if on and not tile.clicking and not self._setting:
            self.chosen.emit(tile.choice.value)

    def set_value(self, value: Any) -> None:
        self._setting = True
        try:
            for tile in self.tiles:
                if self._moves_on:
                    tile.set_current(tile.choice.value == value)
                else:
                    tile.setChecked(tile.choice.value == value)
        finally:
            self._setting = False

    def tile_for(self, value: Any) -> ChoiceTile:
        return next(tile for tile in self.tiles if tile.choice.value == value)

    def focus_current(self) -> None:
        """Put the keyboard on the chosen tile, or on the first one."""
        target = next((t for t in self.tiles if t.isChecked()), None)
        if target is None and self.tiles:
            target = self.tiles[0]
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
