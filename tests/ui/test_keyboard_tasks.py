"""The main tasks with the keyboard alone: Tab, Shift+Tab, Enter, Space, arrows, Escape.

After every key press the keyboard focus is still in the window and can be seen: the
focused control looks different from how it looks without the focus (the yellow fill or
thick border of the focus style).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.model import ActivityKind
from desktop_app.services import activities
from tests.helpers.screens import Opener, current, wait_for_page
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.pages.add_time.check import CheckPage, DonePage
from ui.pages.add_time.extra_time import AnythingToAddPage
from ui.pages.add_time.steps import HowLongPage
from ui.pages.entry_detail import EntryDetailPage
from ui.pages.home import HomePage
from ui.pages.records import RecordsPage

Key = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _changed_pixels(a: QImage, b: QImage) -> int:
    if a.size() != b.size():
        return a.width() * a.height()
    return sum(
        a.pixel(x, y) != b.pixel(x, y) for y in range(0, a.height()) for x in range(a.width())
    )


def focus_is_visible(widget: QWidget) -> bool:
    """The widget looks different with the focus than without it (by at least a ring)."""
    assert widget.hasFocus()
    with_focus = widget.grab().toImage()
    widget.clearFocus()
    QApplication.processEvents()
    without_focus = widget.grab().toImage()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    QApplication.processEvents()
    ring = 2 * (widget.width() + widget.height())
    return _changed_pixels(with_focus, without_focus) >= ring


class Keyboard:
    """Presses keys on whatever has the focus, and checks the focus after each one."""

    def __init__(self, qtbot: QtBot, ctx: AppContext, window: MainWindow) -> None:
        self.qtbot, self.ctx, self.window = qtbot, ctx, window
        self.presses: list[str] = []

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None and widget.window() is self.window, "the focus is lost"
        return widget

    def press(self, key: Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
        before = current(self.ctx)
        self.qtbot.keyClick(self.focused(), key, modifier)
        if current(self.ctx) is not before:  # a new page takes the focus a moment later
            wait_for_page(self.qtbot, self.ctx, leaving=before)
        self.presses.append(
            key.name if modifier == Qt.KeyboardModifier.NoModifier else f"Shift+{key.name}"
        )
        widget = self.focused()
        assert focus_is_visible(widget), (
            f"after {self.presses}: the focus on {widget.accessibleName()!r} cannot be seen"
        )

    def tab_to(self, name: str, backwards: bool = False, limit: int = 15) -> None:
        """Tab (or Shift+Tab) until the control called ``name`` has the focus."""
        for _ in range(limit):
            if self.focused().accessibleName() == name:
                return
            self.press(Key.Key_Tab, SHIFT if backwards else Qt.KeyboardModifier.NoModifier)
        raise AssertionError(f"Tab never reached {name!r}")


def record_meeting(keys: Keyboard, ctx: AppContext) -> None:
    assert isinstance(current(ctx), HomePage)
    assert keys.focused() is current(ctx).action_buttons["add_time"]  # type: ignore[attr-defined]
    keys.press(Key.Key_Return)  # Add my time
    keys.press(Key.Key_Return)  # What did you do? Meeting (the first tile)
    keys.press(Key.Key_Return)  # When was it? Today (the first tile)
    keys.press(Key.Key_Right)  # How long? from 30 minutes to 1 hour
    keys.press(Key.Key_Return)  # 1 hour
    assert isinstance(current(ctx), AnythingToAddPage)
    keys.press(Key.Key_Return)  # No, that is all
    assert isinstance(current(ctx), CheckPage)
    keys.press(Key.Key_Return)  # Save
    assert isinstance(current(ctx), DonePage)


def test_record_a_one_hour_meeting_today_with_the_keyboard(
    qtbot: QtBot, open_app: Opener, record_property: Callable[[str, object], None], today: date
) -> None:
    ctx, window = open_app()
    wait_for_page(qtbot, ctx)
    keys = Keyboard(qtbot, ctx, window)
    record_meeting(keys, ctx)
    (saved,) = ctx.call(activities.list_activities)
    assert (saved.kind, saved.minutes, saved.date) == (ActivityKind.MEETING, 60, today)
    record_property("key_presses", len(keys.presses))
    assert len(keys.presses) <= 12, keys.presses
    assert len(keys.presses) == 7, keys.presses


def open_my_records_entry(keys: Keyboard, ctx: AppContext) -> None:
    """From the confirmation page: Go to home, My records, open the first entry."""
    keys.press(Key.Key_Return)  # Go to home
    assert isinstance(current(ctx), HomePage)
    keys.tab_to("My records")
    keys.press(Key.Key_Return)
    assert isinstance(current(ctx), RecordsPage)
    assert keys.focused() is current(ctx).table  # type: ignore[attr-defined]
    keys.press(Key.Key_Return)  # the newest entry is already chosen
    assert isinstance(current(ctx), EntryDetailPage)


def test_change_how_long_with_the_keyboard(qtbot: QtBot, open_app: Opener) -> None:
    ctx, window = open_app()
    wait_for_page(qtbot, ctx)
    keys = Keyboard(qtbot, ctx, window)
    record_meeting(keys, ctx)
    open_my_records_entry(keys, ctx)
    keys.press(Key.Key_Return)  # Change this entry
    check = current(ctx)
    assert isinstance(check, CheckPage)
    keys.tab_to("Change: How long", backwards=True)
    keys.press(Key.Key_Return)
    assert isinstance(current(ctx), HowLongPage)
    assert keys.focused().accessibleName() == "1 hour"  # the answer so far
    keys.press(Key.Key_Right)  # arrows only move: still on this page
    assert isinstance(current(ctx), HowLongPage)
    assert keys.focused().accessibleName() == "1\u00bd hours"
    keys.press(Key.Key_Space)  # choose it
    assert current(ctx) is check
    assert keys.focused().accessibleName() == "Save the changes"
    keys.press(Key.Key_Return)
    assert isinstance(current(ctx), DonePage)
    (saved,) = ctx.call(activities.list_activities)
    assert (saved.kind, saved.minutes) == (ActivityKind.MEETING, 90)


def test_delete_and_undo_with_the_keyboard(qtbot: QtBot, open_app: Opener) -> None:
    ctx, window = open_app()
    wait_for_page(qtbot, ctx)
    keys = Keyboard(qtbot, ctx, window)
    record_meeting(keys, ctx)
    open_my_records_entry(keys, ctx)
    keys.press(Key.Key_Escape)  # Escape goes back to the list, with the entry still chosen
    assert isinstance(current(ctx), RecordsPage)
    keys.press(Key.Key_Return)
    assert isinstance(current(ctx), EntryDetailPage)
    keys.tab_to("Delete this entry")
    keys.press(Key.Key_Return)
    records = current(ctx)
    assert isinstance(records, RecordsPage)
    assert ctx.call(activities.list_activities) == []
    assert keys.focused() is records.undo_button  # Undo is one key away
    keys.press(Key.Key_Return)
    (back,) = ctx.call(activities.list_activities)
    assert (back.kind, back.minutes) == (ActivityKind.MEETING, 60)


def test_the_focus_check_sees_a_missing_focus_style(qtbot: QtBot, open_app: Opener) -> None:
    """A button styled the same with and without the focus fails the check."""
    ctx, _window = open_app()
    button = QPushButton("No focus style")
    button.setStyleSheet(
        "QPushButton, QPushButton:focus { background: white; border: 2px solid black; }"
    )
    home = wait_for_page(qtbot, ctx)
    home.body.addWidget(button)
    qtbot.waitUntil(button.isVisible)
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    assert not focus_is_visible(button)
    add_time = home.action_buttons["add_time"]  # type: ignore[attr-defined]
    add_time.setFocus()
    qtbot.waitUntil(add_time.hasFocus)
    assert focus_is_visible(add_time)
