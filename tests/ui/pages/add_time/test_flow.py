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
from ui.pages.add_time.check import DonePage
from ui.pages.add_time.steps import HowLongPage, WhenPage
from ui.pages.home import HomePage
from ui.pages.resume_draft import ResumeDraftPage


def test_a_one_hour_meeting_today_takes_five_clicks(
    qtbot: QtBot, open_app: Opener, today: date
) -> None:
    ctx, _window = open_app()
    home = current(ctx)
    assert isinstance(home, HomePage)
    clicks = [
        lambda: home.action_buttons["add_time"],
        lambda: current(ctx).tiles.tile_for("meeting"),  # type: ignore[attr-defined]
        lambda: current(ctx).tiles.tile_for("today"),  # type: ignore[attr-defined]
        lambda: current(ctx).tiles.tile_for(60),  # type: ignore[attr-defined]
        lambda: current(ctx).continue_button,  # Save on "Check your answers"
    ]
    for target in clicks:
        before = current(ctx)
        qtbot.mouseClick(target(), Qt.MouseButton.LeftButton)
        wait_for_page(qtbot, ctx, leaving=before)
    done = current(ctx)
    assert isinstance(done, DonePage)
    assert "Meeting" in done.saved.text() and "1 hour" in done.saved.text()
    (saved,) = ctx.call(activities.list_activities)
    assert (saved.kind, saved.minutes, saved.date) == (ActivityKind.MEETING, 60, today)


def test_the_same_task_with_the_keyboard_alone(qtbot: QtBot, open_app: Opener) -> None:
    ctx, window = open_app()
    wait_for_page(qtbot, ctx)
    presses = [
        Qt.Key.Key_Return,
        Qt.Key.Key_Return,
        Qt.Key.Key_Return,
        Qt.Key.Key_Right,
        Qt.Key.Key_Return,
        Qt.Key.Key_Return,
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
    current(ctx).continue_button.click()  # type: ignore[union-attr]
    (saved,) = ctx.call(activities.list_activities)
    assert (saved.kind, saved.minutes) == (ActivityKind.REVIEWING, 90)
