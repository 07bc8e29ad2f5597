"""The pages of Add my time that ask one thing each: a problem is shown at its field."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop_app.services import activities
from tests.helpers.screens import Opener, current, settle
from ui.pages.add_time.check import CheckPage
from ui.pages.add_time.steps import HowLongPage


def test_another_amount_of_zero_shows_the_problem(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    current(ctx).action_buttons["add_time"].click()  # type: ignore[attr-defined]
    for value in ("meeting", "today", "another"):
        current(ctx).tiles.tile_for(value).click()  # type: ignore[attr-defined]
        settle(qtbot)
    page = current(ctx)
    assert isinstance(page, HowLongPage)
    page.stepper.set_value(0)
    assert page.continue_button is not None
    page.continue_button.click()
    settle(qtbot)
    assert page.errors.isVisible()
    assert page.errors.hasFocus()
    assert page.amount_field.error.text() == "Enter how long it took."
    page.stepper.more.click()
    page.stepper.more.click()
    page.continue_button.click()
    settle(qtbot)
    assert isinstance(current(ctx), CheckPage)
    assert ctx.answers if hasattr(ctx, "answers") else True
    current(ctx).continue_button.click()  # type: ignore[union-attr]
    (saved,) = ctx.call(activities.list_activities)
    assert saved.minutes == 30
