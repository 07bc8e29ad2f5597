"""The crash dialog: calm words, safe details to copy, and a hook that keeps the app open."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app import __version__
from ui import crash_dialog
from ui.crash_dialog import CrashDialog, install_excepthook


def _failure() -> ValueError:
    try:
        raise ValueError("Rosa Martínez's note about her pain")  # people's words
    except ValueError as exc:
        return exc


def test_dialog_says_what_happened_and_that_records_are_safe(qtbot: QtBot) -> None:
    dialog = CrashDialog(_failure())
    qtbot.addWidget(dialog)
    assert "Something went wrong" in dialog.heading.text()
    assert "Your saved records are safe." in dialog.explanation.text()
    assert dialog.font().pixelSize() >= 19  # 14 pt at 96 dots to the inch, on every platform
    for widget in (dialog, dialog.copy_button, dialog.close_button, dialog.explanation):
        assert widget.accessibleName()
    assert dialog.copy_button.minimumHeight() >= 44


def test_copy_details_copies_where_not_what(qtbot: QtBot) -> None:
    dialog = CrashDialog(_failure())
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert f"Partner Log {__version__}" in copied
    assert "builtins.ValueError" in copied
    assert "test_crash_dialog.py" in copied
    assert "Rosa" not in copied and "pain" not in copied
    assert "copied" in dialog.status.text()


def test_close_button_closes(qtbot: QtBot) -> None:
    dialog = CrashDialog(_failure())
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        dialog.close_button.click()
    assert dialog.result() == CrashDialog.DialogCode.Accepted


def test_hook_logs_and_shows_the_dialog_instead_of_crashing(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr(CrashDialog, "show_for", classmethod(lambda cls, exc: shown.append(exc)))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    previous = install_excepthook(app)
    try:
        exc = _failure()
        with caplog.at_level(logging.ERROR, logger="partner_log.crash"):
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
    assert shown == [exc]
    assert "builtins.ValueError" in caplog.text
    assert "Rosa" not in caplog.text


def test_details_name_the_platform() -> None:
    details = crash_dialog.crash_details(_failure())
    assert "Python" in details and "PySide6" in details
