"""Pieces the subcommands share: argument types, opening the data folder, output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.errors import UserFacingError
from desktop_app.i18n import _
from desktop_app.storage.db import open_database
from desktop_app.storage.paths import database_path, ensure_private_dir, resolve_data_dir
from desktop_app.storage.server_choice import chosen_url


def parse_date(text: str) -> date:
    """An argparse type: YYYY-MM-DD, or the words today and yesterday."""
    word = text.strip().lower()
    if word == "today":
        return clock.today()
    if word == "yesterday":
        return clock.today() - timedelta(days=1)
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("\u201c{text}\u201d is not a date. Use YYYY-MM-DD, like 2025-03-31.").format(
                text=text
            )
        ) from None


def add_day_argument(parser: argparse.ArgumentParser) -> None:
    """The required ``--date`` of a new entry: YYYY-MM-DD, or today or yesterday."""
    parser.add_argument(
        "--date",
        required=True,
        type=parse_date,
        help=_("the day, as YYYY-MM-DD, or today or yesterday"),
    )


def whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("\u201c{text}\u201d is not a whole number.").format(text=text)
        ) from None


def parse_money(text: str) -> int:
    """An argparse type: an amount like 12.50, as whole minor units (cents)."""
    try:
        amount = Decimal(text.strip())
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")):
        raise argparse.ArgumentTypeError(
            _("\u201c{text}\u201d is not an amount. Use a number like 12.50.").format(text=text)
        )
    return int(amount * 100)


def yes_or_no(text: str) -> bool:
    """An argparse type: yes or no."""
    word = text.strip().lower()
    if word in ("yes", "y"):
        return True
    if word in ("no", "n"):
        return False
    raise argparse.ArgumentTypeError(_("Answer yes or no."))


def data_dir_of(args: argparse.Namespace) -> Path:
    return resolve_data_dir(getattr(args, "data_dir", None))


def database_url_of(args: argparse.Namespace) -> str | None:
    """The organisation's database to use (``--database-url``, the environment, the
    setting), or None for the records file in the data folder."""
    return chosen_url(data_dir_of(args), getattr(args, "database_url", None))


def existing_database(args: argparse.Namespace) -> Path:
    """The records file of the chosen folder, or a plain error if there is none."""
    data_dir = data_dir_of(args)
    path = database_path(data_dir)
    if not path.exists():
        raise UserFacingError(
            _("There are no records in {folder} yet.").format(folder=data_dir),
            _("Check the folder name, or set up Partner Log first."),
        )
    return path


@contextmanager
def session_for(args: argparse.Namespace, must_exist: bool = False) -> Iterator[Session]:
    """Open the data folder and give one transaction for the command.

    With ``must_exist``, a folder with no records is reported instead of being created.
    On an organisation's database the records are on the server instead.
    """
    data_dir = data_dir_of(args)
    url = database_url_of(args)
    if must_exist and url is None:
        existing_database(args)
    if url is not None:
        ensure_private_dir(data_dir)  # for the settings and the log, kept on this computer
    database = open_database(data_dir, url)
    try:
        with database.session() as session:
            yield session
    finally:
        database.close()


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def add_period(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="start",
        type=parse_date,
        metavar="DATE",
        help=_("only count entries on or after this date (YYYY-MM-DD)"),
    )
    parser.add_argument(
        "--to",
        dest="end",
        type=parse_date,
        metavar="DATE",
        help=_("only count entries on or before this date (YYYY-MM-DD)"),
    )
