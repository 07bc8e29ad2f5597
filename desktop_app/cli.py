"""The ``partner-log`` command: opens the app, or runs a scriptable subcommand.

Exit status: 0 when all went well, 2 for input that cannot be used (one plain line on
stderr), and 1 for any other failure. A person never sees a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from desktop_app import __version__, i18n
from desktop_app.commands import MODULES
from desktop_app.commands.common import data_dir_of
from desktop_app.errors import UserFacingError
from desktop_app.i18n import _
from desktop_app.logs import bug_report
from desktop_app.logs import configure as configure_logging
from desktop_app.storage.faults import explain
from desktop_app.storage.retry import retrying
from desktop_app.storage.server_choice import ENV_URL

log = logging.getLogger("partner_log.cli")
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class BadUsage(Exception):
    """The command line itself could not be understood."""


class PlainParser(argparse.ArgumentParser):
    """An argument parser that reports mistakes in one plain line."""

    def error(self, message: str) -> NoReturn:
        raise BadUsage(
            _("{problem}. For help, run: {prog} --help").format(
                problem=message[:1].upper() + message[1:].rstrip("."), prog=self.prog
            )
        )


def build_parser() -> argparse.ArgumentParser:
    parser = PlainParser(
        prog="partner-log",
        description=_(
            "Partner Log keeps a record of the time and work you give to a "
            "health research project. With no command, it opens the app."
        ),
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_(
            "the folder that holds your records (default: your user data "
            "folder, or PARTNER_LOG_HOME)"
        ),
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help=_(
            "coordinators: use your organisation's PostgreSQL database at URL, such as "
            "postgresql://name@server/database (default: PARTNER_LOG_DATABASE_URL, then "
            "your setting). The password comes from ~/.pgpass, PGPASSWORD or the keyring "
            "(see database-password)"
        ),
    )
    parser.add_argument(
        "--language",
        metavar="CODE",
        help=_(
            "the language for this run, such as en or es, PDFs included "
            "(default: your saved choice, then your computer's language)"
        ),
    )
    parser.add_argument("--version", action="version", version=f"Partner Log {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_("check that this copy of Partner Log works, in a temporary folder, then exit"),
    )
    parser.add_argument(
        "--gui",
        action="store_true",
        help=_("with --self-test: also open and close a window, off the screen"),
    )
    subparsers = parser.add_subparsers(
        title=_("commands"), metavar="COMMAND", parser_class=PlainParser
    )
    for module in MODULES:
        module.register(subparsers)
    return parser


def _say(message: str) -> None:
    print(message, file=sys.stderr)


#: Opens the window on a data folder and returns its exit status. The app package passes it
#: in (``ui.launcher``); the core itself has no way into the window.
WindowOpener = Callable[[Path], int]


def no_window(data_dir: Path) -> int:
    raise UserFacingError(
        _("This copy of Partner Log has no window."),
        _("Choose a command. For help, run: partner-log --help"),
    )


def use_utf8_output(*streams: TextIO | None) -> None:
    """Write UTF-8 to a file or pipe, whatever the system's code page (cp1252 on many
    Windows computers cannot write "李" or "Nguyễn", and ``--json > file`` would fail).

    A console is left as it is: Python already writes Unicode to it. A character a
    stream still cannot write becomes "?" rather than stopping the program.
    """
    for stream in streams or (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if stream is None or reconfigure is None:
            continue  # a windowed program has no output at all
        try:
            if stream.isatty():
                reconfigure(errors="replace")
            else:
                reconfigure(encoding="utf-8", errors="replace")
        except (OSError, ValueError):
            continue


def choose_run_language(argv: Sequence[str] | None) -> None:
    """Set the language before any words are made: ``--language``, then the saved
    setting of the data folder, then the system's, then English."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--language")
    early.add_argument("--data-dir")
    known, _rest = early.parse_known_args(argv)
    i18n.set_run_language(known.language)
    saved = None
    try:
        from desktop_app.settings import Settings

        saved = Settings.load(data_dir_of(known)).val.language
    except (OSError, UserFacingError):
        saved = None
    i18n.set_language(i18n.choose_language(saved))


def main(
    argv: Sequence[str] | None = None,
    open_window: WindowOpener = no_window,
    gui_check: Callable[[], str] | None = None,
) -> int:
    choose_run_language(argv)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except BadUsage as problem:
        _say(f"partner-log: {problem}")
        return EXIT_BAD_INPUT
    if args.language and not i18n.supported(args.language):
        _say(
            "partner-log: "
            + _("There is no {code} language here. Choose one of: {choices}.").format(
                code=args.language, choices=", ".join(i18n.shipped_languages())
            )
        )
        return EXIT_BAD_INPUT
    if args.self_test:
        from desktop_app.self_test import no_window_check, run_self_test

        if not args.gui:
            return run_self_test()
        return run_self_test(gui=gui_check or no_window_check)
    try:
        log_path = configure_logging(data_dir_of(args))
    except OSError:
        log_path = None
    args.open_window = open_window
    run = getattr(args, "run", None)
    try:
        if run is None:
            if args.database_url:
                os.environ[ENV_URL] = args.database_url  # the window opens the same records
            return open_window(data_dir_of(args))
        # On a shared database, a command that collided with another coordinator's
        # saving is run again: nothing of it was kept (see ``storage.retry``).
        status: int = retrying(lambda: run(args))
        return status
    except UserFacingError as problem:
        log.info("stopped with a user-facing problem: %s", type(problem).__name__)
        _say(f"partner-log: {problem}")
        return problem.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the output was cut short, e.g. by `| head`
        sys.stderr.close()
        return EXIT_OK
    except Exception as bug:
        # A full disk, a read-only folder...: plain words, and no "details in the log".
        known = explain(bug, data_dir_of(args))
        if known is not None:
            log.info("stopped by a disk fault: %s", type(bug).__name__)
            _say(f"partner-log: {known}")
            return EXIT_FAILED
        log.error("unexpected failure: %s", bug_report(bug))
        where = _(" Details are in {path}").format(path=log_path) if log_path else ""
        _say(
            _(
                "partner-log: Something went wrong, and it was not your fault. Your saved "
                "records are safe."
            )
            + where
        )
        return EXIT_FAILED
