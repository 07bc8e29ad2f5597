"""Checks that turn bad input into plain-language ``InvalidInput`` errors.

Each check names the form field it belongs to, so a screen can show the message there.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum
from typing import TypeVar

from desktop_app import clock
from desktop_app.errors import InvalidInput
from desktop_app.i18n import _

MAX_MINUTES = 24 * 60
MAX_NAME = 200
MAX_TITLE = 300
MAX_NOTE = 2000
MAX_LONG_TEXT = 10_000
MAX_AMOUNT_MINOR = 100_000_000  # one million in major units: surely a typing slip
DAYS_AHEAD_ALLOWED = 365

E = TypeVar("E", bound=Enum)


def clean_text(value: str | None, field: str, what: str, limit: int, required: bool) -> str:
    """Trim ``value``; refuse it when required and empty, or longer than ``limit``."""
    text = (value or "").strip()
    if required and not text:
        raise InvalidInput(_("Enter {what}.").format(what=what), field=field)
    if len(text) > limit:
        raise InvalidInput(
            _("{what} can be up to {limit} characters. It has {n} now.").format(
                what=what[:1].upper() + what[1:], limit=limit, n=len(text)
            ),
            field=field,
        )
    return text


def check_minutes(value: int, field: str = "minutes", allow_zero: bool = False) -> int:
    """Whole minutes for one entry: 1 to 1,440 (0 allowed for optional extra time)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(_("Enter the time in whole minutes."), field=field)
    low = 0 if allow_zero else 1
    if value < low or value > MAX_MINUTES:
        if allow_zero:
            message = _("Extra time must be between 0 minutes and 24 hours.")
        else:
            message = _("The time must be between 1 minute and 24 hours.")
        raise InvalidInput(message, field=field)
    return value


def check_total_minutes(*parts: int) -> None:
    if sum(parts) > MAX_MINUTES:
        raise InvalidInput(
            _("All the time for one entry must add up to 24 hours or less."), field="minutes"
        )


def check_date(
    value: date | None, field: str = "date", today: date | None = None, ahead: bool = False
) -> date:
    """A calendar date no later than today.

    With ``ahead`` (only for what is really about the future, like the end of a pay
    period), a date up to a year from today is allowed too.
    """
    if value is None:
        raise InvalidInput(_("Enter the date."), field=field)
    if not isinstance(value, date):
        raise InvalidInput(_("Enter a real date, like 2025-03-31."), field=field)
    today = today or clock.today()
    if not ahead and value > today:
        raise InvalidInput(_("The date cannot be after today."), field=field)
    if value > today + timedelta(days=DAYS_AHEAD_ALLOWED):
        raise InvalidInput(_("The date must be no more than a year from today."), field=field)
    return value


def check_period(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise InvalidInput(_("The end date must be on or after the start date."), field="end")


def check_amount(value: int, field: str = "amount") -> int:
    """Money in whole minor units (cents): zero or more."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(_("Enter the amount as a number, like 12.50."), field=field)
    if value < 0:
        raise InvalidInput(_("The amount cannot be less than zero."), field=field)
    if value > MAX_AMOUNT_MINOR:
        raise InvalidInput(_("The amount is too large. Check it and try again."), field=field)
    return value


def check_currency(value: str, field: str = "currency") -> str:
    code = (value or "").strip().upper()
    if len(code) != 3 or not code.isalpha() or not code.isascii():
        raise InvalidInput(_("Enter a currency code of three letters, like CAD."), field=field)
    return code


def check_choice(value: object, enum_cls: type[E], field: str) -> E:
    """Accept an enum member or its stored value; refuse anything else."""
    if isinstance(value, enum_cls):
        return value
    try:
        return enum_cls(value)
    except ValueError:
        raise InvalidInput(_("Choose one of the options."), field=field) from None
