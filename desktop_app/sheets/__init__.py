"""Old records from spreadsheets: read a sheet, find its table, guess its columns, read
its dates and times, show what would be saved, then save it all or nothing (and undo).

``reading`` opens CSV, XLSX and ODS files; ``table`` finds the header and the rows;
``columns`` guesses which column is which; ``values`` reads dates, times, kinds and
amounts; ``preview`` plans every row; ``apply`` saves a plan and undoes an import.
"""

from desktop_app.sheets.apply import ImportDone, UndoDone, apply_plan, list_imports, undo_import
from desktop_app.sheets.columns import Field
from desktop_app.sheets.preview import ImportOptions, Plan, PlannedRow, make_plan
from desktop_app.sheets.reading import NotASheet, sheet_names
from desktop_app.sheets.values import AmbiguousDateOrder, DateOrder, UnitNeeded

__all__ = [
    "AmbiguousDateOrder",
    "DateOrder",
    "Field",
    "ImportDone",
    "ImportOptions",
    "NotASheet",
    "Plan",
    "PlannedRow",
    "UndoDone",
    "UnitNeeded",
    "apply_plan",
    "list_imports",
    "make_plan",
    "sheet_names",
    "undo_import",
]
