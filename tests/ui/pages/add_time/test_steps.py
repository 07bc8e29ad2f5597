"""The pages of Add my time that ask one thing each: a problem is shown at its field."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop_app.services import activities
from tests.helpers.screens import Opener, current, wait_for_page
from ui.pages.add_time.check import CheckPage
from ui.pages.add_time.extra_time import AnythingToAddPage
from ui.pages.add_time.steps import HowLongPage


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
