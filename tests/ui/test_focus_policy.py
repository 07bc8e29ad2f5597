"""Tab reaches every control on every platform, and the wheel never takes the focus.

macOS's style gives buttons, drop-down lists and sliders ``TabFocus`` only, and Tab
skips them there unless the person turned on keyboard navigation. Every control the
keyboard can reach must have ``StrongFocus`` (Tab and click), never ``WheelFocus``.
"""

from __future__ import annotations

from pprint import pformat

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QPushButton,
    QSlider,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.helpers.page_tour import COORDINATOR_STOPS, SETUP_STOPS, STOPS, visit, visit_setup
from tests.helpers.screens import Opener, in_window, wait_until_still

STRONG = Qt.FocusPolicy.StrongFocus
ONE_STOP = Qt.FocusPolicy(STRONG.value & ~Qt.FocusPolicy.TabFocus.value)


def _one_stop_in_a_group(widget: QWidget) -> bool:
    """Qt keeps one button of a one-choice group on the Tab path (the chosen one, or the
    first), as for radio buttons; the arrow keys move within the group. The others lose
    ``TabFocus`` but keep ``ClickFocus``."""
    if not isinstance(widget, QAbstractButton) or not widget.autoExclusive():
        return False
    siblings = widget.parentWidget().findChildren(QAbstractButton) if widget.parentWidget() else []
    return not widget.isChecked() and any(
        b is not widget and b.autoExclusive() and b.focusPolicy() == STRONG for b in siblings
    )


def _weak_controls(page: QWidget) -> list[str]:
    return [
        f"{type(w).__name__} {w.accessibleName()!r}: {w.focusPolicy().name}"
        for w in page.findChildren(QWidget)
        if w.isVisibleTo(page)
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and w.focusPolicy() != STRONG
        and not (_one_stop_in_a_group(w) and w.focusPolicy() == ONE_STOP)
    ]


@pytest.mark.parametrize(
    ("setup", "stops"),
    [("demo", STOPS), ("coordinator-demo", COORDINATOR_STOPS)],
    ids=["partner", "coordinator"],
)
def test_every_control_on_every_page_has_strong_focus(
    qtbot: QtBot, open_app: Opener, setup: str, stops: dict[str, object]
) -> None:
    ctx, _window = open_app(setup)
    found: dict[str, list[str]] = {}
    for name in stops:
        page = wait_until_still(qtbot, visit(ctx, name))
        if weak := _weak_controls(page):
            found[name] = weak
    assert found == {}, pformat(found)


def test_every_first_run_control_has_strong_focus(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app(None)
    found: dict[str, list[str]] = {}
    for name in SETUP_STOPS:
        page = wait_until_still(qtbot, visit_setup(ctx, name))
        if weak := _weak_controls(page):
            found[name] = weak
    assert found == {}, pformat(found)


def test_controls_given_tab_focus_only_are_reached_by_tab(qtbot: QtBot, open_app: Opener) -> None:
    """As macOS's style sets them up: Tab still goes from one to the next."""
    open_app()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.styleHints().tabFocusBehavior() == Qt.TabFocusBehavior.TabFocusAllControls
    combo, slider, button = QComboBox(), QSlider(Qt.Orientation.Horizontal), QPushButton("Save")
    combo.addItems(["One", "Two"])
    for control in (combo, slider, button):
        control.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    window = in_window(qtbot, combo, slider, button)
    assert {c.focusPolicy() for c in (combo, slider, button)} == {STRONG}
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    qtbot.waitUntil(slider.hasFocus)
    qtbot.keyClick(slider, Qt.Key.Key_Tab)
    qtbot.waitUntil(button.hasFocus)
    assert window.isVisible()
