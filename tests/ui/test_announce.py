"""Screen readers are told of problems at once, on Windows and macOS too (simulated).

On Windows an accessibility *alert* only plays a sound in NVDA and Narrator, so the
words go as an announcement (``QAccessibleAnnouncementEvent``, Qt 6.8 and later).
"""

from __future__ import annotations

import sys
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtGui import QAccessible, QAccessibleEvent
from pytestqt.qtbot import QtBot

from tests.helpers.screens import in_window
from ui import announce as announce_module
from ui.widgets.error_summary import ErrorSummary


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What reaches the screen reader: every accessibility event, in order."""
    events: list[Any] = []

    def record(event: QAccessibleEvent) -> None:
        text = event.message() if hasattr(event, "message") else ""
        politeness = event.politeness() if hasattr(event, "politeness") else None
        events.append((event.type(), text, politeness))

    fake = SimpleNamespace(
        updateAccessibility=record,
        Event=QAccessible.Event,
        AnnouncementPoliteness=QAccessible.AnnouncementPoliteness,
    )
    monkeypatch.setattr(announce_module, "QAccessible", fake)
    return events


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_problems_are_announced_in_words_on_windows_and_macos(
    qtbot: QtBot, sent: list[Any], platform: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    summary = ErrorSummary()
    _window = in_window(qtbot, summary)
    summary.show_problems([("Enter the date", lambda: None), ("Enter the minutes", lambda: None)])
    assert sent == [
        (
            QAccessible.Event.Announcement,
            "There is a problem. Enter the date Enter the minutes",
            QAccessible.AnnouncementPoliteness.Assertive,
        )
    ]
    qtbot.waitUntil(summary.hasFocus)


def test_linux_gets_an_alert_that_orca_reads(
    qtbot: QtBot, sent: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    summary = ErrorSummary()
    _window = in_window(qtbot, summary)
    summary.show_problems([("Enter the date", lambda: None)])
    assert [event[0] for event in sent] == [QAccessible.Event.Alert]
    assert "Enter the date" in summary.accessibleDescription()


def test_this_qt_has_announcements() -> None:
    """The installed PySide6 is 6.8 or later, so Windows and macOS get the words."""
    assert announce_module.uses_announcements("win32")
    assert not announce_module.uses_announcements("linux")
