"""One clock for the whole core: a pinned day is the day everywhere, and is put back."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop_app import clock
from desktop_app.commands.common import parse_date
from desktop_app.errors import InvalidInput
from desktop_app.exchange.export import suggested_name
from desktop_app.model import utcnow
from desktop_app.reports.layout import DocumentInfo
from desktop_app.services.validation import check_date

LEAP_DAY = date(2028, 2, 29)


def test_a_pinned_day_is_today_and_the_day_before_comes_back() -> None:
    before = clock.today()
    with clock.pinned(LEAP_DAY):
        assert clock.today() == LEAP_DAY
        with clock.pinned(date(2030, 1, 1)):
            assert clock.today() == date(2030, 1, 1)
        assert clock.today() == LEAP_DAY
    assert clock.today() == before


def test_without_a_pin_today_is_the_computers_day() -> None:
    previous = clock.pin(None)
    try:
        assert clock.today() in {date.today(), date.today() - timedelta(days=1)}
    finally:
        clock.pin(previous)


def test_on_a_pinned_day_the_time_still_moves_forward() -> None:
    with clock.pinned(LEAP_DAY):
        first, second = clock.now(), clock.now()
        stamp = utcnow()
    assert first.date() == LEAP_DAY
    assert first.utcoffset() is not None
    assert first <= second
    assert abs(stamp - first) < timedelta(seconds=5)


def test_a_moment_is_not_taken_for_a_day() -> None:
    with pytest.raises(TypeError):
        clock.pin(datetime(2028, 2, 29, 12, 0))  # type: ignore[arg-type]


def test_the_core_asks_the_clock_for_today() -> None:
    with clock.pinned(LEAP_DAY):
        assert parse_date("today") == LEAP_DAY
        assert parse_date("yesterday") == date(2028, 2, 28)
        assert suggested_name("Rosa").endswith("2028-02-29.partnerlog")
        assert DocumentInfo(title="t", author="a", subject="s").made_on == LEAP_DAY
        assert check_date(LEAP_DAY) == LEAP_DAY
        with pytest.raises(InvalidInput):
            check_date(date(2028, 3, 1))
        assert check_date(date(2029, 2, 28), ahead=True) == date(2029, 2, 28)
        with pytest.raises(InvalidInput):
            check_date(date(2029, 3, 2), ahead=True)
