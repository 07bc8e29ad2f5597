"""Typed dates: read a day as a person writes it, and show it the same way.

A day is shown as "30 September 2026" ("30 de septiembre de 2026"): the order of the
parts comes from the language's catalogue, the month names from Babel's locale data.
``parse_day`` reads that form, the short month ("30 Sep 2026", "30 sept 2026"), month
names in English as well, and ISO ("2026-09-30"). It never moves a day: 31 November is
refused, not read as 1 December, and a date written only in numbers ("30/09/2026") is
refused, because the day and the month could be either way round.
"""

from __future__ import annotations

import gettext
import re
from datetime import date
from functools import lru_cache
from typing import Literal

from babel.dates import format_date, get_date_format, get_month_names

from desktop_app import clock
from desktop_app.errors import InvalidInput
from desktop_app.i18n import N_, _, babel_locale, translations

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
#: The shape of a shown day. Translators may reorder it or add words ("{day} de {month}").
DAY_FORM = N_("{day} {month} {year}")

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_WORD = re.compile(r"\d+|[^\W\d_]+", re.UNICODE)
#: Numbers only, like 30/09/2026 or 9.30.2026: day and month could be either way round.
_NUMBERS_ONLY = re.compile(r"^\s*\d{1,4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,4}\s*$")


def _catalogue(language: str) -> gettext.NullTranslations:
    return translations(language)


@lru_cache(maxsize=16)
def month_names(
    language: str, width: Literal["abbreviated", "narrow", "wide"] = "wide"
) -> tuple[str, ...]:
    """The twelve month names of ``language`` as a date is written ("septiembre")."""
    names = get_month_names(width, context="format", locale=babel_locale(language))
    return tuple(str(names[month]) for month in range(1, 13))


def _month_names(language: str) -> list[str]:
    return list(month_names(language))


def show_day(day: date, language: str = "en") -> str:
    """The day as forms show it and read it back: "30 September 2026".

    The catalogue's order of the parts wins; a language without one gets Babel's long
    form ("30 de septiembre de 2026")."""
    form = _catalogue(language).gettext(DAY_FORM)
    if form == DAY_FORM and babel_locale(language) != "en":
        return str(format_date(day, "long", locale=babel_locale(language)))
    return form.format(day=day.day, month=_month_names(language)[day.month - 1], year=day.year)


def _month_of(word: str, language: str) -> int | None:
    """The month a word names: its full name or its first three letters or more, in the
    language or in English ("sep", "sept", "September")."""
    if len(word) < 3:
        return None
    word = word.rstrip(".")
    for names in (month_names(language), month_names(language, "abbreviated"), MONTHS):
        found = {
            i + 1 for i, name in enumerate(names) if name.casefold().rstrip(".").startswith(word)
        }
        if len(found) == 1:
            return found.pop()
    return None


def _filler(language: str) -> set[str]:
    """Words of the shown form that are not the day, month or year (e.g. "de")."""
    form = _catalogue(language).gettext(DAY_FORM)
    bare = re.sub(r"\{\w+\}", " ", form)
    pattern = str(get_date_format("long", locale=babel_locale(language)).pattern)
    quoted = " ".join(re.findall(r"'([^']+)'", pattern))
    return {word.casefold() for word in _WORD.findall(f"{bare} {quoted}")}


def _real_day(year: int, month: int, day: int, language: str) -> date:
    if not 1 <= month <= 12:
        raise InvalidInput(_("There is no month {month}.").format(month=month), field="date")
    try:
        return date(year, month, day)
    except ValueError:
        month_name = _month_names(language)[month - 1]
        raise InvalidInput(
            _("{month} {year} has no day {day}.").format(month=month_name, year=year, day=day),
            field="date",
        ) from None


def parse_day(text: str, language: str = "en") -> date:
    """The day in ``text`` ("29 Sep 2026", "29 September 2026", "2026-09-29"), exactly.

    Raises ``InvalidInput`` with a plain sentence for anything else.
    """
    example = show_day(clock.today(), language)
    if not (text or "").strip():
        raise InvalidInput(
            _("Enter the date, like {example}.").format(example=example), field="date"
        )
    iso = _ISO.match(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
        return _real_day(year, month, day, language)
    if _NUMBERS_ONLY.match(text):
        raise InvalidInput(
            _("Write the month as a word, like {example}.").format(example=example),
            field="date",
        )
    filler = _filler(language)
    words = [w.casefold() for w in _WORD.findall(text) if w.casefold() not in filler]
    numbers = [w for w in words if w.isdigit()]
    others = [w for w in words if not w.isdigit()]
    months = [_month_of(w, language) for w in others]
    years = [int(n) for n in numbers if len(n) == 4]
    days = [int(n) for n in numbers if len(n) <= 2]
    if len(others) != 1 or months[0] is None or len(numbers) > 2 or len(days) != 1:
        raise InvalidInput(
            _("Enter the date, like {example}.").format(example=example), field="date"
        )
    if len(years) != 1:
        raise InvalidInput(_("Add the year, like {example}.").format(example=example), field="date")
    month = months[0]
    assert month is not None
    return _real_day(years[0], month, days[0], language)
