"""Starting the app window from the command line."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from desktop_app.errors import UserFacingError
from desktop_app.i18n import _

#: The window lives in the ``ui`` package, which the core never imports statically.
#: This is the one place the command line hands over to it.
GUI_MODULE = "ui.app"


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def launch_gui(data_dir: Path) -> int:
    if not has_display():
        raise UserFacingError(
            _("There is no screen to show Partner Log on."),
            _("Run it on a desktop. On a server, try: xvfb-run partner-log"),
        )
    app = importlib.import_module(GUI_MODULE)
    status: int = app.run(data_dir)
    return status
