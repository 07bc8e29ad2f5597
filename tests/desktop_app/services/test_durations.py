"""Typed time is read in whole minutes as people write it; nonsense is refused plainly."""

from __future__ import annotations

import pytest

from desktop_app.errors import InvalidInput
from desktop_app.services.durations import describe, needs_second_look, parse_minutes, short


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("90", 90),
        ("0", 0),
        ("1:30", 90),
        ("0:45", 45),
        ("1 h 30", 90),
        ("1h30", 90),
        ("1.5 h", 90),
        ("1,5 h", 90),
        ("1½ h", 90),
        ("2 hours", 120),
        ("1 hour 30 minutes", 90),
        ("1 hour and 30 minutes", 90),
        ("1 H 30 MIN", 90),
        ("45 min", 45),
        ("45min", 45),
        ("2 horas", 120),
        ("24 h", 24 * 60),
    ],
)
def test_time_is_read_as_people_write_it(text: str, minutes: int) -> None:
    assert parse_minutes(text) == minutes


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "Enter how long it took"),
        ("abc", "Write the time like 1 h 30 min, 1:30 or 90."),
        ("90 apples", "Write the time like 1 h 30 min, 1:30 or 90."),
        ("1:75", "use 0 to 59 minutes"),
        ("1.5", "Add h for hours"),
        ("1.33 h", "Use whole minutes"),
        ("-30", "cannot be less than zero"),
        ("99999", "24 hours at most"),
        ("25 h", "24 hours at most"),
        ("30 min 1 h", "Write the time like"),
    ],
)
def test_time_that_cannot_be_read_is_refused_plainly(text: str, words: str) -> None:
    with pytest.raises(InvalidInput, match=words) as problem:
        parse_minutes(text)
    assert problem.value.field == "minutes"


def test_more_than_twelve_hours_asks_for_a_second_look() -> None:
    assert not needs_second_look(12 * 60)
    assert needs_second_look(12 * 60 + 1)


@pytest.mark.parametrize("minutes", [0, 15, 45, 60, 90, 24 * 60])
def test_the_short_form_reads_back_the_same(minutes: int) -> None:
    assert parse_minutes(short(minutes)) == minutes


def test_time_in_words() -> None:
    assert describe(0) == "no time"
    assert describe(61) == "1 hour 1 minute"
    assert describe(16 * 60 + 39) == "16 hours 39 minutes"
