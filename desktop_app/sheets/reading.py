"""Open a spreadsheet file as plain rows of cells: CSV, XLSX or ODS.

CSV comes in UTF-8 (with or without Excel's byte-order mark), UTF-16 (with its mark) or
Windows-1252 (Excel's plain "CSV"); the delimiter (comma, semicolon or tab) is sniffed.
XLSX is read by openpyxl, read-only, with the values the file last worked out (never a
formula). ODS is read with odfpy. A cell is text, a number, a date, a time or None.
"""

from __future__ import annotations

import csv
import io
import logging
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from desktop_app.errors import InvalidInput
from desktop_app.i18n import _

log = logging.getLogger("partner_log.sheets")

Cell = str | int | float | date | datetime | time | timedelta | None
Row = list[Cell]

#: Rows read at most from one sheet (a sheet of old records is never this long).
MAX_ROWS = 200_000
#: Cells read at most across one row (repeated empty cells at the end are left out).
MAX_COLUMNS = 200
DELIMITERS = ",;\t"
XLSX_SUFFIXES = (".xlsx", ".xlsm")
ODS_SUFFIXES = (".ods",)


class NotASheet(InvalidInput):
    """The file is not a spreadsheet Partner Log can read (or it is empty)."""


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: list[Row]


def _not_a_sheet() -> NotASheet:
    return NotASheet(
        _("This file is not a spreadsheet Partner Log can read."),
        _("Use a CSV, Excel (.xlsx) or OpenDocument (.ods) file. Nothing was changed."),
    )


def _kind(path: Path) -> str:
    """ "xlsx", "ods" or "csv", from the file's name and its first bytes."""
    try:
        with path.open("rb") as handle:
            start = handle.read(4)
    except OSError:
        raise InvalidInput(
            _("The file {name} could not be opened.").format(name=path.name),
            _("Check that it is still there. Nothing was changed."),
        ) from None
    suffix = path.suffix.casefold()
    if start.startswith(b"PK"):
        if suffix in ODS_SUFFIXES:
            return "ods"
        if suffix in XLSX_SUFFIXES:
            return "xlsx"
        try:
            with zipfile.ZipFile(path) as bundle:
                names = set(bundle.namelist())
        except zipfile.BadZipFile:
            raise _not_a_sheet() from None
        if "content.xml" in names:
            return "ods"
        if "xl/workbook.xml" in names:
            return "xlsx"
        raise _not_a_sheet()
    if suffix in XLSX_SUFFIXES + ODS_SUFFIXES:
        raise _not_a_sheet()
    return "csv"


# -- CSV -------------------------------------------------------------------------------
def decode(data: bytes) -> str:
    """The text of a CSV file: by its byte-order mark, else UTF-8, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    """The delimiter of ``text``: comma, semicolon or tab."""
    sample = "\n".join(text.splitlines()[:50])
    try:
        found = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        found = ""
    if found in DELIMITERS and found:
        return found
    counts = {mark: sample.count(mark) for mark in DELIMITERS}
    return max(counts, key=lambda mark: counts[mark]) if any(counts.values()) else ","


def _read_csv(path: Path) -> Sheet:
    data = path.read_bytes()
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _not_a_sheet()
    text = decode(data)
    delimiter = sniff_delimiter(text)
    rows: list[Row] = []
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        rows.append(list(row[:MAX_COLUMNS]))
        if len(rows) >= MAX_ROWS:
            break
    return Sheet(path.stem, rows)


# -- XLSX ------------------------------------------------------------------------------
def _xlsx_book(path: Path) -> Any:
    import openpyxl  # type: ignore[import-untyped]

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # a damaged or disguised file: openpyxl raises many kinds
        log.info("an xlsx file could not be read")
        raise _not_a_sheet() from None


def _xlsx_rows(sheet: Any) -> Iterator[Row]:
    for row in sheet.iter_rows(values_only=True):
        yield [None if isinstance(v, bool) else v for v in row[:MAX_COLUMNS]]


def _read_xlsx(path: Path, name: str | None) -> tuple[list[str], Sheet]:
    book = _xlsx_book(path)
    try:
        names = list(book.sheetnames)
        chosen = _chosen(names, name)
        rows = []
        for row in _xlsx_rows(book[chosen]):
            rows.append(row)
            if len(rows) >= MAX_ROWS:
                break
        return names, Sheet(chosen, rows)
    finally:
        book.close()


# -- ODS -------------------------------------------------------------------------------
def _ods_doc(path: Path) -> Any:
    from odf.opendocument import load

    try:
        return load(str(path))
    except Exception:  # a damaged file: odfpy raises many kinds
        log.info("an ods file could not be read")
        raise _not_a_sheet() from None


def _ods_tables(doc: Any) -> list[Any]:
    from odf.table import Table

    return list(doc.spreadsheet.getElementsByType(Table))


def _ods_text(cell: Any) -> str:
    from odf.text import P

    parts = []
    for paragraph in cell.getElementsByType(P):
        parts.append("".join(_node_text(node) for node in paragraph.childNodes))
    return "\n".join(parts)


def _node_text(node: Any) -> str:
    if node.nodeType == node.TEXT_NODE:
        return str(node.data)
    if getattr(node, "qname", ("", ""))[1] == "s":  # <text:s/> is a space
        return " " * int(node.getAttribute("c") or 1)
    return "".join(_node_text(child) for child in node.childNodes)


def _ods_value(cell: Any) -> Cell:
    kind = cell.getAttribute("valuetype")
    if kind in ("float", "percentage", "currency"):
        number = float(cell.getAttribute("value"))
        return int(number) if number.is_integer() else number
    if kind == "date":
        raw = cell.getAttribute("datevalue")
        return datetime.fromisoformat(raw) if "T" in raw else date.fromisoformat(raw)
    if kind == "time":
        return _ods_duration(cell.getAttribute("timevalue"))
    text = _ods_text(cell)
    return text if text else None


def _ods_duration(raw: str) -> time | str:
    """ODS times are ISO durations, like PT01H30M00S."""
    import re

    found = re.fullmatch(r"PT(\d+)H(\d+)M(\d+(?:\.\d+)?)S", raw or "")
    if not found:
        return raw
    hours, minutes = int(found.group(1)), int(found.group(2))
    if hours >= 24:
        return f"{hours}:{minutes:02d}"
    return time(hours, minutes, int(float(found.group(3))))


def _ods_rows(table: Any) -> list[Row]:
    from odf.table import TableRow

    rows: list[Row] = []
    for row in table.getElementsByType(TableRow):
        cells: Row = []
        for cell in row.childNodes:
            if cell.qname[1] not in ("table-cell", "covered-table-cell"):
                continue
            repeat = int(cell.getAttribute("numbercolumnsrepeated") or 1)
            # A cell hidden under a merged one reads as empty.
            value = _ods_value(cell) if cell.qname[1] == "table-cell" else None
            cells.extend([value] * min(repeat, MAX_COLUMNS - len(cells)))
            if len(cells) >= MAX_COLUMNS:
                break
        while cells and cells[-1] in (None, ""):
            cells.pop()
        repeat = int(row.getAttribute("numberrowsrepeated") or 1)
        # A blank row repeated to the end of the sheet stands for one blank row.
        rows.extend([list(cells) for _ in range(repeat if cells else 1)])
        if len(rows) >= MAX_ROWS:
            break
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _read_ods(path: Path, name: str | None) -> tuple[list[str], Sheet]:
    tables = _ods_tables(_ods_doc(path))
    names = [str(t.getAttribute("name")) for t in tables]
    chosen = _chosen(names, name)
    return names, Sheet(chosen, _ods_rows(tables[names.index(chosen)]))


# -- any -------------------------------------------------------------------------------
def _chosen(names: list[str], wanted: str | None) -> str:
    if not names:
        raise _not_a_sheet()
    if wanted is None:
        return names[0]
    if wanted in names:
        return wanted
    folded = {n.casefold(): n for n in names}
    if wanted.casefold() in folded:
        return folded[wanted.casefold()]
    raise InvalidInput(
        _("This file has no sheet called \u201c{name}\u201d.").format(name=wanted),
        _("Its sheets are: {names}.").format(names=", ".join(names)),
        field="sheet",
    )


def read_sheet(path: Path, name: str | None = None) -> tuple[list[str], Sheet]:
    """The names of the file's sheets, and the rows of the one called ``name`` (or the
    first). Raises ``NotASheet`` for a file that is not a spreadsheet."""
    kind = _kind(path)
    if kind == "xlsx":
        names, sheet = _read_xlsx(path, name)
    elif kind == "ods":
        names, sheet = _read_ods(path, name)
    else:
        try:
            sheet = _read_csv(path)
        except (OSError, csv.Error):
            raise _not_a_sheet() from None
        if name is not None and name.casefold() != sheet.name.casefold():
            _chosen([sheet.name], name)
        names = [sheet.name]
    if not any(any(_has_value(c) for c in row) for row in sheet.rows):
        raise NotASheet(
            _("This sheet is empty."), _("Choose a file with your records. Nothing was changed.")
        )
    return names, sheet


def _has_value(cell: Cell) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def sheet_names(path: Path) -> list[str]:
    """The names of the sheets in the file (one for a CSV file)."""
    kind = _kind(path)
    if kind == "xlsx":
        book = _xlsx_book(path)
        try:
            return list(book.sheetnames)
        finally:
            book.close()
    if kind == "ods":
        return [str(t.getAttribute("name")) for t in _ods_tables(_ods_doc(path))]
    return [path.stem]
