"""Add my time: five clicks for a one-hour meeting today, by mouse and by keyboard;
Escape goes back, and an unfinished entry is offered again."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.model import ActivityKind
from desktop_app.services import activities
from tests.helpers.screens import Opener, close_app, current, wait_for_page
from ui.pages.add_time.check import CheckPage, DonePage
from ui.pages.add_time.extra_time import AnythingToAddPage
from ui.pages.add_time.steps import HowLongPage, TilePage, WhenPage
from ui.pages.home import HomePage
from ui.pages.resume_draft import ResumeDraftPage


def test_a_one_hour_meeting_today_takes_five_clicks(
    qtbot: QtBot, open_app: Opener, today: date
) -> None:
    """Meeting, Today, 1 hour, "No, that is all", Save: five clicks after "Add my time"."""
    ctx, _window = open_app()
    home = current(ctx)
    assert isinstance(home, HomePage)
    qtbot.mouseClick(home.action_buttons["add_time"], Qt.MouseButton.LeftButton)
    wait_for_page(qtbot, ctx, leaving=home, kind=TilePage)
    clicks = [
        lambda: current(ctx).tiles.tile_for("meeting"),  # type: ignore[attr-defined]
        lambda: current(ctx).tiles.tile_for("today"),  # type: ignore[attr-defined]
        lambda: current(ctx).tiles.tile_for(60),  # type: ignore[attr-defined]
        lambda: current(ctx).tiles.tile_for("done"),  # type: ignore[attr-defined]
        lambda: current(ctx).continue_button,  # Save on "Check your answers"
    ]
    pages = []
    for target in clicks:
        before = current(ctx)
        pages.append(type(before))
        qtbot.mouseClick(target(), Qt.MouseButton.LeftButton)
        wait_for_page(qtbot, ctx, leaving=before)
    assert pages == [TilePage, WhenPage, HowLongPage, AnythingToAddPage, CheckPage]
    assert len(clicks) == 5
    done = current(ctx)
    assert isinstance(done, DonePage)
    assert "Meeting" in done.saved.text() and "1 hour" in done.saved.text()
    (saved,) = ctx.call(activities.list_activities)
    assert (saved.kind, saved.minutes, saved.date) == (ActivityKind.MEETING, 60, today)
    assert (saved.prep_minutes, saved.travel_minutes, saved.note) == (0, 0, "")


def test_the_same_task_with_the_keyboard_alone(qtbot: QtBot, open_app: Opener) -> None:
    ctx, window = open_app()
    wait_for_page(qtbot, ctx)
    presses = [
        Qt.Key.Key_Return,  # Add my time
        Qt.Key.Key_Return,  # Meeting
        Qt.Key.Key_Return,  # Today
        Qt.Key.Key_Right,  # from 30 minutes to 1 hour
        Qt.Key.Key_Return,  # 1 hour
        Qt.Key.Key_Return,  # No, that is all
        Qt.Key.Key_Return,  # Save
    ]
    for key in presses:
        focused = QApplication.focusWidget()
        assert focused is not None and focused.window() is window, (key, current(ctx))
        before = current(ctx)
        qtbot.keyClick(focused, key)
        if current(ctx) is not before:
            wait_for_page(qtbot, ctx, leaving=before)
    assert isinstance(current(ctx), DonePage)
    (saved,) = ctx.call(activities.list_activities)
    assert (saved.kind, saved.minutes) == (ActivityKind.MEETING, 60)
    assert len(presses) <= 12


def test_escape_goes_back_and_keeps_the_answer(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    current(ctx).action_buttons["add_time"].click()  # type: ignore[attr-defined]
    current(ctx).tiles.tile_for("writing").click()  # type: ignore[attr-defined]
    when = wait_for_page(qtbot, ctx, kind=WhenPage)
    qtbot.keyClick(when, Qt.Key.Key_Escape)
    what = wait_for_page(qtbot, ctx, leaving=when)
    assert what.tiles.value() == "writing"  # type: ignore[attr-defined]


def test_back_from_check_your_answers_and_on_again(qtbot: QtBot, open_app: Opener) -> None:
    """Leaving Check your answers by Back, then answering again, opens it afresh."""
    ctx, _window = open_app()
    current(ctx).action_buttons["add_time"].click()  # type: ignore[attr-defined]
    for value in ("meeting", "today", 60, "done"):
        current(ctx).tiles.tile_for(value).click()  # type: ignore[attr-defined]
    check = wait_for_page(qtbot, ctx, kind=CheckPage)
    qtbot.keyClick(check, Qt.Key.Key_Escape)
    hub = wait_for_page(qtbot, ctx, leaving=check, kind=AnythingToAddPage)
    qtbot.keyClick(hub, Qt.Key.Key_Escape)
    how_long = wait_for_page(qtbot, ctx, leaving=hub, kind=HowLongPage)
    how_long.tiles.tile_for(120).click()
    hub = wait_for_page(qtbot, ctx, leaving=how_long, kind=AnythingToAddPage)
    hub.tiles.tile_for("done").click()
    again = wait_for_page(qtbot, ctx, leaving=hub, kind=CheckPage)
    assert again.continue_button is not None
    again.continue_button.click()
    (saved,) = ctx.call(activities.list_activities)
    assert saved.minutes == 120


def test_an_unfinished_entry_survives_closing_the_window(qtbot: QtBot, open_app: Opener) -> None:
    ctx, window = open_app()
    current(ctx).action_buttons["add_time"].click()  # type: ignore[attr-defined]
    current(ctx).tiles.tile_for("reviewing").click()  # type: ignore[attr-defined]
    current(ctx).tiles.tile_for("yesterday").click()  # type: ignore[attr-defined]
    close_app(ctx, window)

    ctx, _window = open_app()
    current(ctx).action_buttons["add_time"].click()  # type: ignore[attr-defined]
    offer = current(ctx)
    assert isinstance(offer, ResumeDraftPage)
    offer.resume_button.click()
    wait_for_page(qtbot, ctx, leaving=offer, kind=HowLongPage)
    current(ctx).tiles.tile_for(90).click()  # type: ignore[attr-defined]
    current(ctx).tiles.tile_for("done").click()  # type: ignore[attr-defined]
    current(ctx).continue_button.click()  # type: ignore[union-attr]
    (saved,) = ctx.call(activities.list_activities)
    assert (saved.kind, saved.minutes) == (ActivityKind.REVIEWING, 90)
