"""Dates, money and hours as the documents show them.

Long dates such as "26 November 2026" ("26 de noviembre de 2026") and money with its ISO
currency code ("USD 1,234.50") cannot be mistaken for another date or currency. The order
of a date's parts is translatable; month names, digits and marks come from Babel's locale
data for the current language, so a report drawn inside ``i18n.language_switched`` comes
out wholly in that language.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

from desktop_app.i18n import N_, _, babel_locale, current_language
from desktop_app.services.dates import DAY_FORM, month_names, show_day
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

#: The month names of the source language, kept for the catalogue's translators.
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
    """E.g. "26 November 2026" ("26 de noviembre de 2026")."""
    return show_day(day, current_language())


def short_date(day: date) -> str:
    """E.g. "26 Nov 2026" ("26 nov 2026"), for table rows."""
    language = current_language()
    if _(DAY_FORM) == DAY_FORM and babel_locale(language) != "en":
        return str(format_date(day, "medium", locale=babel_locale(language)))
    short = month_names(language, "abbreviated")[day.month - 1]
    return _(DAY_FORM).format(day=day.day, month=short, year=day.year)


def month_label(key: str) -> str:
    """ "2023-07" as "Jul 2023" ("jul 2023")."""
    year, month = key.split("-")
    short = month_names(current_language(), "abbreviated")[int(month) - 1]
    return _("{month} {year}").format(month=short, year=year)


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
    """A decimal number with the language's marks: 1,234.5 (1234,5 in Spanish)."""
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return str(format_decimal(value, format=pattern, locale=babel_locale()))


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
