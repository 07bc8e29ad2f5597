"""Every page, at 100% and 200% text: names, tab order, nothing cut off, no stray windows."""

from __future__ import annotations

from pprint import pformat

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.settings import Preferences
from tests.helpers.page_tour import COORDINATOR_STOPS, SETUP_STOPS, STOPS, visit, visit_setup
from tests.helpers.screens import Opener, focusable, wait_until_still
from ui.widgets.buttons import WrappingButton
from ui.widgets.page import Page


def _problems_in(page: Page) -> list[str]:
    problems = []
    for widget in focusable(page):
        if not widget.accessibleName().strip() and not isinstance(widget, QLabel):
            parent = widget.parent()
            problems.append(
                f"{type(widget).__name__} in {type(parent).__name__} has no accessible name"
            )
        if widget.width() < 44 or widget.height() < 44:
            if isinstance(widget, QAbstractButton):
                problems.append(f"{widget.accessibleName()!r} is smaller than 44 px")
    for button in page.findChildren(WrappingButton):
        if not button.isVisibleTo(page):
            continue
        hint = button.sizeHint()
        if button.height() < hint.height():
            problems.append(
                f"{button.accessibleName()!r} is cut off ({button.height()} < {hint.height()})"
            )
        longest = max(
            button.fontMetrics().horizontalAdvance(line) for line in button.text().split("\n")
        )
        if longest > button.width():
            problems.append(f"{button.accessibleName()!r} text is wider than the button")
    for label in page.findChildren(QLabel):
        if not label.isVisibleTo(page) or not label.text():
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 1:
                problems.append(f"label {label.text()[:30]!r} is cut off")
        elif label.sizeHint().width() > label.width() + 1:
            problems.append(f"label {label.text()[:30]!r} is cut off")
    return problems


def _tab_chain(page: Page, start: QWidget, limit: int = 200) -> list[QWidget]:
    chain, widget = [], start
    allowed = set(focusable(page))
    for _ in range(limit):
        if widget in allowed and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is start:
            break
    return chain


def _reading_keys(widgets: list[QWidget], page: Page) -> dict[QWidget, tuple[int, int]]:
    """(line, x) of each widget: widgets whose middles fall inside a line share it."""
    rects = {w: QRect(w.mapTo(page, QPoint(0, 0)), w.size()) for w in widgets}
    keys: dict[QWidget, tuple[int, int]] = {}
    line, line_top, line_bottom = -1, -1, -1
    for widget in sorted(widgets, key=lambda w: rects[w].top()):
        rect = rects[widget]
        if not line_top <= rect.center().y() <= line_bottom:
            line, line_top, line_bottom = line + 1, rect.top(), rect.bottom()
        else:
            line_bottom = max(line_bottom, rect.bottom())
        keys[widget] = (line, rect.left())
    return keys


def _reading_order_ok(chain: list[QWidget], page: Page) -> list[str]:
    """Tab order follows reading order: line by line, left to right.

    The chain is a loop; it is read from the control that comes first on the page.
    """
    if not chain:
        return ["nothing on the page can take the keyboard"]
    keys = _reading_keys(chain, page)
    first = min(range(len(chain)), key=lambda i: keys[chain[i]])
    chain = chain[first:] + chain[:first]
    return [
        f"{b.accessibleName()!r} comes after {a.accessibleName()!r} but is read before it"
        for a, b in zip(chain, chain[1:], strict=False)
        if keys[b] < keys[a]
    ]


def _stray_windows(window: QWidget) -> list[str]:
    return [
        type(w).__name__
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w is not window and w.windowType().name not in ("Popup", "ToolTip")
    ]


@pytest.mark.parametrize("scale", [1.0, 2.0], ids=["100%", "200%"])
@pytest.mark.parametrize(
    ("setup", "stops"),
    [("demo", STOPS), ("coordinator-demo", COORDINATOR_STOPS)],
    ids=["partner", "coordinator"],
)
def test_every_page_is_named_ordered_and_uncut(
    qtbot: QtBot, open_app: Opener, scale: float, setup: str, stops: dict[str, object]
) -> None:
    ctx, window = open_app(setup)
    ctx.settings.set(Preferences.text_scale, scale)
    ctx.restyle()
    report: dict[str, list[str]] = {}
    for name in stops:
        page = wait_until_still(qtbot, visit(ctx, name))
        problems = _problems_in(page)
        first = QApplication.focusWidget()
        if first is None or first.window() is not window:
            problems.append("the keyboard focus is lost")
        else:
            problems += _reading_order_ok(_tab_chain(page, first), page)
        problems += [f"stray window {w}" for w in _stray_windows(window)]
        if problems:
            report[name] = problems
    ctx.settings.restore_defaults()
    assert report == {}, pformat(report)


def test_first_run_pages_are_named_ordered_and_uncut(qtbot: QtBot, open_app: Opener) -> None:
    ctx, window = open_app(None)
    report: dict[str, list[str]] = {}
    for name in SETUP_STOPS:
        page = wait_until_still(qtbot, visit_setup(ctx, name))
        problems = _problems_in(page)
        first = QApplication.focusWidget()
        if first is None:
            problems.append("the keyboard focus is lost")
        else:
            problems += _reading_order_ok(_tab_chain(page, first), page)
        if problems:
            report[name] = problems
    assert report == {}, pformat(report)
