"""What the sheet does not say: which sheet, the order of day and month, and whether
bare numbers are hours or minutes. One question a page, answered with a tile."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop_app.errors import InvalidInput
from desktop_app.i18n import _
from desktop_app.sheets import AmbiguousDateOrder, DateOrder, UnitNeeded
from desktop_app.sheets.values import Unit, read_date
from ui.formatting import long_date
from ui.pages.add_time.steps import TilePage
from ui.widgets.tiles import Choice


def sheet_page(names: list[str], on_answer: Callable[[Any], None]) -> TilePage:
    choices = [Choice(name, name) for name in names]
    return TilePage(
        _("Which sheet has your records?"),
        choices,
        on_answer,
        hint=_("This file has more than one sheet."),
        columns=1,
    )


def _read_as(example: str, order: DateOrder) -> str:
    try:
        return long_date(read_date(example, order))
    except InvalidInput:
        return example


def date_order_page(problem: AmbiguousDateOrder, on_answer: Callable[[Any], None]) -> TilePage:
    example = problem.example
    choices = [
        Choice(
            DateOrder.DMY,
            _("Day first: {day}").format(day=_read_as(example, DateOrder.DMY)),
        ),
        Choice(
            DateOrder.MDY,
            _("Month first: {day}").format(day=_read_as(example, DateOrder.MDY)),
        ),
    ]
    return TilePage(
        _("Is {example} the day first, or the month first?").format(example=example),
        choices,
        on_answer,
        hint=problem.message,
        columns=1,
    )


def unit_page(problem: UnitNeeded, on_answer: Callable[[Any], None]) -> TilePage:
    choices = [Choice(Unit.HOURS, _("Hours")), Choice(Unit.MINUTES, _("Minutes"))]
    hint = _("For example, 2 could be 2 hours or 2 minutes.")
    if problem.day_parts:
        # Numbers under 1, like 0.0625: how a spreadsheet keeps 1:30 without its format.
        choices.append(Choice(Unit.DAYS, _("Parts of a day: 0.0625 is 1 hour 30 minutes")))
        hint = _("Every number is less than 1. A spreadsheet keeps a time as part of a day.")
    return TilePage(
        _("Are the numbers in \u201c{header}\u201d hours or minutes?").format(
            header=problem.header
        ),
        choices,
        on_answer,
        hint=hint,
        columns=1,
    )


def project_page(names: list[tuple[str, str]], on_answer: Callable[[Any], None]) -> TilePage:
    choices = [Choice(name, name) for _pid, name in names]
    return TilePage(
        _("Which project are these records for?"),
        choices,
        on_answer,
        hint=_("Rows that name a project of their own keep it."),
        columns=1,
    )
