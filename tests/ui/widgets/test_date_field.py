"""The date box: the day typed as it is shown, or chosen on Qt's calendar with keys."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.errors import InvalidInput
from tests.helpers.screens import in_window
from ui.widgets.date_field import DateField
from ui.widgets.fields import LabelledField


def test_a_day_is_shown_and_read_back_the_same(qtbot: QtBot) -> None:
    field = DateField(date(2026, 2, 28), language="en")
    _window = in_window(qtbot, field)
    assert field.text() == "28 February 2026"
    assert field.day() == date(2026, 2, 28)
    assert field.edit.placeholderText() == "30 September 2026"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1 Oct 2026", "The date cannot be after today."),
        ("29 Feb 2026", "February 2026 has no day 29."),
        ("", "Enter the date, like 30 September 2026."),
    ],
)
def test_a_day_after_today_or_not_real_is_refused(qtbot: QtBot, typed: str, message: str) -> None:
    field = DateField(language="en")
    _window = in_window(qtbot, field)
    qtbot.keyClicks(field.edit, typed)
    with pytest.raises(InvalidInput) as problem:
        field.day()
    assert problem.value.message == message


def test_a_field_about_the_future_allows_a_day_ahead(qtbot: QtBot) -> None:
    field = DateField(language="en", ahead=True)
    _window = in_window(qtbot, field)
    qtbot.keyClicks(field.edit, "31 Dec 2026")
    assert field.day() == date(2026, 12, 31)


def test_the_box_and_its_calendar_are_named(qtbot: QtBot) -> None:
    day = DateField(language="en")
    labelled = LabelledField("Which day?", day, "For example, 30 September 2026")
    _window = in_window(qtbot, labelled)
    assert labelled.label.buddy() is day.edit
    assert day.edit.accessibleName() == "Which day?"
    assert day.calendar_button.accessibleName() == "Which day?: calendar"
    assert day.calendar_button.width() >= 44 and day.calendar_button.height() >= 44


def test_escape_closes_the_calendar_and_keeps_the_day(qtbot: QtBot) -> None:
    field = DateField(date(2026, 9, 1), language="en")
    _window = in_window(qtbot, field)
    field.calendar_button.setFocus()
    qtbot.keyClick(field.calendar_button, Qt.Key.Key_Space)
    dialog = field.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.calendar.maximumDate().toPython() == date(2026, 9, 30)
    qtbot.keyClick(dialog.calendar, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert field.text() == "1 September 2026"
