"""Home: the figures follow new entries."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from desktop_app import clock
from desktop_app.model import ActivityKind
from desktop_app.services import activities
from tests.helpers.screens import Opener, current
from ui.pages.home import HomePage


def test_home_figures_follow_new_entries(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    home = current(ctx)
    assert isinstance(home, HomePage)
    ctx.call(activities.record_activity, date=clock.today(), minutes=90, kind=ActivityKind.MEETING)
    ctx.changed()
    qtbot.waitUntil(lambda: home.cards["total"].value.text() == "1.5")
    assert home.cards["meetings"].value.text() == "1"
    assert home.cards["meetings"].caption.text() == "meeting"  # not "1 meetings"
    assert home.cards["meetings"].accessibleName() == "meeting: 1"
    yesterday = clock.today() - timedelta(days=1)
    ctx.call(activities.record_activity, date=yesterday, minutes=30, kind=ActivityKind.MEETING)
    ctx.changed()
    qtbot.waitUntil(lambda: home.cards["meetings"].value.text() == "2")
    assert home.cards["meetings"].caption.text() == "meetings"
