"""At 200% text, in the smallest window the app allows, nothing is pushed off to the side
and nothing overlaps.

``tests/ui/test_every_page.py`` checks that no text is cut off inside its control. This
adds what it does not see: a control or text wider than the visible window (the page
scrolls up and down, never sideways), and two controls or texts drawn on top of each
other.

Dates are among the longest words on a page, and their length changes with the day. So
the tour runs once for each language the app ships, on that language's longest date
("Wednesday, 30 September 2026" in English), with an entry recorded on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from itertools import combinations
from pprint import pformat

import pytest
from PySide6.QtCore import QLocale, QPoint, QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app import clock
from desktop_app.i18n import set_language, shipped_languages
from desktop_app.model import ActivityKind
from desktop_app.services import activities, expenses
from desktop_app.settings import Preferences
from tests.helpers import page_tour
from tests.helpers.page_tour import SETUP_STOPS, STOPS, visit, visit_setup
from tests.helpers.screens import Opener, wait_until_still
from ui.context import AppContext
from ui.formatting import long_date
from ui.widgets.page import Page

LEAVES = (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QAbstractSpinBox,
    QComboBox,
    QTableView,
    QAbstractSlider,
)


def _leaves(page: Page) -> list[QWidget]:
    """What a person sees on the page: texts and controls (not the boxes around them)."""
    content = page.scroll.widget()
    found = [
        w
        for w in content.findChildren(QWidget)
        if isinstance(w, LEAVES)
        and w.isVisibleTo(page)
        and w.width() > 0
        and not isinstance(w.parent(), QAbstractSpinBox | QComboBox)
        and not (isinstance(w, QLabel) and not w.text() and w.pixmap().isNull())
    ]
    return [w for w in found if not any(a in found for a in _ancestors(w, content))]


def _ancestors(widget: QWidget, top: QWidget) -> list[QWidget]:
    out, parent = [], widget.parentWidget()
    while parent is not None and parent is not top:
        out.append(parent)
        parent = parent.parentWidget()
    return out


def _name(widget: QWidget) -> str:
    text = widget.accessibleName() or (widget.text() if isinstance(widget, QLabel) else "")
    return f"{type(widget).__name__} {text[:40]!r}"


def fit_problems(page: Page) -> list[str]:
    viewport = page.scroll.viewport()
    width = viewport.width()
    problems = []
    if page.scroll.horizontalScrollBar().isVisible():
        problems.append("the page scrolls sideways")
    rects = {w: QRect(w.mapTo(viewport, QPoint(0, 0)), w.size()) for w in _leaves(page)}
    for widget, rect in rects.items():
        if rect.left() < 0 or rect.right() > width:
            problems.append(f"{_name(widget)} goes past the window's edge")
    for (a, ra), (b, rb) in combinations(rects.items(), 2):
        overlap = ra.intersected(rb)
        if overlap.width() > 2 and overlap.height() > 2:
            problems.append(f"{_name(a)} overlaps {_name(b)}")
    return problems


#: Pages known not to fit a 640-pixel window at 200% text, and why. The test fails if one
#: of them starts to fit (take it off the list) or another page stops fitting.
KNOWN_TOO_WIDE: dict[str, str] = {}

TOURS = {"partner": ("demo", STOPS)}
if getattr(page_tour, "COORDINATOR_STOPS", None):
    TOURS["coordinator"] = ("coordinator-demo", page_tour.COORDINATOR_STOPS)


@contextmanager
def shown_in(language: str) -> Iterator[None]:
    """Words in ``language``, and dates as a computer set to that language writes them."""
    before = QLocale()
    QLocale.setDefault(QLocale(language))
    set_language(language)
    try:
        yield
    finally:
        set_language(None)
        QLocale.setDefault(before)


def longest_date(start: date) -> date:
    """The day in the year from ``start`` whose long form is widest on screen, in the
    current language and text size: in English, a Wednesday in September."""
    metrics = QFontMetrics(QApplication.font())
    days = [start + timedelta(days=n) for n in range(366)]
    return max(days, key=lambda day: (metrics.horizontalAdvance(long_date(day)), -day.toordinal()))


def _record_on(ctx: AppContext, day: date) -> None:
    """A time entry and a cost on ``day``: the newest, so My records opens them first."""
    ctx.call(activities.record_activity, date=day, minutes=60, kind=ActivityKind.MEETING)
    ctx.call(expenses.record_expense, date=day, category="parking", amount_minor=1250)


@pytest.mark.parametrize("language", shipped_languages())
@pytest.mark.parametrize("tour", list(TOURS))
def test_every_page_fits_the_smallest_window_at_200_percent(
    qtbot: QtBot,
    open_app: Opener,
    tour: str,
    language: str,
) -> None:
    """Every page, on the day with the longest date in each language the app ships."""
    setup, stops = TOURS[tour]
    ctx, window = open_app(setup)
    window.resize(window.minimumSize())
    ctx.settings.set(Preferences.text_scale, 2.0)
    ctx.restyle()
    report: dict[str, list[str]] = {}
    with shown_in(language), clock.pinned(longest_date(clock.today())) as day:
        day_text = long_date(day)
        if setup == "demo":
            _record_on(ctx, day)
        window.show_home()  # in the language just chosen
        for name in stops:
            page = wait_until_still(qtbot, visit(ctx, name))
            problems = fit_problems(page)
            if name in KNOWN_TOO_WIDE:
                if "the page scrolls sideways" not in problems:
                    report[name] = ["fits now: take it off KNOWN_TOO_WIDE"]
            elif problems:
                report[name] = problems
    ctx.settings.restore_defaults()
    assert report == {}, pformat({day_text: report})


@pytest.mark.parametrize("language", shipped_languages())
def test_first_run_pages_fit_the_smallest_window_at_200_percent(
    qtbot: QtBot, open_app: Opener, language: str
) -> None:
    from ui.pages.setup.flow import SetupFlow

    ctx, window = open_app(None)
    window.resize(window.minimumSize())
    ctx.settings.set(Preferences.text_scale, 2.0)
    ctx.restyle()
    report: dict[str, list[str]] = {}
    with shown_in(language):
        flow = SetupFlow(ctx, on_done=lambda: None)
        flow.start()
        if flow.language_page is not None:  # "Which language? / ¿Qué idioma?"
            page = wait_until_still(qtbot, flow.language_page)
            if problems := fit_problems(page):
                report["setup-0-language"] = problems
        for name in SETUP_STOPS:
            page = wait_until_still(qtbot, visit_setup(ctx, name))
            if problems := fit_problems(page):
                report[name] = problems
    ctx.settings.restore_defaults()
    assert report == {}, pformat(report)


def test_the_fit_check_sees_a_control_past_the_edge(
    qtbot: QtBot,
    open_app: Opener,
) -> None:
    ctx, window = open_app()
    window.resize(window.minimumSize())
    page = visit(ctx, "home")
    wide = QLabel("x" * 400)
    page.body.addWidget(wide)

    def seen() -> None:
        problems = fit_problems(page)
        assert any("goes past the window's edge" in p or "sideways" in p for p in problems)

    qtbot.waitUntil(seen)
