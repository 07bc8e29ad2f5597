"""One keyboard model for every page (docs/accessibility.md, "Keys"), pressed for real.

Escape means Back on every page, and on a flow's first page it goes home and keeps the
draft. The arrow keys move between the tiles of a group, and between Home's big actions,
without choosing. Problems shown on a page are gone when the person comes back to it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.labels import label
from desktop_app.model import ActivityKind
from tests.helpers.page_tour import STOPS, visit
from tests.helpers.screens import Opener, current, wait_for_page
from ui.context import AppContext
from ui.pages.add_time.check import CheckPage, DonePage
from ui.pages.add_time.steps import HowLongPage, TilePage, WhenPage
from ui.pages.documents import DocumentFlow, PreviewPage, SavedPage
from ui.pages.home import HomePage
from ui.pages.resume_draft import ResumeDraftPage
from ui.widgets.page import Page
from ui.widgets.tiles import ChoiceTile


def _focused(ctx: AppContext) -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, f"the focus is lost on {type(current(ctx)).__name__}"
    return widget


def _press(qtbot: QtBot, ctx: AppContext, key: Qt.Key) -> Page:
    """Press ``key`` where the keyboard is; wait for the next page if one opens."""
    before = current(ctx)
    qtbot.keyClick(_focused(ctx), key)
    if current(ctx) is not before:
        return wait_for_page(qtbot, ctx, leaving=before)
    return before


def test_escape_goes_back_one_page_on_every_page(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app("demo")
    wrong = []
    for name in STOPS:
        page = visit(ctx, name)
        qtbot.waitUntil(lambda page=page: page.isAncestorOf(_focused(ctx)))  # type: ignore[misc]
        pages = list(ctx.nav.pages)
        expected = pages[-2] if len(pages) > 1 else pages[0]
        after = _press(qtbot, ctx, Qt.Key.Key_Escape)
        if after is not expected:
            wrong.append(f"{name}: Escape on {type(page).__name__} led to {type(after).__name__}")
    assert wrong == []


def test_escape_on_a_flows_first_page_goes_home_and_keeps_the_draft(
    qtbot: QtBot, open_app: Opener
) -> None:
    ctx, _window = open_app()
    home = wait_for_page(qtbot, ctx, kind=HomePage)
    assert _focused(ctx) is home.action_buttons["add_time"]
    _press(qtbot, ctx, Qt.Key.Key_Return)  # Add my time
    _press(qtbot, ctx, Qt.Key.Key_Right)  # from Meeting to Reviewing
    when = _press(qtbot, ctx, Qt.Key.Key_Space)  # Reviewing
    assert isinstance(when, WhenPage)
    what = _press(qtbot, ctx, Qt.Key.Key_Escape)
    assert isinstance(what, TilePage)
    assert _focused(ctx).accessibleName() == label(ActivityKind.REVIEWING)
    assert _press(qtbot, ctx, Qt.Key.Key_Escape) is home  # the first page: home
    assert _press(qtbot, ctx, Qt.Key.Key_Escape) is home  # nowhere further back

    offer = _press(qtbot, ctx, Qt.Key.Key_Return)  # Add my time again
    assert isinstance(offer, ResumeDraftPage)  # the answer was kept
    assert _press(qtbot, ctx, Qt.Key.Key_Escape) is home  # and Escape keeps it still
    offer = _press(qtbot, ctx, Qt.Key.Key_Return)
    assert isinstance(offer, ResumeDraftPage)
    assert isinstance(_press(qtbot, ctx, Qt.Key.Key_Return), WhenPage)  # Yes, carry on


def test_escape_on_check_your_answers_and_on_the_confirmation(
    qtbot: QtBot, open_app: Opener
) -> None:
    ctx, _window = open_app()
    wait_for_page(qtbot, ctx, kind=HomePage)
    for key in (Qt.Key.Key_Return,) * 3 + (Qt.Key.Key_Right, Qt.Key.Key_Return):
        _press(qtbot, ctx, key)  # Add my time, Meeting, Today, 1 hour
    check = _press(qtbot, ctx, Qt.Key.Key_Return)  # No, that is all
    assert isinstance(check, CheckPage)
    hub = _press(qtbot, ctx, Qt.Key.Key_Escape)
    assert hub.heading.text() == "Anything to add?"
    assert _press(qtbot, ctx, Qt.Key.Key_Return) is not hub  # No, that is all
    done = _press(qtbot, ctx, Qt.Key.Key_Return)  # Save
    assert isinstance(done, DonePage)
    assert isinstance(_press(qtbot, ctx, Qt.Key.Key_Escape), HomePage)


def test_escape_on_your_pdf_is_ready_goes_back(
    qtbot: QtBot, open_app: Opener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "certificate.pdf"
    monkeypatch.setattr(DocumentFlow, "ask_where", classmethod(lambda cls, p, s: str(target)))
    ctx, window = open_app("demo")
    preview = visit(ctx, "certificate-2-preview")
    assert isinstance(preview, PreviewPage)
    wait_for_page(qtbot, ctx)
    assert preview.continue_button is not None
    qtbot.mouseClick(preview.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(current(ctx), SavedPage), timeout=15000)
    window.activateWindow()  # the progress window may have had the keyboard meanwhile
    saved = wait_for_page(qtbot, ctx, kind=SavedPage)
    assert saved.heading.text() == "Your PDF is ready"
    assert _press(qtbot, ctx, Qt.Key.Key_Escape) is preview


def test_arrows_move_between_homes_big_actions_without_pressing(
    qtbot: QtBot, open_app: Opener
) -> None:
    ctx, _window = open_app()
    home = wait_for_page(qtbot, ctx, kind=HomePage)
    names = []
    # Three columns: Add my time, Add an expense, My records; then My certificate,
    # Send my records, Settings and help. The keyboard starts on Add my time.
    keys = (Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Left)
    for key in keys:
        assert _press(qtbot, ctx, key) is home
        names.append(_focused(ctx).accessibleName())
    assert names == [
        "My certificate",
        "Send my records",
        "Send my records",  # nothing below it in the group: the arrow stops
        "Add an expense",
        "Add my time",
    ]
    _press(qtbot, ctx, Qt.Key.Key_Tab)  # Tab still goes on to the next control
    assert _focused(ctx).accessibleName() == "Add an expense"


def test_arrows_move_between_tiles_and_enter_chooses(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    wait_for_page(qtbot, ctx, kind=HomePage)
    what = _press(qtbot, ctx, Qt.Key.Key_Return)
    for key, kind in (
        (Qt.Key.Key_Down, ActivityKind.PREPARATION),
        (Qt.Key.Key_Right, ActivityKind.WRITING),
        (Qt.Key.Key_Up, ActivityKind.REVIEWING),
        (Qt.Key.Key_Left, ActivityKind.MEETING),
    ):
        name = label(kind)
        assert _press(qtbot, ctx, key) is what
        focused = _focused(ctx)
        assert isinstance(focused, ChoiceTile) and focused.accessibleName() == name, key
    when = _press(qtbot, ctx, Qt.Key.Key_Down)  # to "Preparation or reading"
    assert when is what
    when = _press(qtbot, ctx, Qt.Key.Key_Return)
    assert isinstance(when, WhenPage)
    assert ctx.drafts.load("add_time")["kind"] == "preparation"  # type: ignore[index]


def test_problems_are_gone_when_the_page_is_shown_again(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    wait_for_page(qtbot, ctx, kind=HomePage)
    _press(qtbot, ctx, Qt.Key.Key_Return)  # Add my time
    _press(qtbot, ctx, Qt.Key.Key_Return)  # Meeting
    _press(qtbot, ctx, Qt.Key.Key_Return)  # Today
    how_long = current(ctx)
    assert isinstance(how_long, HowLongPage)
    how_long.tiles.tile_for("another").click()
    how_long.stepper.set_value(0)
    assert how_long.continue_button is not None
    qtbot.mouseClick(how_long.continue_button, Qt.MouseButton.LeftButton)
    assert how_long.errors.isVisible() and how_long.amount_field.has_error()
    how_long.tiles.tile_for(60).setFocus()
    hub = _press(qtbot, ctx, Qt.Key.Key_Return)  # 1 hour after all
    assert hub is not how_long
    assert _press(qtbot, ctx, Qt.Key.Key_Escape) is how_long
    assert not how_long.errors.isVisible() and not how_long.amount_field.has_error()
