"""The checks behind every form: bad input is refused in plain words, at its field."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.errors import InvalidInput
from desktop_app.model import ActivityKind
from desktop_app.services import validation

TODAY = date(2025, 3, 31)


def test_a_date_after_today_is_refused_plainly() -> None:
    assert validation.check_date(TODAY, today=TODAY) == TODAY
    with pytest.raises(InvalidInput) as problem:
        validation.check_date(date(2025, 4, 1), today=TODAY)
    assert problem.value.message == "The date cannot be after today."
    assert problem.value.field == "date"


def test_what_is_about_the_future_may_be_up_to_a_year_ahead() -> None:
    assert validation.check_date(date(2026, 3, 31), today=TODAY, ahead=True) == date(2026, 3, 31)
    with pytest.raises(InvalidInput) as problem:
        validation.check_date(date(2026, 4, 1), today=TODAY, ahead=True)
    assert problem.value.message == "The date must be no more than a year from today."


def test_a_missing_or_unreal_date_is_refused_at_its_field() -> None:
    with pytest.raises(InvalidInput, match="Enter the date.") as missing:
        validation.check_date(None, field="paid_on", today=TODAY)
    assert missing.value.field == "paid_on"
    with pytest.raises(InvalidInput, match="like 2025-03-31"):
        validation.check_date("31/03/2025", today=TODAY)  # type: ignore[arg-type]


def test_text_is_trimmed_and_a_required_blank_is_refused() -> None:
    assert validation.clean_text("  Pain care \n", "name", "the name", 200, required=True) == (
        "Pain care"
    )
    assert validation.clean_text(None, "note", "the note", 200, required=False) == ""
    with pytest.raises(InvalidInput) as problem:
        validation.clean_text("   ", "name", "the project name", 200, required=True)
    assert (problem.value.message, problem.value.field) == ("Enter the project name.", "name")


def test_text_that_is_too_long_says_the_limit_and_how_long_it_is() -> None:
    with pytest.raises(InvalidInput) as problem:
        validation.clean_text("x" * 13, "note", "the note", 10, required=False)
    assert problem.value.message == "The note can be up to 10 characters. It has 13 now."
    assert validation.clean_text("x" * 10, "note", "the note", 10, required=False) == "x" * 10


@pytest.mark.parametrize(
    ("value", "allow_zero", "words"),
    [
        (0, False, "between 1 minute and 24 hours"),
        (24 * 60 + 1, False, "between 1 minute and 24 hours"),
        (-1, True, "between 0 minutes and 24 hours"),
        (True, False, "whole minutes"),
        (1.5, False, "whole minutes"),
    ],
)
def test_minutes_outside_a_day_or_not_whole_are_refused(
    value: object, allow_zero: bool, words: str
) -> None:
    with pytest.raises(InvalidInput, match=words):
        validation.check_minutes(value, allow_zero=allow_zero)  # type: ignore[arg-type]


def test_a_whole_day_and_no_extra_time_are_allowed() -> None:
    assert validation.check_minutes(24 * 60) == 24 * 60
    assert validation.check_minutes(0, "prep_minutes", allow_zero=True) == 0
    validation.check_total_minutes(600, 600, 240)
    with pytest.raises(InvalidInput, match="add up to 24 hours or less"):
        validation.check_total_minutes(600, 600, 241)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (-1, "cannot be less than zero"),
        (validation.MAX_AMOUNT_MINOR + 1, "too large"),
        (12.5, "as a number, like 12.50"),
        ("12.50", "as a number, like 12.50"),
    ],
)
def test_amounts_are_whole_cents_and_never_negative(value: object, words: str) -> None:
    with pytest.raises(InvalidInput, match=words) as problem:
        validation.check_amount(value)  # type: ignore[arg-type]
    assert problem.value.field == "amount"


def test_an_amount_is_kept_to_the_cent() -> None:
    assert validation.check_amount(1999) == 1999
    assert validation.check_amount(0) == 0
    assert validation.check_amount(validation.MAX_AMOUNT_MINOR) == validation.MAX_AMOUNT_MINOR


def test_currency_codes_are_three_letters_in_capitals() -> None:
    assert validation.check_currency(" cad ") == "CAD"
    for bad in ("dollars", "C$", "", "ÉUR"):
        with pytest.raises(InvalidInput, match="three letters, like CAD"):
            validation.check_currency(bad)


def test_a_period_may_not_end_before_it_starts() -> None:
    validation.check_period(date(2025, 1, 1), date(2025, 1, 1))
    validation.check_period(None, date(2025, 1, 1))
    with pytest.raises(InvalidInput, match="on or after the start date") as problem:
        validation.check_period(date(2025, 2, 1), date(2025, 1, 31))
    assert problem.value.field == "end"


def test_a_choice_is_one_of_the_options() -> None:
    assert validation.check_choice("meeting", ActivityKind, "kind") is ActivityKind.MEETING
    assert validation.check_choice(ActivityKind.OTHER, ActivityKind, "kind") is ActivityKind.OTHER
    with pytest.raises(InvalidInput, match="Choose one of the options") as problem:
        validation.check_choice("Meeting", ActivityKind, "kind")
    assert problem.value.field == "kind"
