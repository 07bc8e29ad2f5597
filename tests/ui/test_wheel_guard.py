"""The mouse wheel scrolls the page and never changes a value.

Found by hand: scrolling the coordinator's payments page with the wheel changed the amount
paid from 81.25 to 82.25, and a project choice from "Keep it as a project of its own" to
"Same as Pain care". These tests turn the wheel over such controls, focused or not, and
over every control of that kind on every page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pprint import pformat

import pytest
from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QScrollBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.settings import Preferences
from tests.helpers.page_tour import COORDINATOR_STOPS, SETUP_STOPS, STOPS, visit, visit_setup
from tests.helpers.screens import Opener, in_window, wait_until_still
from ui import wheel_guard
from ui.widgets.duration import DurationStepper
from ui.widgets.fields import LabelledField
from ui.widgets.page import Page
from ui.widgets.text_size import TextSizeControl

DOWN, UP = -120, 120


def turn_wheel(control: QWidget, delta: int = DOWN) -> None:
    """One notch of the wheel with the mouse on the middle of ``control``.

    As with a real mouse, the turn goes to the widget right under the mouse (the text box
    inside a spin box), then up to its parents until one takes it. (Qt does that passing
    up only for a turn from the mouse; for a sent event, this does it.)
    """
    middle = control.rect().center()
    target: QWidget | None = control.childAt(middle) or control
    where = QPointF(target.mapFrom(control, middle)) if target is not control else QPointF(middle)
    while target is not None:
        event = QWheelEvent(
            where,
            QPointF(target.mapToGlobal(where)),
            QPoint(0, 0),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(target, event)
        if event.isAccepted() or target.isWindow():
            return
        where += QPointF(target.pos())
        target = target.parentWidget()


def value_of(control: QWidget) -> object:
    if isinstance(control, QComboBox):
        return control.currentText()
    if isinstance(control, QAbstractSpinBox):
        return control.text()  # a date box, a time in minutes, an amount: as shown
    return control.value()  # type: ignore[attr-defined]


def value_controls(page: QWidget) -> list[QWidget]:
    return [
        w
        for w in page.findChildren(QWidget)
        if wheel_guard.changes_value_on_wheel(w) and w.isVisibleTo(page)
    ]


class PaymentForm(Page):
    """A page like the payments page: more questions than the window has room for."""

    def __init__(self) -> None:
        super().__init__("Record a payment", back_text="")
        self.project = QComboBox()
        self.project.addItems(["Keep it as a project of its own", "Same as Pain care"])
        self.amount = QDoubleSpinBox()
        self.amount.setRange(0, 1_000_000)
        self.amount.setValue(81.25)
        self.paid_on = QDateEdit(QDate(2026, 9, 30))
        self.time = DurationStepper("How long did it take?")
        self.time.set_value(60)
        self.text_size = TextSizeControl(1.0)
        for name, text, widget in (
            ("project", "Project", self.project),
            ("amount", "Amount", self.amount),
            ("paid_on", "Paid on", self.paid_on),
            ("time", "How long did it take?", self.time),
            ("size", "Text size", self.text_size),
        ):
            self.add_field(name, LabelledField(text, widget))
        filler = QWidget()
        filler.setMinimumHeight(1200)
        self.body.addWidget(filler)


@pytest.fixture
def form(qtbot: QtBot, qapp: QApplication) -> Iterator[PaymentForm]:
    wheel_guard.install(qapp)
    page = PaymentForm()
    window = in_window(qtbot, page, width=500)
    window.resize(500, 400)  # shorter than the page, so that it scrolls
    qtbot.waitUntil(lambda: page.scroll.verticalScrollBar().maximum() > 0)
    yield page  # while the window that holds it is kept


def test_the_wheel_over_a_control_scrolls_the_page_and_changes_nothing(
    qtbot: QtBot, form: PaymentForm
) -> None:
    bar = form.scroll.verticalScrollBar()
    before = {control: value_of(control) for control in value_controls(form)}
    # The list, the amount, the date and the slider. The time is typed in a plain box,
    # which the wheel never changed.
    assert len(before) == 4
    for control in before:
        bar.setValue(0)
        turn_wheel(control)
        assert bar.value() > 0, f"the page did not scroll over {value_of(control)!r}"
        turn_wheel(control, UP)
        assert bar.value() == 0, f"the page did not scroll back over {value_of(control)!r}"
    after = {control: value_of(control) for control in before}
    assert after == before
    assert form.amount.text() == "81.25"
    assert form.project.currentText() == "Keep it as a project of its own"


def test_the_wheel_changes_nothing_even_in_the_control_being_typed_in(
    qtbot: QtBot, form: PaymentForm
) -> None:
    editor = form.amount.lineEdit()
    qtbot.mouseClick(editor, Qt.MouseButton.LeftButton)
    assert form.amount.hasFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "81.25")
    bar = form.scroll.verticalScrollBar()
    bar.setValue(0)
    turn_wheel(form.amount)
    turn_wheel(form.amount)
    assert form.amount.text() == "81.25"
    assert bar.value() > 0

    # A drop-down list just chosen from keeps the keyboard; scrolling on must not change it.
    qtbot.keyClick(editor, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert form.project.hasFocus()
    qtbot.keyClick(form.project, Qt.Key.Key_Down)
    assert form.project.currentText() == "Same as Pain care"
    qtbot.keyClick(form.project, Qt.Key.Key_Up)
    assert form.project.hasFocus()
    turn_wheel(form.project)
    assert form.project.currentText() == "Keep it as a project of its own"


def test_the_wheel_never_gives_a_control_the_keyboard(form: PaymentForm) -> None:
    policies = {type(control).__name__: control.focusPolicy() for control in value_controls(form)}
    assert set(policies.values()) == {Qt.FocusPolicy.StrongFocus}, policies


def test_scroll_bars_keep_their_wheel(qtbot: QtBot, form: PaymentForm) -> None:
    bar = form.scroll.verticalScrollBar()
    assert isinstance(bar, QScrollBar) and not wheel_guard.changes_value_on_wheel(bar)
    bar.setValue(0)
    turn_wheel(bar)
    assert bar.value() > 0


def test_installing_twice_filters_once(qapp: QApplication) -> None:
    assert wheel_guard.install(qapp) is wheel_guard.install(qapp)
    assert len(qapp.findChildren(wheel_guard.WheelGuard)) == 1


def wheel_problems(page: Page) -> list[str]:
    """Turn the wheel down, then up, over each value control; say what went wrong."""
    problems = []
    bar = page.scroll.verticalScrollBar()
    for control in value_controls(page):
        name = control.accessibleName() or type(control).__name__
        before = value_of(control)
        for delta, start, way in ((DOWN, bar.minimum(), "down"), (UP, bar.maximum(), "up")):
            bar.setValue(start)
            turn_wheel(control, delta)
            if bar.maximum() > 0 and bar.value() == start:
                problems.append(f"the page did not scroll {way} over {name!r}")
            if value_of(control) != before:
                problems.append(f"{name!r} changed from {before!r} to {value_of(control)!r}")
        if control.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            problems.append(f"{name!r} takes the keyboard from the wheel")
    return problems


@pytest.mark.parametrize(
    ("setup", "stops"),
    [("demo", STOPS), ("coordinator-demo", COORDINATOR_STOPS)],
    ids=["partner", "coordinator"],
)
def test_the_wheel_changes_nothing_on_any_page(
    qtbot: QtBot, open_app: Opener, setup: str, stops: dict[str, object]
) -> None:
    ctx, _window = open_app(setup)
    ctx.settings.set(Preferences.text_scale, 2.0)  # large text: most pages scroll
    ctx.restyle()
    report: dict[str, list[str]] = {}
    seen = 0
    for name in stops:
        page = wait_until_still(qtbot, visit(ctx, name))
        seen += len(value_controls(page))
        problems = wheel_problems(page)
        if problems:
            report[name] = problems
    ctx.settings.restore_defaults()
    assert seen > 0, "the tour met no control the wheel could change"
    assert report == {}, pformat(report)


def test_the_wheel_changes_nothing_on_first_run_pages(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app(None)
    report: dict[str, list[str]] = {}
    for name in SETUP_STOPS:
        problems = wheel_problems(wait_until_still(qtbot, visit_setup(ctx, name)))
        if problems:
            report[name] = problems
    assert report == {}, pformat(report)
