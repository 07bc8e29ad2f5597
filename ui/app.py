"""Start the Partner Log window on a data folder."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.errors import UserFacingError
from desktop_app.i18n import _
from desktop_app.workspace import Workspace
from ui.fonts import load_bundled_fonts
from ui.main_window import MainWindow


def run(data_dir: Path) -> int:
    """Open the app window on ``data_dir`` and run until it is closed."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Partner Log")
    load_bundled_fonts(app)
    try:
        workspace = Workspace.open(data_dir)
    except UserFacingError as problem:
        QMessageBox.warning(None, _("Partner Log"), f"{problem.message}\n\n{problem.next_step}")
        return 1
    try:
        window = MainWindow(workspace)
        window.show()
        return app.exec()
    finally:
        workspace.close()
