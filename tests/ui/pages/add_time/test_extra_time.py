"""Anything to add?: time getting ready, travel time, a note or a product, each on a
page of its own, then back to the list that shows what was added."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop_app.services import activities, products
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener, current, wait_for_page
from ui.context import AppContext
from ui.pages.add_time.check import CheckPage, DonePage
from ui.pages.add_time.extra_time import AnythingToAddPage, ExtraMinutesPage
from ui.pages.add_time.steps import HowLongPage, NotePage, TilePage
from ui.pages.entry_detail import EntryDetailPage
from ui.widgets.page import Page


def _click(qtbot: QtBot, ctx: AppContext, value: object) -> Page:
    page = current(ctx)
    qtbot.mouseClick(page.tiles.tile_for(value), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    return wait_for_page(qtbot, ctx, leaving=page)


def _to_the_hub(qtbot: QtBot, ctx: AppContext) -> AnythingToAddPage:
    home = current(ctx)
    qtbot.mouseClick(home.action_buttons["add_time"], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    wait_for_page(qtbot, ctx, leaving=home)
    for value in ("meeting", "today"):
        _click(qtbot, ctx, value)
    hub = _click(qtbot, ctx, 60)
    assert isinstance(hub, AnythingToAddPage)
    return hub


def test_how_long_says_where_the_extra_time_is_added(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    page = visit(ctx, "add-time-3-how-long")
    assert isinstance(page, HowLongPage)
    # The next page is "Anything to add?", where both are asked.
    assert "On the next page you can add time getting ready or travelling." in page.hint.text()


def test_getting_ready_travel_and_a_note_are_added_and_saved(
    qtbot: QtBot, open_app: Opener
) -> None:
    ctx, _window = open_app()
    product = ctx.call(
        products.create_my_product, title="Pain handout", type="handout", engagement="involvement"
    )
    hub = _to_the_hub(qtbot, ctx)
    assert hub.heading.text() == "Anything to add?"
    assert hub.tiles.tile_for("prep").accessibleDescription() == "Not added"

    prep = _click(qtbot, ctx, "prep")
    assert isinstance(prep, ExtraMinutesPage)
    assert prep.heading.text() == "How long did you spend getting ready?"
    assert _click(qtbot, ctx, 30) is hub
    assert hub.tiles.tile_for("prep").accessibleDescription() == "Added: 30 minutes"

    travel = _click(qtbot, ctx, "travel")
    assert isinstance(travel, ExtraMinutesPage)
    assert travel.heading.text() == "How long did you spend travelling?"
    travel.tiles.tile_for("another").click()
    assert travel.amount_field.isVisible()
    for _ in range(6):  # from 1 hour 15 minutes to 2 hours 45 minutes
        qtbot.mouseClick(travel.stepper.more, Qt.MouseButton.LeftButton)
    assert travel.continue_button is not None
    qtbot.mouseClick(travel.continue_button, Qt.MouseButton.LeftButton)
    assert wait_for_page(qtbot, ctx, leaving=travel) is hub
    assert hub.tiles.tile_for("travel").accessibleDescription() == "Added: 2 hours 45 minutes"

    note = _click(qtbot, ctx, "note")
    assert isinstance(note, NotePage)
    qtbot.keyClicks(note.text, "Planning the handout")
    assert note.continue_button is not None
    qtbot.mouseClick(note.continue_button, Qt.MouseButton.LeftButton)
    product_page = wait_for_page(qtbot, ctx, leaving=note, kind=TilePage)
    assert _click(qtbot, ctx, product.id) is hub
    assert hub.tiles.tile_for("note").accessibleDescription() == "Added: a note and a product"
    assert product_page is not hub

    check = _click(qtbot, ctx, "done")
    assert isinstance(check, CheckPage)
    answers = {row: check.links[row].accessibleDescription() for row in ("prep", "travel")}
    assert answers == {"prep": "30 minutes", "travel": "2 hours 45 minutes"}
    assert check.continue_button is not None
    qtbot.mouseClick(check.continue_button, Qt.MouseButton.LeftButton)
    done = wait_for_page(qtbot, ctx, leaving=check, kind=DonePage)
    assert "Getting ready: 30 minutes." in done.saved.text()
    assert "Travel: 2 hours 45 minutes." in done.saved.text()
    (saved,) = ctx.call(activities.list_activities)
    assert (saved.minutes, saved.prep_minutes, saved.travel_minutes) == (60, 30, 165)
    assert saved.note == "Planning the handout"
    assert [p.id for p in saved.products] == [product.id]


def test_travel_time_can_be_changed_from_check_your_answers(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    _to_the_hub(qtbot, ctx)
    check = _click(qtbot, ctx, "done")
    assert isinstance(check, CheckPage)
    assert check.links["travel"].text() == "Add"
    qtbot.mouseClick(check.links["travel"], Qt.MouseButton.LeftButton)
    travel = wait_for_page(qtbot, ctx, leaving=check, kind=ExtraMinutesPage)
    assert _click(qtbot, ctx, 45) is check
    assert check.links["travel"].text() == "Change"
    assert check.continue_button is not None
    qtbot.mouseClick(check.continue_button, Qt.MouseButton.LeftButton)
    (saved,) = ctx.call(activities.list_activities)
    assert saved.travel_minutes == 45
    assert travel is not check


def test_my_records_show_travel_time_and_keep_it_when_changed(
    qtbot: QtBot, open_app: Opener, today: date
) -> None:
    ctx, _window = open_app()
    ctx.call(
        activities.record_activity,
        date=today,
        minutes=60,
        kind="meeting",
        prep_minutes=15,
        travel_minutes=40,
    )
    records = visit(ctx, "records")
    qtbot.mouseClick(records.open_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    detail = wait_for_page(qtbot, ctx, leaving=records, kind=EntryDetailPage)
    shown = [label.text() for label in detail.findChildren(QLabel)]
    assert "Travel time" in shown and "40 minutes" in shown
    qtbot.mouseClick(detail.change_button, Qt.MouseButton.LeftButton)
    check = wait_for_page(qtbot, ctx, leaving=detail, kind=CheckPage)
    assert check.links["travel"].accessibleDescription() == "40 minutes"
    qtbot.mouseClick(check.links["minutes"], Qt.MouseButton.LeftButton)
    wait_for_page(qtbot, ctx, leaving=check, kind=HowLongPage)
    assert _click(qtbot, ctx, 90) is check  # editing goes straight back: no "Anything to add?"
    assert check.continue_button is not None
    qtbot.mouseClick(check.continue_button, Qt.MouseButton.LeftButton)
    (saved,) = ctx.call(activities.list_activities)
    assert (saved.minutes, saved.prep_minutes, saved.travel_minutes) == (90, 15, 40)


def test_back_from_check_your_answers_to_add_travel(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    hub = _to_the_hub(qtbot, ctx)
    check = _click(qtbot, ctx, "done")
    assert isinstance(check, CheckPage)
    qtbot.keyClick(check, Qt.Key.Key_Escape)
    assert wait_for_page(qtbot, ctx, leaving=check) is hub
    _click(qtbot, ctx, "travel")
    assert _click(qtbot, ctx, 15) is hub  # the same list, not a new one
    assert [type(page).__name__ for page in ctx.nav.pages].count("AnythingToAddPage") == 1
    check = _click(qtbot, ctx, "done")
    assert isinstance(check, CheckPage) and check.continue_button is not None
    qtbot.mouseClick(check.continue_button, Qt.MouseButton.LeftButton)
    (saved,) = ctx.call(activities.list_activities)
    assert saved.travel_minutes == 15
