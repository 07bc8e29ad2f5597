"""The ``partner-log`` program: the window, or one of the core's subcommands.

The app package owns the start, so the core never needs a way into ``ui``. A subcommand
runs in the core's command line without Qt being imported at all; only a plain
``partner-log`` (or ``partner-log demo``) loads the window.

A plain ``partner-log`` (at most ``--data-dir`` and ``--language``) goes straight to the
window, without loading the command line's commands: they bring SQLAlchemy, ReportLab
and the exchange package, which the first paint does without.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop_app import i18n
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


def window_only(argv: Sequence[str]) -> tuple[Path, str | None] | None:
    """The data folder and language when ``argv`` asks only for the window, else None."""
    options: dict[str, str | None] = {"--data-dir": None, "--language": None}
    args = list(argv)
    while args:
        arg = args.pop(0)
        name, is_joined, value = arg.partition("=")
        if name not in options or options[name] is not None:
            return None
        if not is_joined:
            if not args or args[0].startswith("-"):
                return None
            value = args.pop(0)
        options[name] = value
    language = options["--language"]
    if language is not None and not i18n.supported(language):
        return None  # the command line says which languages there are
    from desktop_app.storage.paths import resolve_data_dir

    return resolve_data_dir(options["--data-dir"]), language


def _open_window_quickly(data_dir: Path, language: str | None) -> int:
    """What the command line does for a plain ``partner-log``, without its commands."""
    from desktop_app.settings import Settings

    i18n.set_run_language(language)
    try:
        saved = Settings.load(data_dir).val.language
    except (OSError, UserFacingError):
        saved = None
    i18n.set_language(i18n.choose_language(saved))
    try:
        return open_window(data_dir)
    except UserFacingError as problem:
        print(f"partner-log: {problem}", file=sys.stderr)
        return problem.exit_code


def main(argv: Sequence[str] | None = None) -> int:
    """The program's entry point: the window at once, or the command line."""
    window = window_only(sys.argv[1:] if argv is None else argv)
    if window is not None:
        return _open_window_quickly(*window)
    from desktop_app import cli

    cli.use_utf8_output()
    return cli.main(argv, open_window=open_window, gui_check=gui_check)
