"""The money box: typing replaces, the wheel changes nothing, the currency sits beside it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from desktop_app.errors import InvalidInput
from tests.helpers.screens import in_window
from ui.widgets.fields import LabelledField
from ui.widgets.money_field import MoneyField


def test_the_currency_is_beside_the_box_not_inside_it(qtbot: QtBot) -> None:
    money = MoneyField("cad")
    field = LabelledField("Amount", money, "For example, 12.50")
    _window = in_window(qtbot, field)
    assert money.currency_label.text() == "CAD"
    assert "CAD" not in money.edit.text()
    assert money.currency_label.geometry().left() >= money.edit.geometry().right()
    assert money.edit.accessibleName() == "Amount"
    assert money.edit.accessibleDescription() == "For example, 12.50 In CAD."
    assert field.label.buddy() is money.edit


def test_typing_replaces_the_amount_that_was_there(qtbot: QtBot) -> None:
    money = MoneyField("CAD", "en")
    money.set_amount(125000)
    before = QLineEdit()
    _window = in_window(qtbot, before, money)
    assert money.text() == "1,250.00"
    before.setFocus()
    qtbot.mouseClick(money.edit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: money.edit.selectedText() == "1,250.00")
    qtbot.keyClicks(money.edit, "12.50")
    assert money.amount() == 1250


def test_the_mouse_wheel_changes_nothing(qtbot: QtBot) -> None:
    money = MoneyField("CAD", "en")
    money.set_amount(1250)
    _window = in_window(qtbot, money)
    middle = QPointF(money.edit.rect().center())
    wheel = QWheelEvent(
        middle,
        QPointF(money.edit.mapToGlobal(QPoint(0, 0))) + middle,
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(money.edit, wheel)
    assert money.amount() == 1250


def test_an_amount_that_cannot_be_read_says_why(qtbot: QtBot) -> None:
    money = MoneyField("CAD", "en")
    _window = in_window(qtbot, money)
    qtbot.keyClicks(money.edit, "12.50abc")
    with pytest.raises(InvalidInput) as problem:
        money.amount()
    assert problem.value.message == "Use only numbers, like 12.50."
    assert money.text() == "12.50abc"  # letters are kept, so the person sees them


def test_an_error_marks_the_box_itself(qtbot: QtBot) -> None:
    money = MoneyField("CAD", "en")
    field = LabelledField("Amount", money)
    qtbot.addWidget(field)
    field.set_error("Use only numbers, like 12.50.")
    assert money.edit.property("invalid") == "true"
    assert money.edit.accessibleDescription().startswith("Use only numbers, like 12.50.")
    field.clear_error()
    assert money.edit.property("invalid") == "false"
