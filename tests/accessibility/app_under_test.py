"""The real Partner Log window, steered line by line for the AT-SPI checks.

Run with the app's own Python (the venv); ``atspi_check.py`` starts it. It reads one JSON
command per line on stdin and answers with one JSON line on stdout:

- ``{"cmd": "visit", "stop": NAME}`` opens a page of ``tests.helpers.page_tour`` as a person would
  (a first-run set-up page on a folder that is not set up yet);
- ``{"cmd": "state"}`` says which page shows and which control has the keyboard;
- ``{"cmd": "quit"}`` closes the window.

Each answer after a visit lists the controls the Tab key can reach, with the kind of
control Qt made, so the client can check that a screen reader sees each of them.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from desktop_app import clock
from desktop_app.commands.demo_data import make_demo_folder
from desktop_app.i18n import set_run_language
from desktop_app.model import ActivityKind, Role
from desktop_app.settings import Preferences
from desktop_app.storage.paths import database_path
from desktop_app.storage.workspace import Workspace
from tests.helpers import page_tour
from tests.helpers.days import TEST_DAY
from tests.helpers.page_tour import SETUP_STOPS, STOPS, visit, visit_setup
from ui.app import make_context
from ui.context import AppContext
from ui.fonts import load_bundled_fonts
from ui.formatting import long_date
from ui.main_window import MainWindow
from ui.widgets.error_summary import ErrorSummary
from ui.widgets.second_look import SecondLook

#: The kind of each focusable control, as the client expects to find it over AT-SPI.
KINDS: list[tuple[type[QWidget], str]] = [
    (QCheckBox, "check box"),
    (QAbstractButton, "button"),
    (QComboBox, "combo box"),
    (QAbstractSpinBox, "spin button"),
    (QLineEdit, "text"),
    (QPlainTextEdit, "text"),
    (QTextEdit, "text"),
    (QListView, "list"),
    (QAbstractItemView, "table"),
    (QAbstractSlider, "slider"),
]


def kind_of(widget: QWidget) -> str:
    if isinstance(widget, ErrorSummary):
        return "problem summary"
    if isinstance(widget, SecondLook):
        return "question box"
    for cls, kind in KINDS:
        if isinstance(widget, cls):
            if isinstance(widget, QAbstractButton) and kind == "button" and widget.isCheckable():
                group = widget.group()
                one_of_a_set = widget.autoExclusive() or (group is not None and group.exclusive())
                return "tile" if one_of_a_set else "toggle"
            if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
                return "password"
            return kind
    return "other"


def focusable(page: QWidget) -> list[QWidget]:
    """Controls that can take the keyboard: by Tab, or (in a set of tiles) by arrow keys.

    The text box inside a spin box or combo box is part of it, not a control of its own.
    """
    return [
        w
        for w in page.findChildren(QWidget)
        if w.isVisibleTo(page)
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and w.isEnabled()
        and not isinstance(w.parent(), QAbstractSpinBox | QComboBox)
    ]


def tab_order(page: QWidget) -> list[str]:
    """The names of the page's controls in the order the Tab key visits them."""
    allowed = focusable(page)
    if not allowed:
        return []
    names, widget = [], allowed[0]
    for _ in range(500):
        if widget in allowed and widget.accessibleName() not in names:
            names.append(widget.accessibleName())
        widget = widget.nextInFocusChain()
        if widget is allowed[0]:
            break
    return names


def describe(widget: QWidget) -> dict[str, Any]:
    return {
        "name": widget.accessibleName(),
        "kind": kind_of(widget),
        "class": type(widget).__name__,
    }


class Steering(QObject):
    """Runs each command on the Qt thread and answers on stdout."""

    command = Signal(str)

    def __init__(self, app: QApplication, ctx: AppContext, window: MainWindow) -> None:
        super().__init__()
        self.app, self.ctx, self.window = app, ctx, window
        self.command.connect(self.run)

    def answer(self, message: dict[str, Any]) -> None:
        sys.stdout.write(json.dumps(message) + "\n")
        sys.stdout.flush()

    def settle(self, then: Any) -> None:
        for _ in range(5):
            self.app.processEvents()
        QTimer.singleShot(150, then)

    def run(self, line: str) -> None:
        try:
            message = json.loads(line)
            cmd = message["cmd"]
            if cmd == "quit":
                self.window.close()
                self.app.quit()
                return
            if cmd == "visit":
                if message["stop"] in SETUP_STOPS:
                    visit_setup(self.ctx, message["stop"])
                else:
                    visit(self.ctx, message["stop"])
            elif cmd != "state":
                raise ValueError(f"unknown command {cmd!r}")
        except Exception as problem:  # report it to the client, which fails the run
            self.answer({"ok": False, "problem": f"{type(problem).__name__}: {problem}"})
            return
        self.settle(self.report)

    def report(self) -> None:
        page = self.ctx.nav.current
        focused = QApplication.focusWidget()
        self.answer(
            {
                "ok": True,
                "page": type(page).__name__ if page is not None else None,
                "title": page.accessibleName() if page is not None else None,
                "focus": describe(focused) if focused is not None else None,
                "controls": [describe(w) for w in focusable(page)] if page is not None else [],
                "tab_order": tab_order(page) if page is not None else [],
                "window_description": self.window.accessibleDescription(),
                "figures": hasattr(page, "spoken_figures"),
            }
        )


def read_commands(steering: Steering) -> None:
    try:
        for line in sys.stdin:
            if line.strip():
                steering.command.emit(line)
        steering.command.emit(json.dumps({"cmd": "quit"}))
    except RuntimeError:  # the app already quit (its window was closed): nothing to steer
        return


def tours() -> dict[str, dict[str, Any]]:
    """The page tours there are: the partner's, first-run set-up, the coordinator's."""
    found: dict[str, dict[str, Any]] = {"partner": STOPS, "setup": SETUP_STOPS}
    coordinator = getattr(page_tour, "COORDINATOR_STOPS", None)
    if coordinator:
        found["coordinator"] = coordinator
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--tour", choices=["partner", "setup", "coordinator"], required=True)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--language", default="en", help="the app's language, e.g. es")
    args = parser.parse_args()
    set_run_language(args.language)
    clock.pin(TEST_DAY)  # the same day as the screen tests, whatever the calendar says
    if args.tour in ("partner", "coordinator"):
        make_demo_folder(args.folder, Role(args.tour))
    available = tours()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Partner Log")
    app.setApplicationDisplayName("Partner Log")
    load_bundled_fonts(app)
    workspace = Workspace.open(args.folder)
    try:
        ctx = make_context(app, workspace)
        ctx.settings.set(Preferences.text_scale, args.scale)
        ctx.restyle()
        window = MainWindow(ctx)
        window.resize(1024, 768)
        window.show()
        window.activateWindow()
        steering = Steering(app, ctx, window)
        reader = threading.Thread(target=read_commands, args=(steering,), daemon=True)
        QTimer.singleShot(
            300,
            lambda: (
                steering.answer(
                    {
                        "ok": True,
                        "ready": True,
                        "database": str(database_path(args.folder)),
                        "stops": list(available.get(args.tour, {})),
                        "tours": list(available),
                        "meeting": ActivityKind.MEETING.value,
                        "today": clock.today().isoformat(),
                        # Today as My records writes it, in the run's language.
                        "today_shown": long_date(clock.today()),
                    }
                ),
                reader.start(),
            ),
        )
        return app.exec()
    finally:
        workspace.close()


if __name__ == "__main__":
    raise SystemExit(main())
