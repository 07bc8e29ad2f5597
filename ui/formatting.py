"""Dates, times and money in plain words, in the user's locale."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale

from desktop_app.i18n import _
from ui.widgets.duration import describe_minutes


def long_date(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def day_words(day: date, today: date | None = None) -> str:
    """ "Today (Thursday 26 November 2026)" for recent days, the long date otherwise."""
    today = today or date.today()
    if day == today:
        return _("Today ({date})").format(date=long_date(day))
    if day == today - timedelta(days=1):
        return _("Yesterday ({date})").format(date=long_date(day))
    return long_date(day)


def month_words(year: int, month: int) -> str:
    return QLocale().toString(QDate(year, month, 1), "MMMM yyyy")


def duration_words(minutes: int) -> str:
    return describe_minutes(minutes)


def money(amount_minor: int, currency: str) -> str:
    """ "USD 12.50": the currency code first, so it is never mistaken for another."""
    return f"{currency} {QLocale().toString(amount_minor / 100, 'f', 2)}"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
