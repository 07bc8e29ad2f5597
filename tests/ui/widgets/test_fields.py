"""A labelled field: the label names the input, the hint describes it, the error is said there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from tests.helpers.screens import in_window
from ui.widgets.duration import DurationStepper
from ui.widgets.fields import LabelledField, narrow


def test_the_label_names_the_input_and_the_hint_describes_it(qtbot: QtBot) -> None:
    name = QLineEdit()
    field = LabelledField("Your full name", name, "As it should appear on your certificate")
    qtbot.addWidget(field)
    assert field.label.buddy() is name
    assert name.accessibleName() == "Your full name"
    assert name.accessibleDescription() == "As it should appear on your certificate"
    assert not field.hint.isHidden() and field.error.isHidden()


def test_a_field_without_a_hint_shows_none(qtbot: QtBot) -> None:
    field = LabelledField("Your full name", QLineEdit())
    qtbot.addWidget(field)
    assert field.hint.isHidden()


def test_an_error_is_shown_and_said_at_the_field_then_cleared(qtbot: QtBot) -> None:
    amount = QLineEdit("twelve")
    field = LabelledField("Amount", amount, "For example, 12.50")
    _window = in_window(qtbot, field)
    field.set_error("Enter the amount as a number, like 12.50.")
    assert field.has_error() and field.error.isVisible()
    assert amount.accessibleDescription() == (
        "Enter the amount as a number, like 12.50. For example, 12.50"
    )
    assert amount.text() == "twelve"  # what was typed is kept
    field.clear_error()
    assert not field.has_error()
    assert amount.accessibleDescription() == "For example, 12.50"


def test_the_keyboard_goes_to_the_input(qtbot: QtBot) -> None:
    name = QLineEdit()
    field = LabelledField("Your full name", name)
    _window = in_window(qtbot, field)
    field.focus_field()
    assert name.hasFocus()
    qtbot.keyClicks(name, "Rosa")
    assert name.text() == "Rosa"


def test_a_stepper_is_labelled_at_its_box(qtbot: QtBot) -> None:
    stepper = DurationStepper("How long did it take?")
    field = LabelledField("How long did it take?", stepper)
    qtbot.addWidget(field)
    assert field.label.buddy() is stepper.box


def test_a_narrow_drop_down_still_lists_every_choice_in_full(qtbot: QtBot) -> None:
    combo = narrow(QComboBox())
    qtbot.addWidget(combo)
    combo.addItems(["Better Pain Care for Everyone in the Community", "Sleep"])
    assert combo.minimumContentsLength() == 12
    assert combo.itemText(0) == "Better Pain Care for Everyone in the Community"
    assert combo.focusPolicy() & Qt.FocusPolicy.TabFocus
