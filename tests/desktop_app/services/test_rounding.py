"""One rounding rule for hours and one for money, both half up."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop_app.reports.formatting import hours
from desktop_app.services.rounding import amount_for_minutes, half_up, hours_tenths


def test_three_and_a_quarter_hours_show_as_3_3_everywhere() -> None:
    assert hours_tenths(195) == Decimal("3.3")  # round(3.25, 1) would give 3.2
    assert hours(195) == "3.3"
    assert [hours(m) for m in (0, 3, 9, 15, 45, 1065, 60 * 1234 + 15)] == [
        "0.0",
        "0.1",  # 0.05 h, half up
        "0.2",  # 0.15 h
        "0.3",  # 0.25 h
        "0.8",  # 0.75 h
        "17.8",
        "1,234.3",
    ]


def test_hours_shared_out_per_partner_month_round_half_up() -> None:
    assert hours_tenths(195, per=1) == Decimal("3.3")
    assert hours_tenths(390, per=2) == Decimal("3.3")


def test_three_and_a_quarter_hours_at_30_are_owed_97_50() -> None:
    assert amount_for_minutes(3000, 195) == 9750
    assert amount_for_minutes(3000, 1065) == 53250  # 17.75 h, shown as 17.8


@pytest.mark.parametrize(
    ("rate", "minutes", "owed"),
    [(10, 3, 1), (10, 2, 0), (2999, 1, 50), (2999, 59, 2949), (0, 600, 0), (1, 30, 1)],
)
def test_money_is_rounded_half_up_to_the_cent(rate: int, minutes: int, owed: int) -> None:
    assert amount_for_minutes(rate, minutes) == owed


def test_half_up_never_rounds_to_even() -> None:
    assert [half_up(n, 2) for n in (1, 3, 5, 7)] == [1, 2, 3, 4]
    with pytest.raises(ValueError):
        half_up(1, 0)
