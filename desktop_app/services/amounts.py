"""Typed money: read an amount exactly as a person writes it, in whole cents.

``parse_amount`` takes "12.50", "$12.50", "CAD 12.50", "1,250.00", and "12,50" where the
language writes a decimal comma. It never guesses: a mark that could be read two ways
("1,250" in a decimal-comma language) is refused with a plain reason, and so are letters,
a third decimal, a minus sign and amounts too large to be real.

Which mark a language writes for the decimals comes from Babel's locale data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from babel.core import UnknownLocaleError
from babel.numbers import get_decimal_symbol

from desktop_app.errors import InvalidInput
from desktop_app.i18n import _
from desktop_app.model import ExpenseCategory
from desktop_app.services.validation import MAX_AMOUNT_MINOR

#: Currency marks a person may type before or after the number; they are set aside.
SYMBOLS = ("US$", "CA$", "C$", "$", "€", "£")
CODES = frozenset({"CAD", "USD", "EUR", "GBP", "AUD", "NZD", "MXN", "CHF"})

#: Above these, an expense is shown again with "Is CAD 1,250.00 right?" before it is kept.
#: A project can set its own (``services.expenses.set_expense_check``).
DEFAULT_CHECK_ABOVE: dict[ExpenseCategory, int] = {
    ExpenseCategory.MILEAGE: 300_00,
    ExpenseCategory.PARKING: 50_00,
    ExpenseCategory.TRANSIT: 100_00,
    ExpenseCategory.CAREGIVER: 300_00,
    ExpenseCategory.INTERNET_PHONE: 100_00,
    ExpenseCategory.MEALS: 75_00,
    ExpenseCategory.OTHER: 250_00,
}

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_GROUPED = re.compile(r"^\d{1,3}(?:X\d{3})+$")


def _code(language: str) -> str:
    return (language or "en").replace("-", "_").split("_")[0].lower()


@lru_cache(maxsize=32)
def decimal_mark(language: str) -> str:
    """ "." or "," (12,50 for twelve and a half), as the language writes it."""
    try:
        mark = get_decimal_symbol(_code(language))
    except (UnknownLocaleError, ValueError):
        return "."
    return "," if mark in (",", "٫") else "."


def _group_mark(language: str) -> str:
    return "." if decimal_mark(language) == "," else ","


def example(language: str) -> str:
    """ "12.50", or "12,50" in a decimal-comma language."""
    return f"12{decimal_mark(language)}50"


def show_amount(amount_minor: int, currency: str, language: str = "en") -> str:
    """Whole cents as "CAD 1,250.00" ("CAD 1.250,00" in a decimal-comma language)."""
    sign = "-" if amount_minor < 0 else ""
    major, minor = divmod(abs(amount_minor), 100)
    grouped = f"{major:,}".replace(",", _group_mark(language))
    return f"{currency.upper()} {sign}{grouped}{decimal_mark(language)}{minor:02d}"


def _without_currency(text: str, currency: str | None) -> str:
    codes = CODES | ({currency.upper()} if currency else set())
    changed = True
    while changed:
        changed = False
        for mark in (*SYMBOLS, *codes):
            upper = text.upper()
            if upper.startswith(mark):
                text, changed = text[len(mark) :].strip(), True
            elif upper.endswith(mark):
                text, changed = text[: -len(mark)].strip(), True
    return text


def _problem(message: str) -> InvalidInput:
    return InvalidInput(message, field="amount")


def _split(number: str, language: str) -> tuple[str, str]:
    """Whole and cents digits of ``number`` (digits, spaces, "." and "," only)."""
    points, commas = number.count("."), number.count(",")
    decimal = ""
    if points and commas:
        decimal = "." if number.rfind(".") > number.rfind(",") else ","
    elif points + commas == 1:
        mark = "." if points else ","
        after = number.rsplit(mark, 1)[1]
        # 1,250 in English (and 1.250 in Spanish) is a thousand and more, not a decimal.
        if not (len(after) == 3 and mark == _group_mark(language)):
            decimal = mark
    whole, cents = number.rsplit(decimal, 1) if decimal else (number, "")
    marks = set(re.findall(r"[ .,]", whole))
    grouped = _GROUPED.match(re.sub(r"[ .,]", "X", whole))
    if re.search(r"\D", cents) or len(marks) > 1 or (marks and not grouped):
        raise _problem(
            _("Check the dots and commas in the amount. For example: {example}.").format(
                example=show_amount(125000, "", language).strip()
            )
        )
    return re.sub(r"\D", "", whole), cents


def parse_amount(text: str, language: str = "en", currency: str | None = None) -> int:
    """The amount in ``text`` in whole cents, exactly, or ``InvalidInput`` saying why not."""
    like = example(language)
    raw = (text or "").strip()
    if not raw:
        raise _problem(_("Enter the amount, like {example}.").format(example=like))
    raw = _without_currency(raw, currency)
    if raw.startswith(("-", "\u2212", "(")) or raw.endswith("-"):
        raise _problem(_("The amount cannot be less than zero."))
    number = _SPACES.sub(" ", raw).strip()
    if not number or not re.fullmatch(r"[\d., ]+", number) or not re.search(r"\d", number):
        raise _problem(_("Use only numbers, like {example}.").format(example=like))
    if " " in number and not re.fullmatch(r"\d{1,3}(?: \d{3})+(?:[.,]\d*)?", number):
        raise _problem(_("Use only numbers, like {example}.").format(example=like))
    whole, cents = _split(number, language)
    if len(cents) > 2:
        raise _problem(
            _("Use no more than two numbers for the cents, like {example}.").format(example=like)
        )
    amount = int(whole or "0") * 100 + int(cents.ljust(2, "0") or "0")
    if amount > MAX_AMOUNT_MINOR:
        raise _problem(
            _("The amount is too large. The most is {most}.").format(
                most=show_amount(MAX_AMOUNT_MINOR, "", language).strip()
            )
        )
    return amount


def check_above(category: ExpenseCategory | str, own: Mapping[str, int] | None = None) -> int:
    """The amount above which an expense of ``category`` gets a second look: the
    project's own (``own``, by category value) or the default."""
    category = ExpenseCategory(category)
    if own and isinstance(own.get(category.value), int):
        return int(own[category.value])
    return DEFAULT_CHECK_ABOVE[category]


def needs_second_look(
    amount_minor: int, category: ExpenseCategory | str, own: Mapping[str, int] | None = None
) -> bool:
    """True when the amount is high enough that the person should confirm it."""
    return amount_minor > check_above(category, own)
