"""``partner-log database-password``: keep the password for an organisation's PostgreSQL
database in the system keyring, or remove it (``storage.server_password``).

The password is read without showing it; from standard input only with ``--stdin``.
It is never printed, logged or written to the settings.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from desktop_app.commands.common import database_url_of
from desktop_app.errors import InvalidInput
from desktop_app.i18n import _
from desktop_app.storage.server_password import forget_password, keyring_name, store_password
from desktop_app.storage.server_url import server_url


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "database-password",
        help=_("coordinators: keep your shared records password in this computer's keyring"),
        description=_(
            "Keep the password for your organisation's shared records in this computer's "
            "keyring, so you need no .pgpass file. Give the address with --database-url, "
            "or set it up first."
        ),
    )
    how = parser.add_mutually_exclusive_group()
    how.add_argument(
        "--stdin",
        action="store_true",
        help=_("read the password from the first line of standard input"),
    )
    how.add_argument(
        "--forget",
        action="store_true",
        help=_("remove the password from this computer's keyring"),
    )
    parser.set_defaults(run=run)


def _read_password(args: argparse.Namespace, name: str) -> str:
    if args.stdin:
        typed = sys.stdin.readline().rstrip("\r\n")
    elif not sys.stdin.isatty():
        raise InvalidInput(
            _("Nothing was saved. To read the password from standard input, add --stdin.")
        )
    else:
        typed = getpass.getpass(_("Password for {name}: ").format(name=name))
    if not typed:
        raise InvalidInput(_("The password is empty, so nothing was saved."))
    return typed


def run(args: argparse.Namespace) -> int:
    text = database_url_of(args)
    if text is None:
        raise InvalidInput(
            _("No shared records address is chosen, so there is no password to keep."),
            _("Add --database-url URL before database-password."),
        )
    url = server_url(text)
    name = keyring_name(url)
    if args.forget:
        if forget_password(url):
            print(_("The password for {name} was removed from the keyring.").format(name=name))
        else:
            print(_("There was no password for {name} in the keyring.").format(name=name))
        return 0
    store_password(url, _read_password(args, name))
    print(_("The password for {name} is kept in this computer's keyring.").format(name=name))
    return 0
