"""Spreadsheets the tests make at run time: CSV in several encodings, XLSX and ODS."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

Cells = Sequence[Sequence[object]]


@dataclass(frozen=True)
class Formatted:
    """An XLSX cell kept with a number format, like 0.0625 shown as "h:mm" (1:30)."""

    value: object
    number_format: str


#: A sheet as people keep them: a title, a merged title cell, blank rows, Spanish
#: headers, day-first dates, decimal-comma hours, a TOTAL row and a formula-looking note.
MESSY: list[list[object]] = [
    ["Mis horas con el proyecto", None, None, None],
    ["Año 2021", None, None, None],
    [None, None, None, None],
    ["Fecha", "Horas", "Actividad", "Notas"],
    ["04/03/2021", "1,5", "Reunión", "Primera reunión"],
    [None, None, None, None],
    ["25/03/2021", "2", "charla", "=SUM(A1)"],
    ["13/04/2021", "1:30", "Revisión del folleto", ""],
    ["TOTAL", "5", None, None],
]


def write_csv(
    path: Path, rows: Cells, encoding: str = "utf-8", delimiter: str = ",", bom: bool = False
) -> Path:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    data = out.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)
    return path


def write_xlsx(path: Path, sheets: dict[str, Cells], merge: dict[str, str] | None = None) -> Path:
    """An Excel file; text starting with "=" is kept as text, never a formula."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None:
                    continue
                shown = value.number_format if isinstance(value, Formatted) else None
                value = value.value if isinstance(value, Formatted) else value
                cell = sheet.cell(row=r, column=c, value=value)
                if shown:
                    cell.number_format = shown
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"
        if merge and name in merge:
            sheet.merge_cells(merge[name])
    book.save(path)
    return path


def write_ods(path: Path, sheets: dict[str, Cells]) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            tr = TableRow()
            for value in row:
                if value is None:
                    tr.addElement(TableCell())
                elif isinstance(value, datetime | date):
                    cell = TableCell(valuetype="date", datevalue=value.isoformat())
                    cell.addElement(P(text=value.isoformat()))
                    tr.addElement(cell)
                elif isinstance(value, time):
                    raw = f"PT{value.hour:02d}H{value.minute:02d}M{value.second:02d}S"
                    cell = TableCell(valuetype="time", timevalue=raw)
                    cell.addElement(P(text=value.isoformat()))
                    tr.addElement(cell)
                elif isinstance(value, int | float):
                    cell = TableCell(valuetype="float", value=value)
                    cell.addElement(P(text=str(value)))
                    tr.addElement(cell)
                else:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=str(value)))
                    tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path
