"""``partner-log check`` and ``partner-log backup``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app import clock
from desktop_app.commands.common import data_dir_of, database_url_of, existing_database
from desktop_app.i18n import _
from desktop_app.storage.backup import backup_file, integrity_problems, snapshot
from desktop_app.storage.db import SCHEMA_HEAD, open_database, open_database_url
from desktop_app.storage.paths import database_path


def register(subparsers: Any) -> None:
    check = subparsers.add_parser(
        "check",
        help=_("check that your records file is healthy"),
        description=_(
            "Check that your records file is healthy. The exit status is 1 if it is damaged."
        ),
    )
    check.set_defaults(run=run_check)
    backup = subparsers.add_parser(
        "backup",
        help=_("make a safe copy of your records now"),
        description=_(
            "Make a safe, checked copy of your records. Without --out it goes in "
            "the backups folder beside your records."
        ),
    )
    backup.add_argument("--out", help=_("where to save the copy"))
    backup.set_defaults(run=run_backup)


def _out_path(args: argparse.Namespace) -> Path:
    out = Path(args.out).expanduser().resolve()
    if out.is_dir():
        out = out / f"partner-log-{clock.now():%Y%m%d-%H%M%S}.sqlite3"
    return out


def run_check(args: argparse.Namespace) -> int:
    url = database_url_of(args)
    if url is not None:
        return _check_server(url)
    problems = integrity_problems(existing_database(args))
    if problems:
        print(
            _("Your records file is damaged. Do not delete it. Ask for help, or restore a backup.")
        )
        return 1
    print(_("Your records file is healthy."))
    return 0


def _check_server(url: str) -> int:
    from desktop_app.storage.server_check import check_server

    database = open_database_url(url)
    try:
        health = check_server(database.engine, SCHEMA_HEAD)
    finally:
        database.close()
    if health.problems:
        print(_("Your organisation's database has a problem. Please tell your IT team:"))
        for problem in health.problems:
            print("  " + problem)
        return 1
    print(
        _("Your organisation's database is healthy (PostgreSQL {version}).").format(
            version=health.server_version
        )
    )
    return 0


def _backup_server(args: argparse.Namespace, url: str) -> int:
    from desktop_app.storage.transfer import portable_backup, write_records_file

    database = open_database_url(url)
    try:
        if args.out:
            dest = write_records_file(database, _out_path(args))
        else:
            dest = portable_backup(database, data_dir_of(args), "on-request")
    finally:
        database.close()
    print(_("A checked copy of your records is saved at {path}").format(path=dest))
    print(_("It opens on any computer: partner-log restore {path}").format(path=dest))
    return 0


def run_backup(args: argparse.Namespace) -> int:
    url = database_url_of(args)
    if url is not None:
        return _backup_server(args, url)
    data_dir = data_dir_of(args)
    existing_database(args)
    database = open_database(data_dir)  # brings an older file up to date first
    database.close()
    if args.out:
        dest = backup_file(database_path(data_dir), _out_path(args))
    else:
        dest = snapshot(data_dir, database_path(data_dir), "on-request")
    print(_("A checked copy of your records is saved at {path}").format(path=dest))
    return 0
