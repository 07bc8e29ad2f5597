"""Run core work off the UI thread and get the result back on it.

An ``Operation`` is the one way screens start long work (imports, reports, backups,
big queries). The work itself never touches a widget.

- A closed page is never called back: the operation belongs to the page that started
  it, and its connections end with it.
- Anything that takes longer than half a second shows a progress indicator.
- Started again while it runs, it runs once more afterwards instead of overlapping, so
  what a page shows is never older than the last change to the records.
- Without an ``on_error``, a failure goes to the page's ``show_failure``: a problem the
  person can fix is shown on the page, a bug goes to the crash dialog. A disk fault (a
  full disk, a read-only folder, a file in use) is a problem the person can fix: it
  reaches ``on_error`` in plain words (``desktop_app.storage.faults``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app.storage.faults import explain
from ui.widgets.page import Page

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
    """Background work for ``parent``, run by ``start()``; keep a reference to it.

    ``on_done`` gets the result and ``on_error`` the exception, both on the UI thread.
    Without ``on_error``, ``parent`` must be a ``Page``, and its ``show_failure`` is used.
    """

    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
        progress_text: str = "",
    ) -> None:
        super().__init__(parent)
        if on_error is None:
            if not isinstance(parent, Page):
                raise TypeError("work started outside a page needs its own on_error")
            on_error = parent.show_failure
        self._parent = parent
        self._work = work
        self._on_done = on_done
        self._on_error = on_error
        self._progress_text = progress_text
        self._progress: QProgressDialog | None = None
        # A child of this operation, so it stops with it (and with the page).
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setTimerType(Qt.TimerType.PreciseTimer)  # never early
        self._progress_timer.setInterval(PROGRESS_AFTER_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        self._running = False
        self._again = False

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> Operation:
        """Run the work now, or once more after the run under way."""
        if self._running:
            self._again = True
            return self
        self._running = True
        self._again = False
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
        if self._progress_text:
            self._progress_timer.start()
        QThreadPool.globalInstance().start(_Job(self._work, signals))
        return self

    def _show_progress(self) -> None:
        text = self._progress_text
        self._progress = QProgressDialog(text, "", 0, 0, self._parent)
        self._progress.setCancelButton(None)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setAccessibleName(text)
        self._progress.show()

    def _finish(self) -> None:
        self._running = False
        self._progress_timer.stop()
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        self.finished.emit()

    def _done(self, result: Any) -> None:
        self._finish()
        self._on_done(result)
        self._run_again_if_asked()

    def _failed(self, problem: Exception) -> None:
        self._finish()
        # A full disk or a read-only folder is the person's to fix, not a bug: plain words.
        known = explain(problem)
        self._on_error(known if known is not None else problem)
        self._run_again_if_asked()

    def _run_again_if_asked(self) -> None:
        if self._again:
            self.start()


def busy() -> bool:
    """True while some background work has not yet reported back to the UI thread."""
    return bool(_LIVE)


def run_in_background(
    parent: QWidget,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None] | None = None,
    progress_text: str = "",
) -> Operation:
    """Start ``work`` on a worker thread; call ``on_done``/``on_error`` on the UI thread."""
    return Operation(parent, work, on_done, on_error, progress_text).start()
