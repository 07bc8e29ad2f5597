"""A calm dialog for a bug: what happened, that saved work is safe, and "Copy details".

``report_bug(exc)`` sends a bug to the log (through ``logs.bug_report``, which never
holds people's words) and to this dialog. ``install_excepthook(app)`` does that for
every uncaught error on the UI thread, instead of ending the app. A problem the person
can fix that escaped a button's handler (a full disk while saving) is shown on the page
they are on instead, in its problem summary.
"""

from __future__ import annotations

import logging
import platform
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.errors import UserFacingError
from desktop_app.i18n import _
from desktop_app.logs import bug_report
from desktop_app.storage.faults import explain
from ui.fonts import BASE_PIXEL_SIZE

log = logging.getLogger("partner_log.crash")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def crash_details(exc: BaseException) -> str:
    """What a helper needs to find the bug; never the error's message or people's words."""
    qt_version = __import__("PySide6").__version__
    return "\n".join(
        (
            f"Partner Log {__version__}",
            f"{platform.platform()}; Python {platform.python_version()}; PySide6 {qt_version}",
            bug_report(exc),
        )
    )


class CrashDialog(QDialog):
    """Something went wrong. The saved records are safe."""

    def __init__(self, exc: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = crash_details(exc)
        self.setWindowTitle(_("Something went wrong"))
        self.setAccessibleName(_("Something went wrong"))
        font = self.font()
        font.setPixelSize(max(font.pixelSize(), BASE_PIXEL_SIZE))  # pixels: see ui.fonts
        self.setFont(font)

        self.heading = QLabel(_("Something went wrong."))
        heading_font = self.heading.font()
        heading_font.setPixelSize(round(font.pixelSize() * 1.4))
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.explanation = QLabel(
            " ".join(
                (
                    _("Partner Log hit a problem it did not expect. It was not your fault."),
                    _("Your saved records are safe."),
                    _("If it happens again, press Copy details and send them to your helper."),
                    _("The details hold no names, notes or amounts."),
                )
            )
        )
        self.explanation.setWordWrap(True)
        self.status = QLabel("")
        self.status.setAccessibleName(_("Copy result"))
        for label in (self.heading, self.explanation):
            label.setAccessibleName(label.text())

        self.copy_button = QPushButton(_("Copy details"))
        self.copy_button.setAccessibleName(_("Copy details"))
        self.copy_button.setAccessibleDescription(
            _("Copies a short technical report to the clipboard.")
        )
        self.close_button = QPushButton(_("Close"))
        self.close_button.setAccessibleName(_("Close"))
        self.close_button.setDefault(True)
        for button in (self.copy_button, self.close_button):
            button.setMinimumSize(44 * 3, 44)
        self.copy_button.clicked.connect(self.copy_details)
        self.close_button.clicked.connect(self.accept)

        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)
        self.close_button.setFocus()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.status.setText(_("The details are copied. You can paste them into an e-mail."))

    @classmethod
    def show_for(cls, exc: BaseException) -> None:
        """Show the dialog and wait until it is closed (tests replace this)."""
        cls(exc, QApplication.activeWindow()).exec()


def _page_in_use() -> QWidget | None:
    """The page the person is on: the one holding the keyboard, else the active one."""
    widget = QApplication.focusWidget()
    while widget is not None:
        if callable(getattr(widget, "show_problems", None)):
            return widget
        widget = widget.parentWidget()
    return None


def show_known_problem(problem: UserFacingError) -> bool:
    """Show a problem the person can fix on the page they are on; False if there is none."""
    page = _page_in_use()
    if page is None:
        return False
    page.show_failure(problem)  # type: ignore[attr-defined]
    return True


def report_bug(exc: BaseException) -> None:
    """Log a bug (where it happened, never people's words) and show the calm dialog.

    Nothing else changes: the window stays as it was, with what the person typed. A disk
    fault (a full disk, a read-only folder, a file in use) is not a bug: it is shown in
    plain words on the page the person is on, and the crash dialog stays closed.
    """
    app = QApplication.instance()
    known = exc if isinstance(exc, UserFacingError) else explain(exc)
    if known is not None and app is not None and not app.closingDown():
        log.info("a problem the person can fix reached the window: %s", type(exc).__name__)
        if show_known_problem(known):
            return
    log.error("unexpected failure: %s", bug_report(exc))
    if app is None or app.closingDown():
        return
    try:
        CrashDialog.show_for(exc)
    except Exception as dialog_bug:  # never let the dialog itself end the app
        log.error("the crash dialog failed: %s", bug_report(dialog_bug))


def install_excepthook(app: QApplication) -> ExceptHook:
    """Log uncaught errors and show the crash dialog instead of ending the app.

    Returns the previous hook. Ctrl+C still ends the app as usual.
    """
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        report_bug(exc)

    sys.excepthook = hook
    return previous
