"""Home's hours, written exactly as Babel writes them, without loading Babel.

Babel (``desktop_app.reports.formatting.hours``) takes about a tenth of a second to load,
which would keep Home's figures out of its first frame. An hours figure needs only the
language's decimal mark and thousands mark, so for the languages Partner Log ships they
are written here; ``tests/ui/test_figure_text.py`` checks, against Babel, that the marks
are Babel's and that every figure comes out the same. Any other language uses Babel.
"""

from __future__ import annotations

from desktop_app.i18n import babel_locale
from desktop_app.services.rounding import half_up

#: The decimal mark and the thousands mark of each shipped language, as Babel has them.
MARKS = {"en": (".", ","), "es": (",", ".")}


def writes_without_babel() -> bool:
    """Whether the current language's figures can be written without Babel."""
    return babel_locale() in MARKS


def hours(minutes: int) -> str:
    """Minutes as decimal hours to one place, rounded half up ("3.3" for 195 minutes),
    with the language's marks: "1,234.5" in English, "1.234,5" in Spanish."""
    marks = MARKS.get(babel_locale())
    if marks is None or minutes < 0:
        from desktop_app.reports.formatting import hours as babel_hours

        return babel_hours(minutes)
    point, thousands = marks
    whole, tenth = divmod(half_up(minutes, 6), 10)  # a tenth of an hour is 6 minutes
    return f"{whole:,}".replace(",", thousands) + f"{point}{tenth}"
