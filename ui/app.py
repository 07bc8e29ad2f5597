"""Start the Partner Log window on a data folder.

The quick start (an installation already set up, its records file at the newest schema)
draws Home first, with figures read by the standard library alone
(``services.home_figures``), and opens the records for real afterwards, off the UI
thread: the integrity check, SQLAlchemy and the rest load while Home is on screen. The
window can save nothing until they have, and a damaged file is found there, before any
write. Anything else (first run, an upgrade, a newer or unreadable file, a database
server) takes the normal path: the records are opened before the window is shown.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication, QStackedWidget

from desktop_app.errors import UserFacingError
from desktop_app.i18n import _, choose_language, current_language, set_language
from desktop_app.services.home_figures import quick_home_figures
from desktop_app.settings import Settings
from desktop_app.storage.instance_lock import InstanceLock
from ui import startup_trace
from ui.context import AppContext
from ui.drafts import Drafts
from ui.fonts import load_bundled_fonts
from ui.icons import set_icon_palette
from ui.main_window import MainWindow
from ui.navigator import Navigator
from ui.operations import Operation
from ui.theme import accessibility_hints, apply_theme, palette_for, wants_high_contrast
from ui.window_state import WindowState

if TYPE_CHECKING:
    from desktop_app.storage.workspace import Workspace


class _ContrastFollower(QObject):
    """Restyles when the computer's contrast setting changes while the app is open (the
    person's own choice in Settings still wins). Lives as long as ``owner``."""

    def __init__(self, restyle: Callable[[], None], owner: QObject) -> None:
        super().__init__(owner)
        self._restyle = restyle
        hints = accessibility_hints()
        if hints is not None:
            hints.contrastPreferenceChanged.connect(self.follow)

    @Slot()
    def follow(self) -> None:
        self._restyle()


def make_context(app: QApplication, workspace: Workspace) -> AppContext:
    """Everything the screens share, with the theme applied from the saved settings."""
    ctx = _first_frame_context(app, workspace)
    finish_context(app, ctx, ctx.nav.stack)
    return ctx


def _first_frame_context(app: QApplication, workspace: Workspace) -> AppContext:
    """What Home's first frame needs: the preferences, the language and the theme."""
    settings = Settings.load(workspace.data_dir)
    set_language(choose_language(settings.val.language))
    ctx = AppContext(
        workspace=workspace,
        settings=settings,
        drafts=Drafts(workspace.data_dir),
        nav=Navigator(QStackedWidget()),
    )

    def restyle() -> None:
        high_contrast = wants_high_contrast(settings)
        set_icon_palette(palette_for(high_contrast))
        apply_theme(app, high_contrast, settings.val.text_scale)

    ctx.restyle = restyle
    restyle()
    return ctx


def finish_context(app: QApplication, ctx: AppContext, owner: QObject) -> None:
    """What Home's first frame does without, set up right after it (the quick start) or
    before the window shows: the wheel guard (Home has no value to turn), Qt's own words
    for stock dialogs, and following the computer's contrast setting (for as long as
    ``owner`` lives)."""
    from ui.qt_translations import install_qt_translations
    from ui.wheel_guard import install as install_wheel_guard

    install_wheel_guard(app)  # once per app: the wheel scrolls pages, never changes values
    install_qt_translations(app, current_language())
    _ContrastFollower(ctx.restyle, owner)


def _open(data_dir: Path, lock: InstanceLock | None) -> Workspace:
    """Open the records (checked first), under ``lock`` if this window already holds it."""
    from desktop_app.storage.workspace import Workspace

    return Workspace.open(data_dir, held=lock)


def open_workspace(
    data_dir: Path, lock: InstanceLock | None = None, problem: Exception | None = None
) -> Workspace | None:
    """Open the records, helping the person through a damaged file. None means stop.

    ``lock``: the folder's lock, already held by this window (it is let go on stopping).
    ``problem``: what went wrong opening them already, off the UI thread.
    """
    from PySide6.QtWidgets import QMessageBox  # loaded only when there is a problem to say

    from desktop_app.storage.integrity import DamagedDatabase, start_afresh
    from desktop_app.storage.restore import restore_backup
    from ui.recovery_dialog import RESTORE, START_AFRESH, RecoveryDialog

    while True:
        try:
            if problem is not None:
                found, problem = problem, None
                raise found
            return _open(data_dir, lock)
        except DamagedDatabase as damage:
            choice = RecoveryDialog.ask(damage)
            try:
                if choice == RESTORE and damage.backup is not None:
                    restore_backup(data_dir, damage.backup.path)
                elif choice == START_AFRESH:
                    start_afresh(data_dir)
                else:
                    break
            except UserFacingError as trouble:
                QMessageBox.warning(None, _("Partner Log"), str(trouble))
                break
        except UserFacingError as trouble:
            QMessageBox.warning(None, _("Partner Log"), str(trouble))
            break
    if lock is not None:
        lock.release()
    return None


class _Opening(QObject):
    """Opens the records off the UI thread once Home is on screen, then attaches them.

    Until then the window has no records to write to. A damaged file found here is shown
    in the recovery dialog over Home; the window closes if the person chooses to stop.
    """

    def __init__(self, window: MainWindow, data_dir: Path, lock: InstanceLock) -> None:
        super().__init__(window)
        self.window, self.data_dir, self.lock = window, data_dir, lock
        self.workspace: Workspace | None = None
        self.failed = False
        self._job = Operation(window, self._work, self._opened, self._failed)

    def start(self) -> None:
        if not self._job.running and self.workspace is None and not self.failed:
            self._job.start()

    def _work(self) -> Workspace:
        self.workspace = _open(self.data_dir, self.lock)
        return self.workspace

    def _opened(self, workspace: Workspace) -> None:
        self.window.attach(workspace)

    def _failed(self, problem: Exception) -> None:
        if not isinstance(problem, UserFacingError):
            self.failed = True
            self.lock.release()
            raise problem  # a bug: the crash dialog says so
        workspace = open_workspace(self.data_dir, self.lock, problem)
        if workspace is None:
            self.failed = True
            QApplication.exit(1)
            return
        self.workspace = workspace
        self.window.attach(workspace)


def _quick_start(app: QApplication, data_dir: Path) -> tuple[int, Workspace | None] | None:
    """Show Home before the records are opened; None when the normal path must be taken."""
    try:
        lock = InstanceLock(data_dir).acquire()
    except (OSError, UserFacingError):
        return None  # the normal path says what is wrong
    quick = quick_home_figures(data_dir)
    if quick is None or not quick.set_up:
        lock.release()
        return None
    waiting = cast("Workspace", _NotOpenYet(data_dir))
    ctx = _first_frame_context(app, waiting)
    window = MainWindow(ctx, quick)
    opening = _Opening(window, data_dir, lock)

    def after_first_paint() -> None:
        finish_context(app, ctx, window)
        _install_crash_hook(app)
        opening.start()

    # The rest is set up, and the records opened, once Home has been painted (or soon,
    # if it never is).
    started: list[bool] = []

    def once() -> None:
        if not started:
            started.append(True)
            after_first_paint()

    startup_trace.when_painted(window.home.heading, lambda: QTimer.singleShot(0, once))
    QTimer.singleShot(1000, once)
    state = WindowState(data_dir)
    state.restore(window)
    window.show()
    status = app.exec()
    state.save(window)
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()  # a records file still opening, closed below
    return status, opening.workspace


def _install_crash_hook(app: QApplication) -> None:
    """Show a bug in the calm crash dialog (loaded once Home is on screen)."""
    from ui.crash_dialog import install_excepthook

    install_excepthook(app)


class _NotOpenYet:
    """The data folder while its records are still being opened: a window holding it
    can show Home but not read or write the records (``MainWindow`` waits)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir

    def call(self, *_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("the records are not open yet")


def run(data_dir: Path) -> int:
    """Open the app window on ``data_dir`` and run until it is closed."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Partner Log")
    app.setApplicationDisplayName(_("Partner Log"))
    load_bundled_fonts(app)
    quick = _quick_start(app, data_dir)  # the crash dialog is set up after Home's first paint
    if quick is not None:
        status, opened = quick
        if opened is not None:
            opened.close()
        return status
    _install_crash_hook(app)
    workspace = open_workspace(data_dir)
    if workspace is None:
        return 1
    try:
        ctx = make_context(app, workspace)
        window = MainWindow(ctx)
        state = WindowState(data_dir)
        state.restore(window)
        window.show()
        startup_trace.finish()
        status = app.exec()
        state.save(window)
        return status
    finally:
        workspace.close()
