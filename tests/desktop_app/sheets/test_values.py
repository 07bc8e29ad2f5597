"""Dates, lengths of time, kinds and amounts, as people write them in sheets."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.utils.datetime import from_excel  # type: ignore[import-untyped]

from desktop_app.errors import InvalidInput
from desktop_app.model import ActivityKind, ExpenseCategory
from desktop_app.sheets.values import (
    AmbiguousDateOrder,
    DateOrder,
    Unit,
    is_day_part,
    read_amount,
    read_category,
    read_date,
    read_kind,
    read_minutes,
    settle_order,
)

MARCH_4 = date(2021, 3, 4)


@pytest.mark.parametrize(
    ("value", "order"),
    [
        (datetime(2021, 3, 4, 0, 0), None),
        (MARCH_4, None),
        (44259, None),  # an Excel serial number
        ("44259", None),
        ("2021-03-04", None),
        ("2021-03-04 00:00:00", None),
        ("04/03/2021", DateOrder.DMY),
        ("4.3.21", DateOrder.DMY),
        ("03/04/2021", DateOrder.MDY),
        ("2021/03/04", None),
        ("4 March 2021", None),
        ("4 mar 2021", None),
        ("March 4, 2021", None),
        ("4th March 2021", None),
        ("4 de marzo de 2021", None),
        ("jueves, 4 de marzo de 2021", None),
        ("4-mar-2021", None),
    ],
)
def test_dates_as_people_write_them(value: object, order: DateOrder | None) -> None:
    assert read_date(value, order) == MARCH_4  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["31/02/2021", "soon", "4 Marchy 2021", "04/03/2021"])
def test_dates_that_cannot_be_read_say_so(text: str) -> None:
    with pytest.raises(InvalidInput):
        read_date(text, None)


def test_the_order_comes_from_a_row_that_can_only_be_read_one_way() -> None:
    assert settle_order([(2, "04/03/2021"), (3, "25/03/2021")]) == DateOrder.DMY
    assert settle_order([(2, "04/03/2021"), (3, "03/25/2021")]) == DateOrder.MDY


def test_when_no_row_settles_the_order_the_rows_are_named() -> None:
    with pytest.raises(AmbiguousDateOrder) as caught:
        settle_order([(5, "04/03/2021"), (6, "2021-05-01"), (7, "05/06/2021")])
    assert caught.value.rows == [5, 7]
    assert "5, 7" in str(caught.value)
    assert settle_order([(5, "04/03/2021")], DateOrder.MDY) == DateOrder.MDY


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)))
def test_any_day_written_either_way_reads_back(day: date) -> None:
    dmy, mdy = f"{day.day:02d}/{day.month:02d}/{day.year}", f"{day.month}/{day.day}/{day.year}"
    assert read_date(dmy, DateOrder.DMY) == day
    assert read_date(mdy, DateOrder.MDY) == day
    assert read_date(day.isoformat(), None) == day
    assert read_date((day - date(1899, 12, 30)).days, None) == day


@pytest.mark.parametrize(
    ("value", "unit", "minutes"),
    [
        (2, Unit.HOURS, 120),
        ("1,5", Unit.HOURS, 90),
        ("1.5", Unit.HOURS, 90),
        (1.25, Unit.HOURS, 75),
        ("45", Unit.MINUTES, 45),
        (90, Unit.MINUTES, 90),
        ("1:30", None, 90),
        ("1h30", None, 90),
        ("1 h 30 min", None, 90),
        ("90 min", None, 90),
        ("2 h", None, 120),
        ("1,5 h", None, 90),
        ("1 hora 30 minutos", None, 90),
        (time(1, 30), None, 90),
        (timedelta(hours=1, minutes=30), None, 90),
        (datetime(1899, 12, 30, 1, 30), None, 90),  # an Excel time kept with its day
        (datetime(1900, 1, 1, 0, 0), None, 24 * 60),  # openpyxl's 24:00 in an "h:mm" cell
        (timedelta(hours=23, minutes=59, seconds=40), None, 24 * 60),
        (0.0625, Unit.DAYS, 90),  # a spreadsheet time without its format
        ("0,0625", Unit.DAYS, 90),
        ("0.5", Unit.DAYS, 12 * 60),
        (None, None, 0),
        ("", Unit.HOURS, 0),
    ],
)
def test_lengths_of_time(value: object, unit: Unit | None, minutes: int) -> None:
    assert read_minutes(value, unit) == minutes  # type: ignore[arg-type]


def test_a_bare_number_without_a_unit_is_asked_about() -> None:
    with pytest.raises(InvalidInput):
        read_minutes("2", None)
    with pytest.raises(InvalidInput):
        read_minutes(0.0625, None)  # a part of a day, or 0.0625 hours? Ask.


@pytest.mark.parametrize(
    "value",
    [
        datetime(1900, 1, 1, 1, 30),  # 25:30 in an "h:mm" cell, as openpyxl gives it
        timedelta(hours=25, minutes=30),  # 25:30 in an "[h]:mm" cell
        1.0625,
    ],
)
def test_more_than_a_day_is_refused_not_misread(value: object) -> None:
    unit = Unit.DAYS if isinstance(value, float) else None
    with pytest.raises(InvalidInput, match="24 hours at most"):
        read_minutes(value, unit)  # type: ignore[arg-type]


def test_numbers_under_one_may_be_parts_of_a_day() -> None:
    assert [is_day_part(v) for v in (0.0625, "0,5", "0.0625", 1, 1.5, "2", 0, "", "1:30")] == [
        True,
        True,
        True,
        False,
        False,
        False,
        False,
        False,
        False,
    ]


@given(st.integers(min_value=0, max_value=2 * 24 * 60))
def test_a_spreadsheet_time_reads_back_as_its_minutes(minutes: int) -> None:
    """Whatever openpyxl makes of a time cell ("h:mm" gives a time, or a date and time
    from 24 hours on; "[h]:mm" gives a timedelta), or the bare part of a day, reads as
    the same minutes, or is refused as more than a day: never misread."""
    fraction = minutes / (24 * 60)
    for value, unit in (
        (from_excel(fraction), None),
        (from_excel(fraction, timedelta=True), None),
        (fraction, Unit.DAYS),
    ):
        if minutes <= 24 * 60:
            assert read_minutes(value, unit) == minutes
        else:
            with pytest.raises(InvalidInput):
                read_minutes(value, unit)


@given(st.integers(min_value=0, max_value=24 * 60))
def test_any_length_written_as_a_clock_or_in_hours_reads_back(minutes: int) -> None:
    hours, rest = divmod(minutes, 60)
    assert read_minutes(f"{hours}:{rest:02d}", None) == minutes
    assert read_minutes(f"{minutes / 60:.6f}".replace(".", ","), Unit.HOURS) == minutes
    assert read_minutes(str(minutes), Unit.MINUTES) == minutes


@pytest.mark.parametrize(
    ("words", "kind", "note"),
    [
        ("Meeting", ActivityKind.MEETING, ""),
        ("reunión", ActivityKind.MEETING, ""),
        ("Revisión", ActivityKind.REVIEWING, ""),
        ("charla", ActivityKind.PRESENTING, ""),
        ("talk", ActivityKind.PRESENTING, ""),
        ("Revisión del folleto", ActivityKind.REVIEWING, "Revisión del folleto"),
        ("Gardening club", ActivityKind.OTHER, "Gardening club"),
        ("", ActivityKind.OTHER, ""),
    ],
)
def test_kinds_in_both_languages(words: str, kind: ActivityKind, note: str) -> None:
    assert read_kind(words) == (kind, note)


def test_kinds_of_cost_and_amounts() -> None:
    assert read_category("Estacionamiento") == (ExpenseCategory.PARKING, "")
    assert read_category("Flowers") == (ExpenseCategory.OTHER, "Flowers")
    assert read_amount("12,50") == 1250
    assert read_amount("$1,250.00") == 125000
    assert read_amount(12.5) == 1250
