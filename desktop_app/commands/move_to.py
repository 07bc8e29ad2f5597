"""``partner-log move-to``: move a coordinator's records into their organisation's
PostgreSQL database, or back out of it into a records file.

Either way the copy is all or nothing and is checked by counts and sums
(``storage.transfer``). The records the copy came from are never changed.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app.commands.common import data_dir_of, database_url_of, existing_database
from desktop_app.errors import InvalidInput
from desktop_app.i18n import _, ngettext
from desktop_app.settings import Preferences, Settings
from desktop_app.storage.db import Database, open_database, open_database_url
from desktop_app.storage.instance_lock import InstanceLock
from desktop_app.storage.restore import restore_backup
from desktop_app.storage.server_url import redacted, server_url, without_password
from desktop_app.storage.transfer import copy_between, record_count, write_records_file


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "move-to",
        help=_("coordinators: move your records into your organisation's database, or back"),
        description=_(
            "Move your records file into your organisation's PostgreSQL database, which "
            "must be empty. Or copy that database back into a records file. All or nothing, "
            "checked by counts and sums. The records you copy from are not changed."
        ),
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--database-url",
        dest="target_url",
        metavar="URL",
        help=_("move this folder's records into the database at URL; this folder then uses it"),
    )
    where.add_argument(
        "--sqlite",
        metavar="FILE",
        help=_("copy the organisation's database into a new records file FILE"),
    )
    where.add_argument(
        "--this-computer",
        action="store_true",
        help=_(
            "copy the organisation's database into this folder and use it here again. "
            "The records here now are kept in the backups folder"
        ),
    )
    parser.set_defaults(run=run)


def _moved_words(count: int) -> str:
    return ngettext(
        "{n} record was copied, and the counts and sums match.",
        "{n} records were copied, and the counts and sums match.",
        count,
    ).format(n=count)


def _server(args: argparse.Namespace) -> Database:
    url = database_url_of(args)
    if url is None:
        raise InvalidInput(
            _("No organisation's database is chosen, so there is nothing to copy."),
            _("Add --database-url URL before move-to."),
        )
    return open_database_url(url)


def run(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(args)
    if args.target_url:
        return _into_server(data_dir, args)
    server = _server(args)
    try:
        if args.sqlite:
            dest = Path(args.sqlite).expanduser().resolve()
            if dest.exists():
                raise InvalidInput(
                    _("There is already a file at {path}, so nothing was copied.").format(
                        path=dest
                    ),
                    _("Choose a new file name."),
                )
            from desktop_app.storage.transfer import tally

            write_records_file(server, dest)
            with server.engine.connect() as connection:
                count = record_count(tally(connection))
            print(_moved_words(count))
            print(_("Saved {path}").format(path=dest))
            print(_("To use it on a computer: partner-log restore {path}").format(path=dest))
            return 0
        data_dir.mkdir(parents=True, exist_ok=True)
        made = data_dir / ".partner-log-from-server.sqlite3"
        try:
            write_records_file(server, made)
            with InstanceLock(data_dir):
                restore_backup(data_dir, made)
        finally:
            made.unlink(missing_ok=True)
        Settings.load(data_dir).set(Preferences.organisation_database, "")
        print(_("Your records are now in this folder again: {folder}").format(folder=data_dir))
        print(_("Partner Log no longer uses the organisation's database here."))
        return 0
    finally:
        server.close()


def _into_server(data_dir: Path, args: argparse.Namespace) -> int:
    url = server_url(args.target_url)
    args.database_url = None  # the records to move are this folder's own file
    existing_database(args)
    with InstanceLock(data_dir):
        local = open_database(data_dir)
        try:
            server = open_database_url(url)
            try:
                moved = copy_between(local, server)
            finally:
                server.close()
        finally:
            local.close()
    Settings.load(data_dir).set(Preferences.organisation_database, without_password(url))
    print(_moved_words(record_count(moved)))
    print(_("This folder now uses the database at {where}.").format(where=redacted(url)))
    print(_("Your records file is still in {folder}, unchanged.").format(folder=data_dir))
    return 0
