"""Which backups to keep: all from today, one a day for a week, one a week for a month,
then one a month.

This is a pure function of the backup times and "now", so it can be tested with any
clock. In every period the newest backup is the one kept.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import datetime
from pathlib import Path

DAILY_FOR_DAYS = 7
WEEKLY_FOR_DAYS = 31


def period_of(taken: datetime, now: datetime) -> Hashable | None:
    """The period a backup stands for; None means "keep it" (taken today, or later)."""
    age = (now.date() - taken.date()).days
    if age <= 0:
        return None
    if age < DAILY_FOR_DAYS:
        return ("day", taken.date())
    if age < WEEKLY_FOR_DAYS:
        year, week, _day = taken.isocalendar()
        return ("week", year, week)
    return ("month", taken.year, taken.month)


def backups_to_remove(backups: Sequence[tuple[Path, datetime]], now: datetime) -> list[Path]:
    """The backups that the keeping rules no longer need."""
    newest_in: dict[Hashable, datetime] = {}
    for _path, taken in backups:
        period = period_of(taken, now)
        if period is not None and taken > newest_in.get(period, datetime.min):
            newest_in[period] = taken
    remove = []
    for path, taken in backups:
        period = period_of(taken, now)
        if period is not None and newest_in[period] != taken:
            remove.append(path)
    return remove
