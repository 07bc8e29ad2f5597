"""The pages of Add my time that ask one thing each: a problem is shown at its field."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from desktop_app.services import activities
from tests.helpers.screens import Opener, current, wait_for_page
from ui.context import AppContext
from ui.pages.add_time.check import CheckPage, DonePage
from ui.pages.add_time.extra_time import AnythingToAddPage, ExtraMinutesPage
from ui.pages.add_time.steps import ANOTHER, HowLongPage, WhenPage
from ui.widgets.page import Page


def test_another_amount_of_zero_shows_the_problem(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    current(ctx).action_buttons["add_time"].click()  # type: ignore[attr-defined]
    for value in ("meeting", "today"):
        before = current(ctx)
        before.tiles.tile_for(value).click()  # type: ignore[attr-defined]
        wait_for_page(qtbot, ctx, leaving=before)
    page = current(ctx)
    assert isinstance(page, HowLongPage)
    page.tiles.tile_for("another").click()
    page.stepper.set_value(0)
    assert page.continue_button is not None
    page.continue_button.click()
    qtbot.waitUntil(page.errors.hasFocus)
    assert page.errors.isVisible()
    assert page.amount_field.error.text() == "Enter how long it took."
    page.stepper.more.click()
    page.stepper.more.click()
    page.continue_button.click()
    hub = wait_for_page(qtbot, ctx, leaving=page, kind=AnythingToAddPage)
    hub.tiles.tile_for("done").click()
    check = wait_for_page(qtbot, ctx, leaving=hub, kind=CheckPage)
    assert check.continue_button is not None
    check.continue_button.click()
    (saved,) = ctx.call(activities.list_activities)
    assert saved.minutes == 30


def _click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _to_how_long(qtbot: QtBot, ctx: AppContext) -> HowLongPage:
    home = current(ctx)
    _click(qtbot, home.action_buttons["add_time"])  # type: ignore[attr-defined]
    page = wait_for_page(qtbot, ctx, leaving=home)
    for value in ("meeting", "today"):
        _click(qtbot, page.tiles.tile_for(value))  # type: ignore[attr-defined]
        page = wait_for_page(qtbot, ctx, leaving=page)
    assert isinstance(page, HowLongPage)
    _click(qtbot, page.tiles.tile_for("another"))
    # The box takes the keyboard with its time selected, so typing replaces it.
    qtbot.waitUntil(lambda: page.stepper.box.hasFocus())
    qtbot.waitUntil(lambda: page.stepper.box.selectedText() == "1 h")
    return page


def _save(qtbot: QtBot, ctx: AppContext, leaving: Page) -> None:
    """Say "No, that is all" on "Anything to add?" if it comes, then Save."""
    check = wait_for_page(qtbot, ctx, leaving=leaving)
    if isinstance(check, AnythingToAddPage):
        _click(qtbot, check.tiles.tile_for("done"))
        check = wait_for_page(qtbot, ctx, leaving=check)
    assert isinstance(check, CheckPage)
    assert check.continue_button is not None
    _click(qtbot, check.continue_button)
    wait_for_page(qtbot, ctx, leaving=check, kind=DonePage)


def test_another_amount_is_typed_as_hours_and_minutes(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    page = _to_how_long(qtbot, ctx)
    qtbot.keyClicks(page.stepper.box, "1:30")
    assert page.stepper.words.text() == "1 hour 30 minutes"
    qtbot.keyClick(page.stepper.box, Qt.Key.Key_Return)
    _save(qtbot, ctx, page)
    (saved,) = ctx.call(activities.list_activities)
    assert saved.minutes == 90


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("99999", "One entry can be 24 hours at most. Check the time."),
        ("abc", "Write the time like 1 h 30 min, 1:30 or 90."),
        ("1.5", "Add h for hours, like 1.5 h, or write whole minutes."),
    ],
)
def test_a_time_that_cannot_be_right_is_refused_never_changed(
    qtbot: QtBot, open_app: Opener, typed: str, message: str
) -> None:
    ctx, _window = open_app()
    page = _to_how_long(qtbot, ctx)
    qtbot.keyClicks(page.stepper.box, typed)
    assert page.stepper.words.text() == ""  # no time is said for what cannot be read
    qtbot.keyClick(page.stepper.box, Qt.Key.Key_Return)
    qtbot.waitUntil(page.errors.hasFocus)
    assert page.amount_field.error.text() == message
    assert page.stepper.box.text() == typed and current(ctx) is page
    assert ctx.call(activities.list_activities) == []


def test_more_than_twelve_hours_is_asked_about_again(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    page = _to_how_long(qtbot, ctx)
    qtbot.keyClicks(page.stepper.box, "16 h 39")
    qtbot.keyClick(page.stepper.box, Qt.Key.Key_Return)
    qtbot.waitUntil(page.second_look.hasFocus)
    assert page.second_look.question.text() == "Is 16 hours 39 minutes right?"
    _click(qtbot, page.second_look.no)
    qtbot.waitUntil(page.stepper.box.hasFocus)
    qtbot.waitUntil(lambda: page.stepper.box.selectedText() == "16 h 39")
    qtbot.keyClicks(page.stepper.box, "13 h")
    qtbot.keyClick(page.stepper.box, Qt.Key.Key_Return)
    qtbot.waitUntil(page.second_look.hasFocus)
    assert page.second_look.question.text() == "Is 13 hours right?"
    _click(qtbot, page.second_look.yes)
    _save(qtbot, ctx, page)
    (saved,) = ctx.call(activities.list_activities)
    assert saved.minutes == 13 * 60


def test_another_day_is_typed_in_the_form_it_is_shown(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    home = current(ctx)
    _click(qtbot, home.action_buttons["add_time"])  # type: ignore[attr-defined]
    what = wait_for_page(qtbot, ctx, leaving=home)
    _click(qtbot, what.tiles.tile_for("meeting"))  # type: ignore[attr-defined]
    when = wait_for_page(qtbot, ctx, leaving=what, kind=WhenPage)
    _click(qtbot, when.tiles.tile_for("another"))
    qtbot.waitUntil(when.picker.edit.hasFocus)
    qtbot.keyClicks(when.picker.edit, "1 October 2026")
    qtbot.keyClick(when.picker.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(when.errors.hasFocus)
    assert when.date_field.error.text() == "The date cannot be after today."
    _click(qtbot, when.errors.links[0])
    qtbot.waitUntil(lambda: when.picker.edit.selectedText() == "1 October 2026")
    qtbot.keyClicks(when.picker.edit, "24 Sep 2026")
    qtbot.keyClick(when.picker.edit, Qt.Key.Key_Return)
    how_long = wait_for_page(qtbot, ctx, leaving=when, kind=HowLongPage)
    _click(qtbot, how_long.tiles.tile_for(60))
    _save(qtbot, ctx, how_long)
    (saved,) = ctx.call(activities.list_activities)
    assert saved.date == date(2026, 9, 24)


def test_getting_ready_is_typed_too(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    page = _to_how_long(qtbot, ctx)
    qtbot.keyClicks(page.stepper.box, "45 min")
    qtbot.keyClick(page.stepper.box, Qt.Key.Key_Return)
    hub = wait_for_page(qtbot, ctx, leaving=page, kind=AnythingToAddPage)
    _click(qtbot, hub.tiles.tile_for("prep"))
    prep = wait_for_page(qtbot, ctx, leaving=hub, kind=ExtraMinutesPage)
    _click(qtbot, prep.tiles.tile_for(ANOTHER))
    qtbot.waitUntil(lambda: prep.stepper.box.hasFocus())
    # All of it is selected, so typing replaces it.
    qtbot.waitUntil(lambda: prep.stepper.box.selectedText() == prep.stepper.box.text() != "")
    qtbot.keyClicks(prep.stepper.box, "1h20")
    qtbot.keyClick(prep.stepper.box, Qt.Key.Key_Return)
    assert wait_for_page(qtbot, ctx, leaving=prep) is hub
    _save(qtbot, ctx, prep)
    (saved,) = ctx.call(activities.list_activities)
    assert (saved.minutes, saved.prep_minutes) == (45, 80)
