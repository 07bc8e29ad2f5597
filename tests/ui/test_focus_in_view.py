"""The focused control is always in view, at every text size and in high contrast.

People at 200% text found Save below the window on Check your answers, and the page
jumping away from "Bigger" after one press. These tests walk every page with the Tab key
in the smallest window and, after each key press, look at where the focused control is.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.exceptions import TimeoutError as WaitedTooLong
from pytestqt.qtbot import QtBot

from desktop_app.settings import Preferences
from tests.helpers.page_tour import SETUP_STOPS, STOPS, visit, visit_setup
from tests.helpers.screens import Opener, focusable, wait_until_still
from ui.widgets.page import Page
from ui.widgets.text_size import STEPS


def out_of_view(page: Page) -> str | None:
    """Why the focused control on ``page`` is not fully in view (None when it is).

    A control taller than the window cannot show whole; it must then fill the view.
    """
    focused = QApplication.focusWidget()
    if focused is None:
        return "nothing has the keyboard"
    content = page.scroll.widget()
    if not content.isAncestorOf(focused):
        return None  # Back and Continue live outside the scrolling part on some pages
    viewport = page.scroll.viewport()
    view = viewport.rect()
    rect = QRect(focused.mapTo(viewport, QPoint(0, 0)), focused.size())
    if rect.height() > view.height():
        whole = rect.top() <= view.top() and rect.bottom() >= view.bottom()
    else:
        whole = view.contains(rect)
    if whole and view.left() <= rect.left() and rect.right() <= view.right():
        return None
    name = focused.accessibleName() or type(focused).__name__
    return f"{name!r} at {rect.getRect()} is not inside the view {view.getRect()}"


def tab_through(qtbot: QtBot, page: Page) -> list[str]:
    """Press Tab once per control (and once more, to come round) and check each time."""
    problems: list[str] = []
    for press in range(len(focusable(page)) + 1):
        focused = QApplication.focusWidget()
        assert isinstance(focused, QWidget), "nothing has the keyboard"
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        try:
            qtbot.waitUntil(lambda: out_of_view(page) is None, timeout=1000)
        except WaitedTooLong:
            problems.append(f"after Tab {press + 1}: {out_of_view(page)}")
    return problems


def start(qtbot: QtBot, page: Page) -> Page:
    wait_until_still(qtbot, page)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return page


@pytest.mark.parametrize("high_contrast", [False, True], ids=["default", "high-contrast"])
def test_tab_keeps_the_focus_in_view_on_every_page_at_200_percent(
    qtbot: QtBot, open_app: Opener, high_contrast: bool
) -> None:
    ctx, window = open_app("demo")
    window.resize(window.minimumSize())
    ctx.settings.set(Preferences.text_scale, 2.0)
    ctx.settings.set(Preferences.high_contrast, high_contrast)
    ctx.restyle()
    report: dict[str, list[str]] = {}
    for name in STOPS:
        page = start(qtbot, visit(ctx, name))
        if problem := out_of_view(page):
            report.setdefault(name, []).append(f"on arrival: {problem}")
        report.setdefault(name, []).extend(tab_through(qtbot, page))
    ctx.settings.restore_defaults()
    assert {k: v for k, v in report.items() if v} == {}


def test_tab_keeps_the_focus_in_view_on_first_run_pages_at_200_percent(
    qtbot: QtBot, open_app: Opener
) -> None:
    ctx, window = open_app(None)
    window.resize(window.minimumSize())
    ctx.settings.set(Preferences.text_scale, 2.0)
    ctx.restyle()
    report: dict[str, list[str]] = {}
    for name in SETUP_STOPS:
        page = start(qtbot, visit_setup(ctx, name))
        if problems := tab_through(qtbot, page):
            report[name] = problems
    ctx.settings.restore_defaults()
    assert report == {}


def test_bigger_keeps_itself_in_view_at_every_text_size(qtbot: QtBot, open_app: Opener) -> None:
    """Pressing Bigger with the keyboard, from 100% to 200%: it stays where it can be seen."""
    ctx, window = open_app()
    window.resize(window.minimumSize())
    page = start(qtbot, visit(ctx, "settings"))
    bigger = page.text_size.bigger  # type: ignore[attr-defined]
    smaller = page.text_size.smaller  # type: ignore[attr-defined]
    bigger.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: out_of_view(page) is None, timeout=1000)
    for percent in STEPS[1:]:
        qtbot.keyClick(bigger, Qt.Key.Key_Space)
        assert ctx.settings.val.text_scale == percent / 100
        qtbot.waitUntil(lambda: bigger.hasFocus() and out_of_view(page) is None, timeout=2000)
    smaller.setFocus(Qt.FocusReason.TabFocusReason)
    for percent in reversed(STEPS[:-1]):
        qtbot.keyClick(smaller, Qt.Key.Key_Space)
        assert ctx.settings.val.text_scale == percent / 100
        qtbot.waitUntil(lambda: smaller.hasFocus() and out_of_view(page) is None, timeout=2000)
    ctx.settings.restore_defaults()


def test_the_view_check_sees_a_control_below_the_window(qtbot: QtBot, open_app: Opener) -> None:
    ctx, window = open_app()
    window.resize(window.minimumSize())
    page = start(qtbot, visit(ctx, "home"))
    page.scroll.verticalScrollBar().setValue(page.scroll.verticalScrollBar().maximum())
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.waitUntil(lambda: out_of_view(page) is not None)


@pytest.mark.parametrize("name", ["coordinator-payments", "coordinator-payments-owed"])
def test_tab_keeps_the_focus_in_view_on_the_payments_page_at_200_percent(
    qtbot: QtBot, open_app: Opener, name: str
) -> None:
    """The coordinator's longest page: what is owed, the form, the payments, the rules."""
    ctx, window = open_app("coordinator-demo")
    window.resize(window.minimumSize())
    ctx.settings.set(Preferences.text_scale, 2.0)
    ctx.restyle()
    page = start(qtbot, visit(ctx, name))
    problems = [f"on arrival: {p}"] if (p := out_of_view(page)) else []
    problems += tab_through(qtbot, page)
    ctx.settings.restore_defaults()
    assert problems == []
