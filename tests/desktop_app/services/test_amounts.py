"""Typed money is kept to the cent exactly as meant, or refused with the reason."""

from __future__ import annotations

import pytest

from desktop_app.errors import InvalidInput
from desktop_app.model import ExpenseCategory
from desktop_app.services.amounts import (
    DEFAULT_CHECK_ABOVE,
    check_above,
    needs_second_look,
    parse_amount,
    show_amount,
)
from desktop_app.services.validation import MAX_AMOUNT_MINOR


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("12.50", 1250),
        ("12", 1200),
        ("12.5", 1250),
        ("0.05", 5),
        ("$12.50", 1250),
        ("CAD 12.50", 1250),
        ("cad 12.50", 1250),
        ("12.50 CAD", 1250),
        ("C$ 12.50", 1250),
        ("1,250.00", 125000),
        ("1,250", 125000),
        ("1 250.00", 125000),
        ("  999999.00 ", 99999900),
        ("12,50", 1250),  # a comma that can only be a decimal comma
    ],
)
def test_an_amount_in_english_is_read_to_the_cent(text: str, cents: int) -> None:
    assert parse_amount(text, "en") == cents


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("12,50", 1250),
        ("12", 1200),
        ("1.250,00", 125000),
        ("1.250", 125000),
        ("CAD 12,5", 1250),
        ("12.50", 1250),  # two figures after the point can only be cents
    ],
)
def test_spanish_reads_the_decimal_comma(text: str, cents: int) -> None:
    assert parse_amount(text, "es") == cents


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "Use only numbers, like 12.50."),
        ("12.50abc", "Use only numbers, like 12.50."),
        ("twelve", "Use only numbers, like 12.50."),
        ("12 50", "Use only numbers, like 12.50."),
        ("12.505", "Use no more than two numbers for the cents, like 12.50."),
        ("-12.50", "The amount cannot be less than zero."),
        ("CAD -5", "The amount cannot be less than zero."),
        ("", "Enter the amount, like 12.50."),
        ("   ", "Enter the amount, like 12.50."),
        ("1000000.01", "The amount is too large. The most is 1,000,000.00."),
        ("1,25,0", "Check the dots and commas in the amount. For example: 1,250.00."),
        ("1.2.3", "Check the dots and commas in the amount. For example: 1,250.00."),
    ],
)
def test_what_cannot_be_read_exactly_is_refused_with_the_reason(text: str, message: str) -> None:
    with pytest.raises(InvalidInput) as problem:
        parse_amount(text, "en")
    assert problem.value.message == message
    assert problem.value.field == "amount"


def test_a_spanish_comma_with_three_figures_is_not_taken_for_a_thousand() -> None:
    with pytest.raises(InvalidInput) as problem:
        parse_amount("1,250", "es")
    assert problem.value.message == "Use no more than two numbers for the cents, like 12,50."
    with pytest.raises(InvalidInput, match="like 12,50"):
        parse_amount("abc", "es")


def test_the_largest_amount_is_allowed() -> None:
    assert parse_amount("1,000,000.00", "en") == MAX_AMOUNT_MINOR


def test_money_is_shown_with_a_thousands_separator() -> None:
    assert show_amount(125000, "CAD") == "CAD 1,250.00"
    assert show_amount(5, "cad") == "CAD 0.05"
    assert show_amount(99999900, "CAD") == "CAD 999,999.00"
    assert show_amount(125000, "CAD", "es") == "CAD 1.250,00"


@pytest.mark.parametrize("cents", [1, 1250, 125000, 99999900, MAX_AMOUNT_MINOR])
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_shown_amount_reads_back_the_same(cents: int, language: str) -> None:
    assert parse_amount(show_amount(cents, "CAD", language), language, "CAD") == cents


def test_every_category_has_a_sensible_second_look_amount() -> None:
    assert set(DEFAULT_CHECK_ABOVE) == set(ExpenseCategory)
    assert needs_second_look(99999900, ExpenseCategory.PARKING)
    assert not needs_second_look(1250, ExpenseCategory.PARKING)
    assert not needs_second_look(DEFAULT_CHECK_ABOVE[ExpenseCategory.MEALS], "meals")


def test_a_project_can_set_its_own_second_look_amount() -> None:
    own = {"parking": 100_00}
    assert check_above("parking", own) == 100_00
    assert check_above("meals", own) == DEFAULT_CHECK_ABOVE[ExpenseCategory.MEALS]
    assert not needs_second_look(80_00, "parking", own)
    assert needs_second_look(80_00, "parking", None)
