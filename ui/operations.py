"""Run core work off the UI thread and get the result back on it.

``run_in_background`` is the one way screens start long work (imports, reports,
backups, big queries). The work itself never touches a widget. Anything that takes
longer than half a second shows a progress indicator.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app.logs import bug_report

log = logging.getLogger("partner_log.ui.operations")
PROGRESS_AFTER_MS = 500


class _Signals(QObject):
    """Carries a job's result back to the UI thread."""

    done = Signal(object)
    failed = Signal(object)


#: Signal carriers of running jobs, kept here (not by a page) until their result is in.
_LIVE: set[_Signals] = set()


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as problem:  # handed to the UI thread, which decides what to show
            self._signals.failed.emit(problem)
        else:
            self._signals.done.emit(result)


class Operation(QObject):
    """One piece of background work. Keep a reference until ``finished`` fires."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        progress_text: str = "",
    ) -> None:
        super().__init__(parent)
        self._on_done = on_done
        self._on_error = on_error
        # The signals object has no parent: the job keeps it alive until the work ends,
        # even if the page that started the work has been closed meanwhile. The
        # connections end with this operation, so a closed page is never called back.
        signals = _Signals()
        _LIVE.add(signals)
        signals.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        for signal in (signals.done, signals.failed):  # let go of it on the UI thread
            signal.connect(
                lambda _r, s=signals: _LIVE.discard(s), Qt.ConnectionType.QueuedConnection
            )
        self._progress: QProgressDialog | None = None
        self._running = True
        if progress_text:
            QTimer.singleShot(PROGRESS_AFTER_MS, lambda: self._show_progress(parent, progress_text))
        QThreadPool.globalInstance().start(_Job(work, signals))

    @property
    def running(self) -> bool:
        return self._running

    def _show_progress(self, parent: QWidget, text: str) -> None:
        if not self._running:
            return
        self._progress = QProgressDialog(text, "", 0, 0, parent)
        self._progress.setCancelButton(None)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setAccessibleName(text)
        self._progress.show()

    def _finish(self) -> None:
        self._running = False
        if self._progress is not None:
            self._progress.close()
            self._progress = None
        self.finished.emit()

    def _done(self, result: Any) -> None:
        self._finish()
        self._on_done(result)

    def _failed(self, problem: Exception) -> None:
        self._finish()
        if not hasattr(problem, "next_step"):
            log.error("background work failed: %s", bug_report(problem))
        self._on_error(problem)


def run_in_background(
    parent: QWidget,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    progress_text: str = "",
) -> Operation:
    """Start ``work`` on a worker thread; call ``on_done``/``on_error`` on the UI thread."""
    return Operation(parent, work, on_done, on_error, progress_text)


class Refresher:
    """The same background work, run again whenever asked.

    Asked while it is running, it runs once more afterwards, so what a page shows is never
    older than the last change to the records.
    """

    def __init__(
        self,
        parent: QWidget,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        self._parent = parent
        self._work = work
        self._on_done = on_done
        self._on_error = on_error
        self._operation: Operation | None = None
        self._again = False

    def refresh(self) -> None:
        if self._operation is not None and self._operation.running:
            self._again = True
            return
        self._again = False
        self._operation = run_in_background(self._parent, self._work, self._done, self._failed)

    def _done(self, result: Any) -> None:
        self._on_done(result)
        self._after()

    def _failed(self, problem: Exception) -> None:
        self._on_error(problem)
        self._after()

    def _after(self) -> None:
        if self._again:
            self.refresh()
