"""Start the Partner Log window on a data folder."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QStackedWidget

from desktop_app.errors import UserFacingError
from desktop_app.i18n import _, choose_language, current_language, set_language
from desktop_app.settings import Settings
from desktop_app.storage.integrity import DamagedDatabase, start_afresh
from desktop_app.storage.restore import restore_backup
from desktop_app.storage.workspace import Workspace
from ui.context import AppContext
from ui.crash_dialog import install_excepthook
from ui.drafts import Drafts
from ui.fonts import load_bundled_fonts
from ui.icons import set_icon_palette
from ui.main_window import MainWindow
from ui.navigator import Navigator
from ui.qt_translations import install_qt_translations
from ui.recovery_dialog import RESTORE, START_AFRESH, RecoveryDialog
from ui.theme import accessibility_hints, apply_theme, palette_for, wants_high_contrast
from ui.wheel_guard import install as install_wheel_guard
from ui.window_state import WindowState


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
    install_wheel_guard(app)  # once per app: the wheel scrolls pages, never changes values
    settings = Settings.load(workspace.data_dir)
    set_language(choose_language(settings.val.language))
    install_qt_translations(app, current_language())
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
    _ContrastFollower(restyle, ctx.nav.stack)

    return ctx


def open_workspace(data_dir: Path) -> Workspace | None:
    """Open the records, helping the person through a damaged file. None means stop."""
    while True:
        try:
            return Workspace.open(data_dir)
        except DamagedDatabase as damage:
            choice = RecoveryDialog.ask(damage)
            try:
                if choice == RESTORE and damage.backup is not None:
                    restore_backup(data_dir, damage.backup.path)
                elif choice == START_AFRESH:
                    start_afresh(data_dir)
                else:
                    return None
            except UserFacingError as problem:
                QMessageBox.warning(None, _("Partner Log"), str(problem))
                return None
        except UserFacingError as problem:
            QMessageBox.warning(None, _("Partner Log"), str(problem))
            return None


def run(data_dir: Path) -> int:
    """Open the app window on ``data_dir`` and run until it is closed."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Partner Log")
    app.setApplicationDisplayName(_("Partner Log"))
    load_bundled_fonts(app)
    install_excepthook(app)
    workspace = open_workspace(data_dir)
    if workspace is None:
        return 1
    try:
        ctx = make_context(app, workspace)
        window = MainWindow(ctx)
        state = WindowState(data_dir)
        state.restore(window)
        window.show()
        status = app.exec()
        state.save(window)
        return status
    finally:
        workspace.close()
