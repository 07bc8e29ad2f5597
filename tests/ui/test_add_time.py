"""Add my time: five clicks for a one-hour meeting today, by mouse and by keyboard."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.model import ActivityKind
from desktop_app.services import activities
from tests.helpers.screens import Opener, current, wait_for_page
from ui.pages.add_time.check import CheckPage, DonePage
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
        lambda: home.actions["add_time"],
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
    current(ctx).actions["add_time"].click()  # type: ignore[attr-defined]
    current(ctx).tiles.tile_for("writing").click()  # type: ignore[attr-defined]
    when = wait_for_page(qtbot, ctx, kind=WhenPage)
    qtbot.keyClick(when, Qt.Key.Key_Escape)
    what = wait_for_page(qtbot, ctx, leaving=when)
    assert what.tiles.value() == "writing"  # type: ignore[attr-defined]


def test_another_amount_of_zero_shows_the_problem(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    current(ctx).actions["add_time"].click()  # type: ignore[attr-defined]
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
    wait_for_page(qtbot, ctx, leaving=page, kind=CheckPage)
    assert ctx.answers if hasattr(ctx, "answers") else True
    current(ctx).continue_button.click()  # type: ignore[union-attr]
    (saved,) = ctx.call(activities.list_activities)
    assert saved.minutes == 30


def test_an_unfinished_entry_survives_closing_the_window(qtbot: QtBot, open_app: Opener) -> None:
    ctx, window = open_app()
    current(ctx).actions["add_time"].click()  # type: ignore[attr-defined]
    current(ctx).tiles.tile_for("reviewing").click()  # type: ignore[attr-defined]
    current(ctx).tiles.tile_for("yesterday").click()  # type: ignore[attr-defined]
    window.close()
    ctx.workspace.close()

    ctx, _window = open_app()
    current(ctx).actions["add_time"].click()  # type: ignore[attr-defined]
    offer = current(ctx)
    assert isinstance(offer, ResumeDraftPage)
    offer.resume_button.click()
    wait_for_page(qtbot, ctx, leaving=offer, kind=HowLongPage)
    current(ctx).tiles.tile_for(90).click()  # type: ignore[attr-defined]
    current(ctx).continue_button.click()  # type: ignore[union-attr]
    (saved,) = ctx.call(activities.list_activities)
    assert (saved.kind, saved.minutes) == (ActivityKind.REVIEWING, 90)


def test_change_links_return_to_check_your_answers(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    current(ctx).actions["add_time"].click()  # type: ignore[attr-defined]
    for value in ("meeting", "today", 60):
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
