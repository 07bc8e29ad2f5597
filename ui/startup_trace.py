"""When start-up reached each step, for the start-up benchmark and its tests.

Nothing happens unless ``PARTNER_LOG_STARTUP_TRACE`` names a file. Then the app writes
there, as JSON: the wall-clock time of Home's first paint, of the first paint with its
figures, and of the moment the rest of the app was ready; the modules imported at the
first paint; and the peak memory (VmHWM) once ready. With
``PARTNER_LOG_STARTUP_TRACE_QUIT=1`` the app then closes itself.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

TRACE_ENV = "PARTNER_LOG_STARTUP_TRACE"
QUIT_ENV = "PARTNER_LOG_STARTUP_TRACE_QUIT"

_found: dict[str, Any] = {}


def enabled() -> bool:
    return bool(os.environ.get(TRACE_ENV))


def peak_memory_kb() -> int | None:
    """The process's peak resident memory (VmHWM), on Linux; None elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


class _OnPaint(QObject):
    """Calls ``then`` once, at the first paint of ``widget`` for which ``ready()`` holds."""

    def __init__(self, widget: QWidget, ready: Any, then: Any) -> None:
        super().__init__(widget)
        self._ready, self._then = ready, then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if event.type() == QEvent.Type.Paint and self._ready():
            watched.removeEventFilter(self)
            self._then()
        return False


def when_painted(widget: QWidget, then: Any, ready: Any = lambda: True) -> None:
    """Call ``then`` at ``widget``'s first paint (once ``ready()`` holds)."""
    _OnPaint(widget, ready, then)


def note(key: str, value: Any) -> None:
    """Note ``value`` under ``key`` with the times (the first value noted is kept)."""
    if enabled():
        _found.setdefault(key, value)


def mark(step: str) -> None:
    """Note the time of ``step`` (and, for the first paint, the modules loaded)."""
    if not enabled() or step in _found:
        return
    _found[step] = time.time()
    if step == "home_painted":
        _found["modules_at_first_paint"] = sorted(sys.modules)
    if step == "figures_painted":
        _found["rss_at_figures_kb"] = peak_memory_kb()
        if "ready" in _found:
            _write()


def finish() -> None:
    """The rest of the app is ready: write what was found (once the figures are painted
    too), and close if asked."""
    if not enabled():
        return
    mark("ready")
    if "figures_painted" in _found:
        _write()


def _write() -> None:
    _found["peak_rss_kb"] = peak_memory_kb()
    with open(os.environ[TRACE_ENV], "w", encoding="utf-8") as out:
        json.dump(_found, out)
    if os.environ.get(QUIT_ENV) == "1":
        QTimer.singleShot(0, QApplication.quit)
