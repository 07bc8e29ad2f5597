"""Dates, money and hours as the documents show them.

Kept small on purpose: long dates such as "26 November 2026" and money with its ISO
currency code ("USD 1,234.50") read the same everywhere and cannot be mistaken for
another currency. The month names and the order of the parts are translatable, so a
language can say "26 de noviembre de 2026". Babel would add tens of megabytes of locale
data for little gain while English and Spanish are the only languages planned.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop_app.i18n import N_, _
from desktop_app.services.money_text import ZERO_DECIMALS, money
from desktop_app.services.rounding import hours_tenths

__all__ = [
    "ZERO_DECIMALS",
    "duration",
    "hours",
    "long_date",
    "money",
    "month_label",
    "number",
    "period",
    "short_date",
]

MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)
SHORT_MONTHS = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)


def long_date(day: date) -> str:
    """E.g. "26 November 2026"."""
    return _("{day} {month} {year}").format(
        day=day.day, month=_(MONTHS[day.month - 1]), year=day.year
    )


def short_date(day: date) -> str:
    """E.g. "26 Nov 2026", for table rows."""
    return _("{day} {month} {year}").format(
        day=day.day, month=_(SHORT_MONTHS[day.month - 1]), year=day.year
    )


def month_label(key: str) -> str:
    """ "2023-07" as "Jul 2023"."""
    year, month = key.split("-")
    return _("{month} {year}").format(month=_(SHORT_MONTHS[int(month) - 1]), year=year)


def period(start: date | None, end: date | None) -> str:
    if start and end:
        if start == end:
            return long_date(start)
        return _("{start} to {end}").format(start=long_date(start), end=long_date(end))
    if start:
        return _("From {start}").format(start=long_date(start))
    if end:
        return _("Up to {end}").format(end=long_date(end))
    return _("All dates")


def number(value: float | Decimal, places: int = 1) -> str:
    """A decimal number with thousands separators: 1,234.5."""
    return f"{value:,.{places}f}"


def hours(minutes: int) -> str:
    """Minutes as decimal hours to one place ("1.5"), rounded half up: 195 minutes
    is "3.3" here, on every screen, in every PDF and in every export."""
    return number(hours_tenths(minutes))


def duration(minutes: int) -> str:
    """Minutes for a table cell: "1 h 30 min", "45 min", or "–" for none."""
    if minutes <= 0:
        return "\u2013"
    whole, rest = divmod(minutes, 60)
    if whole and rest:
        return _("{h} h {m} min").format(h=whole, m=rest)
    if whole:
        return _("{h} h").format(h=whole)
    return _("{m} min").format(m=rest)
