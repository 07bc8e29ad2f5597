"""Dates, times and money in plain words, in the app's language (Babel's locale data).

English keeps the house form, day before month ("Wednesday, 30 September 2026"); other
languages take their own full form ("miércoles, 30 de septiembre de 2026")."""

from __future__ import annotations

from datetime import date, timedelta

from babel.dates import format_date
from PySide6.QtCore import QDate

from desktop_app import clock
from desktop_app.i18n import _, babel_locale
from desktop_app.services import money_text
from ui.widgets.duration import describe_minutes


def long_date(day: date) -> str:
    locale = babel_locale()
    return str(format_date(day, "EEEE, d MMMM y" if locale == "en" else "full", locale=locale))


def day_words(day: date, today: date | None = None) -> str:
    """ "Today (Thursday 26 November 2026)" for recent days, the long date otherwise."""
    today = today or clock.today()
    if day == today:
        return _("Today ({date})").format(date=long_date(day))
    if day == today - timedelta(days=1):
        return _("Yesterday ({date})").format(date=long_date(day))
    return long_date(day)


def month_words(year: int, month: int) -> str:
    return str(format_date(date(year, month, 1), "LLLL y", locale=babel_locale()))


def duration_words(minutes: int) -> str:
    return describe_minutes(minutes)


def money(amount_minor: int, currency: str) -> str:
    """ "USD 12.50": the currency code first, so it is never mistaken for another."""
    return money_text.money(amount_minor, currency)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
