"""The ``partner-log`` program: the window, or one of the core's subcommands.

The app package owns the start, so the core never needs a way into ``ui``. A subcommand
runs in the core's command line without Qt being imported at all; only a plain
``partner-log`` (or ``partner-log demo``) loads the window.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop_app import cli
from desktop_app.errors import UserFacingError
from desktop_app.i18n import _


def has_display() -> bool:
    """Whether a window could be shown: always on Windows and macOS, on Linux with X or Wayland."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def gui_check() -> str:
    """``--self-test --gui``: the platform plugin, the fonts and a window, offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.self_test_gui import open_and_close_a_window  # Qt loads here.

    return open_and_close_a_window()


def open_window(data_dir: Path) -> int:
    """Open the Partner Log window on ``data_dir`` and run it until it is closed."""
    if not has_display():
        raise UserFacingError(
            _("There is no screen to show Partner Log on."),
            _("Run it on a desktop. On a server, try: xvfb-run partner-log"),
        )
    from ui.app import run  # Qt loads here, and only here.

    return run(data_dir)


def main(argv: Sequence[str] | None = None) -> int:
    cli.use_utf8_output()
    return cli.main(argv, open_window=open_window, gui_check=gui_check)
