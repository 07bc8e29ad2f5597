"""Home's hours written without Babel are exactly Babel's, in every shipped language.

Home shows its figures in its first frame, before Babel is loaded, so a partner reads the
same "1,234.5" (or "1.234,5") on Home as on every other screen and in every PDF.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from babel.numbers import get_decimal_symbol, get_group_symbol

from desktop_app.i18n import current_language, set_language, shipped_languages
from desktop_app.reports import formatting
from ui import figure_text

#: Every minute up to 1,000 hours, then the edges where a digit or a mark is added, up to
#: a billion hours: more than any partner or project will ever give.
MINUTES = [
    *range(0, 60_001),
    *(
        edge * 60 + shift
        for power in range(4, 10)
        for edge in (10**power - 1, 10**power, 10**power + 1)
        for shift in (-4, -3, -1, 0, 2, 3, 57)
    ),
]


@pytest.fixture(params=shipped_languages())
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    before = current_language()
    set_language(request.param)
    yield request.param
    set_language(before)


def test_every_shipped_language_is_written_without_babel(language: str) -> None:
    assert figure_text.writes_without_babel()
    point, thousands = figure_text.MARKS[language]
    assert (point, thousands) == (get_decimal_symbol(language), get_group_symbol(language))


def test_hours_are_written_as_babel_writes_them(language: str) -> None:
    mine = [figure_text.hours(minutes) for minutes in MINUTES]
    babel = [formatting.hours(minutes) for minutes in MINUTES]
    assert mine == babel
    assert figure_text.hours(195) == formatting.hours(195) == ("3.3" if language == "en" else "3,3")


def test_another_language_is_written_by_babel() -> None:
    before = current_language()
    set_language("fr")  # not shipped: Babel's marks (a narrow space for thousands)
    try:
        assert not figure_text.writes_without_babel()
        assert figure_text.hours(74_073 * 6) == formatting.hours(74_073 * 6)
    finally:
        set_language(before)
