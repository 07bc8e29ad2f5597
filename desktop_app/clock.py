"""What day it is, and the time now, from one place.

Everything in Partner Log that needs "today" asks here: the date on a new entry, the
latest date a form accepts, the date printed on a certificate, a suggested file name.
A test, or a check run as if on another day, pins the day with ``pinned`` (or ``pin``),
so nothing depends on the day it happens to run.

Pinning fixes the calendar day only. The time of day keeps moving, so records made one
after another are still stamped in the order they were made.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

_pinned_day: date | None = None


def today() -> date:
    """Today's date on this computer, or the pinned day."""
    return _pinned_day if _pinned_day is not None else date.today()


def now() -> datetime:
    """The local time now, with its offset from UTC (on the pinned day, if one is set)."""
    real = datetime.now()
    if _pinned_day is not None:
        real = datetime.combine(_pinned_day, real.time())
    return real.astimezone()


def pin(day: date | None) -> date | None:
    """Make ``today()`` give ``day`` from now on; None goes back to the real day.

    Returns the day pinned before, so the caller can put it back.
    """
    global _pinned_day
    if isinstance(day, datetime) or not (day is None or isinstance(day, date)):
        raise TypeError(f"pin() takes a date, not {type(day).__name__}")
    previous, _pinned_day = _pinned_day, day
    return previous


@contextmanager
def pinned(day: date) -> Iterator[date]:
    """Within the block, ``today()`` is ``day``. The day pinned before comes back after."""
    previous = pin(day)
    try:
        yield day
    finally:
        pin(previous)
