"""Read the values of a row as people really write them: dates, lengths of time, kinds
of activity, kinds of cost and amounts.

A date written only in numbers (04/03/2021) could be day first or month first. The order
is settled by the rows that can only be read one way (25/03/2021 is day first); when none
settles it, ``AmbiguousDateOrder`` names the rows, so the person can be asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import TypeVar

from desktop_app import clock
from desktop_app.errors import InvalidInput
from desktop_app.i18n import _, ngettext
from desktop_app.model import ActivityKind, ExpenseCategory
from desktop_app.model.enums import StrEnum
from desktop_app.services.amounts import parse_amount
from desktop_app.services.durations import MAX_MINUTES, parse_minutes
from desktop_app.sheets.reading import Cell
from desktop_app.sheets.words import CATEGORY_WORDS, KIND_WORDS, fold, words

E = TypeVar("E", bound=StrEnum)


class DateOrder(StrEnum):
    DMY = "dmy"
    MDY = "mdy"
    YMD = "ymd"


class Unit(StrEnum):
    """What a bare number in a time column counts."""

    HOURS = "hours"
    MINUTES = "minutes"
    #: A part of a day, the way a spreadsheet keeps a time: 0.0625 is 1 hour 30 minutes.
    DAYS = "days"


class AmbiguousDateOrder(InvalidInput):
    """No row says whether dates like 04/03/2021 are day first or month first."""

    def __init__(self, rows: list[int], example: str) -> None:
        shown = ", ".join(str(n) for n in rows[:10]) + ("\u2026" if len(rows) > 10 else "")
        super().__init__(
            ngettext(
                "The date in row {rows} could be day first or month first, like {example}.",
                "The dates in rows {rows} could be day first or month first, like {example}.",
                len(rows),
            ).format(rows=shown, example=example),
            _("Say which comes first."),
            field="date_order",
        )
        self.rows = rows
        self.example = example


class UnitNeeded(InvalidInput):
    """A time column holds bare numbers and its name says neither hours nor minutes."""

    def __init__(
        self, header: str, rows: list[int], column: str = "time", day_parts: bool = False
    ) -> None:
        super().__init__(
            _("The column \u201c{header}\u201d has numbers without hours or minutes.").format(
                header=header
            ),
            _("Say whether they are hours or minutes."),
            field="unit",
        )
        self.header = header
        self.rows = rows
        #: The field of the column (a ``columns.Field`` value).
        self.column = column
        #: Every number is between 0 and 1, so they may be parts of a day (``Unit.DAYS``).
        self.day_parts = day_parts


# -- dates -----------------------------------------------------------------------------
EXCEL_EPOCH = date(1899, 12, 30)
_SERIALS = range(1, 100_000)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_NUMERIC = re.compile(r"^(\d{1,4})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{1,4})$")
_SERIAL_TEXT = re.compile(r"^\d{5}(?:\.0+)?$")
_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|o|a)$")

MONTH_WORDS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "enero", "jan", "ene"),
        ("february", "febrero", "feb"),
        ("march", "marzo", "mar"),
        ("april", "abril", "apr", "abr"),
        ("may", "mayo"),
        ("june", "junio", "jun"),
        ("july", "julio", "jul"),
        ("august", "agosto", "aug", "ago"),
        ("september", "septiembre", "setiembre", "sep", "sept", "set"),
        ("october", "octubre", "oct"),
        ("november", "noviembre", "nov"),
        ("december", "diciembre", "dec", "dic"),
    ),
    start=1,
):
    for _name in _names:
        MONTH_WORDS[_name] = _number
_DATE_FILLER = frozenset({"de", "del", "of", "the", "el"})
_WEEKDAYS = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
        "lunes",
        "martes",
        "miercoles",
        "jueves",
        "viernes",
        "sabado",
        "domingo",
    }
)


def _bad_date(text: str) -> InvalidInput:
    return InvalidInput(
        _("\u201c{text}\u201d is not a date Partner Log can read.").format(text=text),
        field="date",
    )


def _year(text: str) -> int:
    number = int(text)
    if len(text) <= 2:
        this = clock.today().year % 100
        return 2000 + number if number <= this else 1900 + number
    return number


def _real(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise _bad_date(text) from None


def orders_for(text: str) -> set[DateOrder]:
    """The orders a date written in numbers can be read in (empty for other dates)."""
    found = _NUMERIC.match(str(text).strip())
    if not found:
        return set()
    first, _sep, second, third = found.groups()
    if len(first) == 4:
        return {DateOrder.YMD}
    year = _year(third)
    orders = set()
    for order, (day, month) in (
        (DateOrder.DMY, (first, second)),
        (DateOrder.MDY, (second, first)),
    ):
        try:
            date(year, int(month), int(day))
        except ValueError:
            continue
        orders.add(order)
    return orders


def settle_order(
    samples: Iterable[tuple[int, Cell]], given: DateOrder | None = None
) -> DateOrder | None:
    """The day/month order for these (row number, value) dates: ``given`` if said, else
    the one that every row written in numbers allows. Raises ``AmbiguousDateOrder`` when
    both still fit; None when no date is written in numbers."""
    if given is not None:
        return given
    unsure: list[tuple[int, str]] = []
    fits = {DateOrder.DMY: 0, DateOrder.MDY: 0}
    seen = 0
    for row, value in samples:
        if not isinstance(value, str):
            continue
        orders = orders_for(value) - {DateOrder.YMD}
        if not orders:
            continue
        seen += 1
        for order in orders:
            fits[order] += 1
        if len(orders) == 2:
            unsure.append((row, value.strip()))
    if not seen:
        return None
    if fits[DateOrder.DMY] != fits[DateOrder.MDY]:
        # The order most rows allow; the rows it does not fit are reported one by one.
        return max(fits, key=lambda order: fits[order])
    if unsure:
        raise AmbiguousDateOrder([row for row, _text in unsure], unsure[0][1])
    return DateOrder.DMY


def read_date(value: Cell, order: DateOrder | None) -> date:
    """The day ``value`` says: a spreadsheet date, an Excel serial, ISO, numbers in
    ``order``, or words ("4 March 2021", "4 mar 2021", "4 de marzo de 2021")."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if int(value) in _SERIALS:
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise _bad_date(str(value))
    text = str(value or "").strip()
    if not text:
        raise InvalidInput(_("There is no date."), field="date")
    if _SERIAL_TEXT.match(text):
        return EXCEL_EPOCH + timedelta(days=int(float(text)))
    iso = _ISO.match(text)
    if iso:
        return _real(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)), text)
    numeric = _NUMERIC.match(text)
    if numeric:
        first, _sep, second, third = numeric.groups()
        if len(first) == 4:
            return _real(int(first), int(second), int(third), text)
        if order is None or order == DateOrder.YMD:
            raise _bad_date(text)
        day, month = (first, second) if order == DateOrder.DMY else (second, first)
        return _real(_year(third), int(month), int(day), text)
    return _date_in_words(text)


def _date_in_words(text: str) -> date:
    tokens = [t for t in words(text) if t not in _DATE_FILLER and t not in _WEEKDAYS]
    months: list[int] = []
    numbers: list[str] = []
    for token in tokens:
        ordinal = _ORDINAL.match(token)
        if token.isdigit():
            numbers.append(token)
        elif ordinal:
            numbers.append(ordinal.group(1))
        elif token in MONTH_WORDS:
            months.append(MONTH_WORDS[token])
        else:
            raise _bad_date(text)
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2]
    if len(months) != 1 or len(years) != 1 or len(days) != 1 or len(numbers) != 2:
        raise _bad_date(text)
    return _real(int(years[0]), months[0], int(days[0]), text)


def looks_like_date(value: Cell) -> bool:
    if isinstance(value, datetime | date) and not isinstance(value, time):
        return True
    if not isinstance(value, str) or not value.strip():
        return False
    try:
        read_date(value, DateOrder.DMY)
    except InvalidInput:
        return bool(orders_for(value))
    return True


# -- lengths of time -------------------------------------------------------------------
MINUTES_A_DAY = 24 * 60
_DECIMAL = re.compile(r"^\d+(?:[.,]\d+)?$")
_DECIMAL_HOURS = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(?:h|hr|hrs|hour|hours|hora|horas)\.?$")
#: A time in a cell formatted as a clock ("h:mm") can come as a date and time on one of
#: a spreadsheet's first days, with the whole days it holds. OpenDocument counts from
#: 30 December 1899; openpyxl reads Excel's 25:30 as 1 January 1900 at 1:30.
_FIRST_DAYS = {
    date(1899, 12, 30): 0,
    date(1899, 12, 31): 1,
    date(1900, 1, 1): 1,
    date(1900, 1, 2): 2,
}


def _whole(minutes: Decimal) -> int:
    whole = int(minutes.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if whole > MAX_MINUTES:
        raise InvalidInput(_("One entry can be 24 hours at most."), field="minutes")
    return whole


_PER_UNIT = {Unit.HOURS: 60, Unit.MINUTES: 1, Unit.DAYS: MINUTES_A_DAY}


def _bare(number: Decimal, unit: Unit | None) -> int:
    if unit is None:
        raise InvalidInput(_("Say whether this number is hours or minutes."), field="unit")
    return _whole(number * _PER_UNIT[unit])


def read_minutes(value: Cell, unit: Unit | None) -> int:
    """Whole minutes from ``value``: a bare number in ``unit``; "1:30", "1h30",
    "1 h 30 min", "90 min", "2 h", "1,5" (a decimal comma); or a spreadsheet time."""
    if value is None or value == "":
        return 0
    if isinstance(value, time):
        return _whole(Decimal(value.hour * 60 + value.minute) + _seconds(value))
    if isinstance(value, timedelta):
        return _whole(Decimal(value.total_seconds()) / 60)
    if isinstance(value, datetime):
        if value.date() in _FIRST_DAYS:  # a time cell kept as a date-and-time
            extra = _FIRST_DAYS[value.date()] * MINUTES_A_DAY
            return _whole(Decimal(extra + value.hour * 60 + value.minute) + _seconds(value))
        raise InvalidInput(_("This is a date, not a length of time."), field="minutes")
    if isinstance(value, date):
        raise InvalidInput(_("This is a date, not a length of time."), field="minutes")
    if isinstance(value, int | float):
        if value < 0:
            raise InvalidInput(_("The time cannot be less than zero."), field="minutes")
        return _bare(Decimal(str(value)), unit)
    text = " ".join(str(value).split())
    if _DECIMAL.match(text):
        return _bare(Decimal(text.replace(",", ".")), unit)
    hours = _DECIMAL_HOURS.match(text.casefold())
    if hours:
        return _whole(Decimal(hours.group(1).replace(",", ".")) * 60)
    return parse_minutes(text)


def _seconds(value: time | datetime) -> Decimal:
    return Decimal(value.second) / 60


def is_day_part(value: Cell) -> bool:
    """True for a bare number between 0 and 1, like 0.0625: maybe a time of day."""
    if not has_number_only(value):
        return False
    number = Decimal(str(value).strip().replace(",", "."))
    return 0 < number < 1


def has_number_only(value: Cell) -> bool:
    """True for a bare number (one that needs the column's unit)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and bool(_DECIMAL.match(value.strip()))


def looks_like_time(value: Cell) -> bool:
    if isinstance(value, time | timedelta):
        return True
    if not isinstance(value, str) or has_number_only(value) or not value.strip():
        return False
    try:
        read_minutes(value, None)
    except InvalidInput:
        return False
    return True


# -- kinds, costs and amounts ----------------------------------------------------------
def read_kind(value: Cell) -> tuple[ActivityKind, str]:
    """The kind of activity ``value`` names, and the person's words to keep in the note
    ("" when the words are just the kind's name)."""
    return _kind_in(" ".join(str(value or "").split()))


@lru_cache(maxsize=4096)  # a sheet says the same few kinds again and again
def _kind_in(text: str) -> tuple[ActivityKind, str]:
    return _named_in(text, ActivityKind, KIND_WORDS, ActivityKind.OTHER)


def read_category(value: Cell) -> tuple[ExpenseCategory, str]:
    return _category_in(" ".join(str(value or "").split()))


@lru_cache(maxsize=4096)
def _category_in(text: str) -> tuple[ExpenseCategory, str]:
    return _named_in(text, ExpenseCategory, CATEGORY_WORDS, ExpenseCategory.OTHER)


def _named_in(text: str, names: type[E], by_word: Mapping[str, E], other: E) -> tuple[E, str]:
    """The value of ``names`` that ``text`` names (its own name, or a word for it), and the
    person's words to keep in the note ("" when they are just that name)."""
    if not text:
        return other, ""
    try:
        return names(fold(text).replace(" ", "_")), ""
    except ValueError:
        pass
    tokens = words(text)
    for token in tokens:
        if token in by_word:
            return by_word[token], "" if len(tokens) == 1 else text
    return other, text


def read_amount(value: Cell) -> int:
    """An amount in whole cents: a number, or text like "12.50", "12,50" or "$1,250.00"."""
    if value is None or value == "":
        return 0
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            cents = Decimal(str(value)) * 100
        except InvalidOperation:
            raise InvalidInput(_("This amount cannot be read."), field="amount") from None
        if cents < 0:
            raise InvalidInput(_("The amount cannot be less than zero."), field="amount")
        return int(cents.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    text = str(value).strip()
    try:
        return parse_amount(text, "en")
    except InvalidInput:
        return parse_amount(text, "es")
