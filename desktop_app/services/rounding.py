"""The two rounding rules of Partner Log, each in one place.

Both round half up (away from zero for the positive numbers used here), never to even:
Python's ``round()`` rounds 3.25 to 3.2, which is why a screen and a PDF once showed the
same time differently. Everything is worked out in whole numbers or ``Decimal``, never in
floating point.

- Hours are shown to one decimal place: 195 minutes is 3.25 h, shown as 3.3.
- Money owed for time is rate × minutes / 60, rounded to the cent (the minor unit):
  195 minutes at 30.00 an hour is 97.50.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_TENTH = Decimal("0.1")


def half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half up to a whole number (denominator > 0)."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    quotient, rest = divmod(numerator, denominator)
    return quotient + (1 if 2 * rest >= denominator else 0)


def hours_tenths(minutes: int, per: int = 1) -> Decimal:
    """Minutes as decimal hours, rounded half up to one place: 195 -> Decimal("3.3").

    With ``per``, the hours are first shared out: hours per partner-month, say."""
    return (Decimal(minutes) / (60 * per)).quantize(_TENTH, rounding=ROUND_HALF_UP)


def amount_for_minutes(rate_minor: int, minutes: int) -> int:
    """What ``minutes`` of time earn at ``rate_minor`` an hour, in whole minor units.

    The one rule for money owed for time: rate × minutes / 60, rounded half up to the
    cent. It is applied once to the total minutes of a payment, never entry by entry,
    so a payment's amount does not depend on how its entries were split.
    """
    return half_up(rate_minor * minutes, 60)
