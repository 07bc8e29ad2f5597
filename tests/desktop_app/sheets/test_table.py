"""Finding the table under titles, and leaving out blank and total rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.sheets.reading import NotASheet, read_sheet
from desktop_app.sheets.table import find_table
from tests.helpers.sheets import MESSY, write_csv, write_xlsx


def test_the_messy_sheet_gives_its_header_and_three_records(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "messy.xlsx", {"Horas": MESSY}, merge={"Horas": "A1:D1"})
    table = find_table(read_sheet(path)[1].rows)
    assert table.header == ["Fecha", "Horas", "Actividad", "Notas"]
    assert table.header_row == 4
    assert [number for number, _row in table.rows] == [5, 7, 8]
    assert table.totals == [9]


def test_the_same_in_a_csv_file(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "messy.csv", MESSY, "cp1252", ";")
    table = find_table(read_sheet(path)[1].rows)
    assert [number for number, _row in table.rows] == [5, 7, 8]


def test_a_sheet_without_column_names_is_refused() -> None:
    with pytest.raises(NotASheet):
        find_table([["just a title"], ["04/03/2021", "2"]])
