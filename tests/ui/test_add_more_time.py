""" "Add more time" on "Your time is saved" always starts a new entry.

The page that calls back into the "Add my time" flow must keep the flow alive: nothing
else holds it once the earlier pages are gone, and Python may free it at any moment.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from desktop_app.services import activities
from tests.helpers.screens import Opener, current, wait_for_page
from ui.context import AppContext
from ui.pages.add_time.check import CheckPage, DonePage
from ui.pages.add_time.steps import TilePage
from ui.widgets.page import Page

LOOPS = 20
#: A person presses "Add more time" with the mouse, Space or Enter.
WAYS = ("click", Qt.Key.Key_Space, Qt.Key.Key_Return)


def _forget_freed_pages() -> None:
    """Delete the pages that were left, then free whatever nothing holds any more."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def _press(qtbot: QtBot, button: QAbstractButton, way: object) -> None:
    if way == "click":
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    else:
        button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(button, way)  # type: ignore[arg-type]


def _first_question(qtbot: QtBot, ctx: AppContext, leaving: Page) -> bool:
    """Wait for "What did you do?". The test keeps no page: a page it held could keep
    the flow alive when the app itself does not."""
    return wait_for_page(qtbot, ctx, leaving, TilePage).heading.text() == "What did you do?"


def _add_a_meeting(qtbot: QtBot, ctx: AppContext) -> DonePage:
    """From "What did you do?": a 1-hour meeting today, nothing to add, saved."""
    for value in ("meeting", "today", 60, "done"):
        page = current(ctx)
        assert isinstance(page, TilePage)
        _forget_freed_pages()
        qtbot.mouseClick(page.tiles.tile_for(value), Qt.MouseButton.LeftButton)
        wait_for_page(qtbot, ctx, leaving=page)
    check = current(ctx)
    assert isinstance(check, CheckPage) and check.continue_button is not None
    _forget_freed_pages()
    qtbot.mouseClick(check.continue_button, Qt.MouseButton.LeftButton)
    return wait_for_page(qtbot, ctx, leaving=check, kind=DonePage)


def test_add_more_time_starts_a_new_entry_every_time(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    home = wait_for_page(qtbot, ctx)
    qtbot.mouseClick(home.action_buttons["add_time"], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert _first_question(qtbot, ctx, leaving=home)
    for loop in range(LOOPS):
        done = _add_a_meeting(qtbot, ctx)
        assert done.saved.text().startswith("Meeting, Today")
        _forget_freed_pages()
        _press(qtbot, done.again_button, WAYS[loop % len(WAYS)])
        assert _first_question(qtbot, ctx, leaving=done), f"loop {loop + 1}"
    saved = ctx.call(activities.list_activities)
    assert len(saved) == LOOPS
    assert {(entry.kind.value, entry.minutes) for entry in saved} == {("meeting", 60)}
