"""Home fits a 1024×768 window at 100% text: every action shows without scrolling.

Half of Home (My statement, Open a file from my coordinator, My products, My
reflections) used to sit below the fold. The figures and the big buttons now share rows
when they fit, and fall into fewer columns as the window narrows or the text grows.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.settings import Preferences
from tests.helpers.screens import Opener, current, wait_until_still
from ui.pages.home import HomePage
from ui.widgets.page import Page


def _actions(home: HomePage) -> list:  # type: ignore[type-arg]
    return [*home.action_buttons.values(), *home.more_links]


def _in_view(page: Page, widget: object) -> bool:
    viewport = page.scroll.viewport()
    rect = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())  # type: ignore[attr-defined]
    return viewport.rect().contains(rect)


def test_every_home_action_shows_at_1024_by_768_without_scrolling(
    qtbot: QtBot, open_app: Opener
) -> None:
    ctx, window = open_app("demo")
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.size().width() == 1024 and window.size().height() == 768)
    home = current(ctx)
    assert isinstance(home, HomePage)
    wait_until_still(qtbot, home)
    qtbot.waitUntil(lambda: home.cards["total"].value.text() != "\u2013")  # figures counted
    wait_until_still(qtbot, home)
    assert home.scroll.verticalScrollBar().value() == 0
    outside = [b.accessibleName() for b in _actions(home) if not _in_view(home, b)]
    assert outside == []
    # Reading order is Tab order: Tab from the first action visits them all in turn.
    visited = [QApplication.focusWidget()]
    for _ in range(len(_actions(home)) - 1):
        qtbot.keyClick(visited[-1], Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == _actions(home)
    assert home.scroll.verticalScrollBar().value() == 0


def test_at_200_percent_home_reflows_and_tab_keeps_each_action_in_view(
    qtbot: QtBot, open_app: Opener
) -> None:
    ctx, window = open_app("demo")
    window.resize(1024, 768)
    ctx.settings.set(Preferences.text_scale, 2.0)
    ctx.restyle()
    home = current(ctx)
    assert isinstance(home, HomePage)
    wait_until_still(qtbot, home)
    buttons = list(home.action_buttons.values())
    tops = [b.mapTo(home, QPoint(0, 0)).y() for b in buttons]
    assert tops == sorted(tops)  # still in reading order, now in fewer columns
    assert not home.scroll.horizontalScrollBar().isVisible()
    buttons[0].setFocus(Qt.FocusReason.TabFocusReason)
    for action in _actions(home)[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is action
        qtbot.waitUntil(lambda a=action: _in_view(home, a))
    ctx.settings.restore_defaults()
