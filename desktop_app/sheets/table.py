"""Find the table in a sheet: the header row under any title rows, and the rows below it
that hold records (not blank rows, nor TOTAL and subtotal rows)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

from desktop_app.errors import InvalidInput
from desktop_app.i18n import _
from desktop_app.sheets.columns import field_for_header
from desktop_app.sheets.reading import Cell, NotASheet, Row
from desktop_app.sheets.values import looks_like_date
from desktop_app.sheets.words import TOTAL_WORDS, words

#: The header is looked for in this many rows from the top.
HEADER_SEARCH_ROWS = 30


@dataclass
class Table:
    header: list[str]
    #: The header's row number, as the spreadsheet shows it (from 1).
    header_row: int
    #: (row number, cells) of every row below the header that may hold a record.
    rows: list[tuple[int, Row]] = field(default_factory=list)
    #: Row numbers of TOTAL and subtotal rows left out.
    totals: list[int] = field(default_factory=list)


def _filled(row: Row) -> list[Cell]:
    return [c for c in row if c is not None and not (isinstance(c, str) and not c.strip())]


def is_blank(row: Row) -> bool:
    return not _filled(row)


def is_total(row: Row) -> bool:
    """A row that adds up others: a text cell that starts with TOTAL, Subtotal, Suma..."""
    for cell in row:
        if isinstance(cell, str) and cell.strip():
            first = words(cell)[:1]
            return bool(first) and first[0] in TOTAL_WORDS
    return False


def _header_score(row: Row) -> int:
    """How much ``row`` looks like a header: the number of cells naming a known field;
    -1 if it cannot be one (fewer than two cells, or cells that are not words)."""
    filled = _filled(row)
    if len(filled) < 2:
        return -1  # a blank row, or a title (a merged title cell holds one value)
    if any(not isinstance(c, str) or isinstance(c, date | datetime | time) for c in filled):
        return -1
    if any(looks_like_date(c) for c in filled):
        return -1
    return sum(field_for_header(str(c)) is not None for c in filled)


def find_table(rows: Sequence[Row]) -> Table:
    """The header and the record rows of a sheet's ``rows``."""
    best, best_score = -1, 0
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = _header_score(row)
        if score > best_score:
            best, best_score = index, score
    if best < 0:
        raise NotASheet(
            _("No row of column names was found in this sheet."),
            _("Give each column a name, like Date and Hours. Nothing was changed."),
        )
    header = [str(c).strip() if c is not None else "" for c in rows[best]]
    table = Table(header, best + 1)
    for index in range(best + 1, len(rows)):
        row = list(rows[index])
        if is_blank(row):
            continue
        if is_total(row):
            table.totals.append(index + 1)
            continue
        table.rows.append((index + 1, row + [None] * (len(header) - len(row))))
    if not table.rows:
        raise InvalidInput(
            _("There are no records under the column names."),
            _("Check that this is the right sheet. Nothing was changed."),
        )
    return table
