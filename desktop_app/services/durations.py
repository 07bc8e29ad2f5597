"""Typed time: read how long something took as a person writes it, in whole minutes.

``parse_minutes`` takes "90" (minutes), "1:30", "1 h 30", "1h30", "1.5 h", "1,5 h",
"1 hour 30 minutes" and "45 min" (and the Spanish words for hours and minutes). One
entry is at most 24 hours; more than 12 hours is kept only after the person says it
is right (``needs_second_look``).
"""

from __future__ import annotations

import re
from fractions import Fraction

from desktop_app.errors import InvalidInput
from desktop_app.i18n import _, ngettext

MAX_MINUTES = 24 * 60
SECOND_LOOK_ABOVE = 12 * 60

HOUR_WORDS = frozenset({"h", "hr", "hrs", "hour", "hours", "hora", "horas"})
MINUTE_WORDS = frozenset({"m", "min", "mins", "minute", "minutes", "minuto", "minutos"})
FILLER = frozenset({"and", "y"})

_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+|\S", re.UNICODE)
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")


def describe(minutes: int) -> str:
    """Plain words for a duration: "1 hour 30 minutes", "45 minutes", "no time"."""
    if minutes <= 0:
        return _("no time")
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(ngettext("{n} hour", "{n} hours", hours).format(n=hours))
    if rest:
        parts.append(ngettext("{n} minute", "{n} minutes", rest).format(n=rest))
    return " ".join(parts)


def short(minutes: int) -> str:
    """A duration as a form box shows it, and ``parse_minutes`` reads it back:
    "45 min", "2 h", "1 h 30 min"."""
    hours, rest = divmod(max(minutes, 0), 60)
    if hours and rest:
        return _("{h} h {m} min").format(h=hours, m=rest)
    if hours:
        return _("{h} h").format(h=hours)
    return _("{m} min").format(m=rest)


def _problem(message: str) -> InvalidInput:
    return InvalidInput(message, field="minutes")


def _number(token: str) -> Fraction:
    return Fraction(token.replace(",", "."))


def _read(text: str) -> Fraction:
    """The minutes ``text`` says, possibly not whole; raises for anything else."""
    clock = _CLOCK.match(text)
    if clock:
        hours, minutes = int(clock.group(1)), int(clock.group(2))
        if minutes >= 60:
            raise _problem(_("After the colon, use 0 to 59 minutes, like 1:30."))
        return Fraction(hours * 60 + minutes)
    tokens = [t for t in _TOKEN.findall(text.casefold()) if t not in FILLER]
    if len(tokens) == 1 and tokens[0][0].isdigit():
        if not tokens[0].isdigit():
            raise _problem(_("Add h for hours, like 1.5 h, or write whole minutes."))
        return _number(tokens[0])  # a number alone is minutes
    total = Fraction(0)
    seen: set[str] = set()
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not token[0].isdigit():
            raise _problem(_("Write the time like 1 h 30 min, 1:30 or 90."))
        unit = tokens[i + 1] if i + 1 < len(tokens) else ""
        if unit in HOUR_WORDS and not seen:
            total += _number(token) * 60
            seen.add("h")
            i += 2
        elif unit in MINUTE_WORDS and "m" not in seen:
            total += _number(token)
            seen.add("m")
            i += 2
        elif not unit and seen == {"h"}:
            total += _number(token)  # "1 h 30": what follows the hours is minutes
            seen.add("m")
            i += 1
        else:
            raise _problem(_("Write the time like 1 h 30 min, 1:30 or 90."))
    return total


def parse_minutes(text: str) -> int:
    """Whole minutes from ``text``, 0 to 24 hours, or ``InvalidInput`` saying why not."""
    raw = (text or "").strip()
    if not raw:
        raise _problem(_("Enter how long it took, like 1:30 or 90 minutes."))
    if raw.startswith(("-", "\u2212")):
        raise _problem(_("The time cannot be less than zero."))
    raw = re.sub(r"(?<!\d)\u00bd", "0.5", raw).replace("\u00bd", ".5")  # 1½ h
    minutes = _read(raw)
    if minutes.denominator != 1:
        raise _problem(_("Use whole minutes, like 1 h 20 min."))
    if minutes > MAX_MINUTES:
        raise _problem(_("One entry can be 24 hours at most. Check the time."))
    return int(minutes)


def needs_second_look(minutes: int) -> bool:
    """True when the time is long enough (over 12 hours) that the person should confirm it."""
    return minutes > SECOND_LOOK_ABOVE
