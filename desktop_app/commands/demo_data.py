"""``partner-log demo``: a separate folder holding the reference project."""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path
from typing import Any

from desktop_app import demo
from desktop_app.errors import InvalidInput
from desktop_app.i18n import _
from desktop_app.model import Role
from desktop_app.storage.db import open_database
from desktop_app.storage.paths import (
    DEMO_MARKER,
    database_path,
    default_demo_dir,
    ensure_private_dir,
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help=_("make a practice folder with example records, and open it"),
        description=_(
            "Make a separate practice folder holding an example project: four "
            "partners, 487 hours, 40 meetings and 17 products. Your own records "
            "are never touched. Running it again starts the practice folder "
            "afresh."
        ),
    )
    parser.add_argument(
        "--data-dir", default=argparse.SUPPRESS, help=_("where to put the practice folder")
    )
    parser.add_argument(
        "--no-gui", action="store_true", help=_("only make the folder; do not open the app")
    )
    parser.add_argument(
        "--role",
        default=Role.PARTNER.value,
        choices=[r.value for r in Role],
        help=_("see the example as a partner (the default) or as a coordinator"),
    )
    parser.set_defaults(run=run)


def make_demo_folder(folder: Path, role: Role) -> None:
    """Create (or re-create) the demo data in ``folder``; never touch a real folder."""
    marker = folder / DEMO_MARKER
    db_file = database_path(folder)
    if db_file.exists() and not marker.exists():
        raise InvalidInput(
            _("That folder already holds real records, so no example was made there."),
            _("Choose an empty folder for the example."),
        )
    ensure_private_dir(folder)
    for leftover in (db_file, Path(f"{db_file}-wal"), Path(f"{db_file}-shm")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    marker.write_text(
        "This folder holds example records made by 'partner-log demo'. It is safe to delete.\n",
        encoding="utf-8",
    )
    database = open_database(folder)
    try:
        with database.session() as session:
            demo.populate(session, role)
    finally:
        database.close()


def run(args: argparse.Namespace) -> int:
    explicit = getattr(args, "data_dir", None)
    folder = Path(explicit).expanduser().resolve() if explicit else default_demo_dir()
    make_demo_folder(folder, Role(args.role))
    print(_("The example records are in {folder}").format(folder=folder))
    if args.no_gui:
        return 0
    status: int = args.open_window(folder)
    return status
