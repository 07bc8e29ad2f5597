"""Check your answers: each Change link returns here, and Save keeps the changes."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop_app.services import activities
from tests.helpers.screens import Opener, current
from ui.pages.add_time.check import CheckPage


def test_change_links_return_to_check_your_answers(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    current(ctx).action_buttons["add_time"].click()  # type: ignore[attr-defined]
    for value in ("meeting", "today", 60, "done"):
        current(ctx).tiles.tile_for(value).click()  # type: ignore[attr-defined]
    check = current(ctx)
    assert isinstance(check, CheckPage)
    check.links["minutes"].click()
    current(ctx).tiles.tile_for(120).click()  # type: ignore[attr-defined]
    assert current(ctx) is check
    check.links["note"].click()
    current(ctx).text.setPlainText("Talked about the new handout")  # type: ignore[attr-defined]
    current(ctx).continue_button.click()  # type: ignore[union-attr]
    assert current(ctx) is check
    check.continue_button.click()  # type: ignore[union-attr]
    (saved,) = ctx.call(activities.list_activities)
    assert (saved.minutes, saved.note) == (120, "Talked about the new handout")
