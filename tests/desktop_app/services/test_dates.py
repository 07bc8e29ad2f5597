"""Typed dates are read exactly as the forms show them; a day is never moved."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.errors import InvalidInput
from desktop_app.services.dates import parse_day, show_day


@pytest.mark.parametrize(
    "text",
    [
        "29 September 2026",
        "29 Sep 2026",
        "29 sept 2026",
        "29 SEPTEMBER 2026",
        " 29  Sep.  2026 ",
        "September 29, 2026",
        "Sep 29 2026",
        "2026-09-29",
    ],
)
def test_a_day_is_read_as_it_is_shown_or_in_iso(text: str) -> None:
    assert parse_day(text, "en") == date(2026, 9, 29)


def test_the_day_is_shown_in_the_form_it_is_read() -> None:
    assert show_day(date(2026, 11, 24), "en") == "24 November 2026"
    for day in (date(2026, 1, 1), date(2024, 2, 29), date(2026, 12, 31)):
        assert parse_day(show_day(day, "es"), "es") == day
        assert parse_day(show_day(day, "en"), "en") == day


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31 Nov 2026", "November 2026 has no day 31."),
        ("29 February 2027", "February 2027 has no day 29."),
        ("2026-11-31", "November 2026 has no day 31."),
        ("2026-13-01", "There is no month 13."),
        ("", "Enter the date, like 30 September 2026."),
        ("30/09/2026", "Write the month as a word, like 30 September 2026."),
        ("29 Sep", "Add the year, like 30 September 2026."),
        ("next tuesday", "Enter the date, like 30 September 2026."),
        ("29 Ju 2026", "Enter the date, like 30 September 2026."),  # June or July?
        ("29 30 Sep 2026", "Enter the date, like 30 September 2026."),
    ],
)
def test_a_day_that_does_not_exist_or_cannot_be_read_is_refused(text: str, message: str) -> None:
    with pytest.raises(InvalidInput) as problem:
        parse_day(text, "en")
    assert problem.value.message == message
    assert problem.value.field == "date"
