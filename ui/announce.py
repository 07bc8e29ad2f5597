"""Tell screen readers something at once, on every platform.

- **Windows:** ``QAccessible.Alert`` only plays a sound with NVDA and Narrator, so the
  words are sent as a UI Automation notification: ``QAccessibleAnnouncementEvent``
  (Qt 6.8 and later).
- **macOS:** the same event becomes VoiceOver's announcement request.
- **Linux:** an alert event on the widget, which Orca reads with the widget's name and
  description (it reads alerts reliably; announcements only in its newest versions).

Where Qt is older than 6.8 every platform gets the alert, as before.
"""

from __future__ import annotations

import sys

from PySide6 import QtGui
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QWidget

_ANNOUNCEMENT = getattr(QtGui, "QAccessibleAnnouncementEvent", None)


def uses_announcements(platform: str | None = None) -> bool:
    """True where the words are sent as an announcement rather than an alert."""
    platform = sys.platform if platform is None else platform
    return _ANNOUNCEMENT is not None and platform in ("win32", "darwin")


def announce(widget: QWidget, message: str, *, assertive: bool = True) -> None:
    """Have screen readers say ``message`` now, about ``widget`` (see the module doc).

    ``assertive`` interrupts what the reader was saying (problems, questions); otherwise
    the words wait their turn (a note that something was saved).
    """
    if not uses_announcements():
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))
        return
    assert _ANNOUNCEMENT is not None
    event = _ANNOUNCEMENT(widget, message)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
    QAccessible.updateAccessibility(event)
