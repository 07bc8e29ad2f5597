"""Reading sheets: every common CSV encoding and delimiter, XLSX and ODS."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from desktop_app.sheets.reading import NotASheet, read_sheet, sheet_names
from tests.helpers.sheets import Formatted, write_csv, write_ods, write_xlsx

ROWS = [["Fecha", "Horas", "Notas"], ["04/03/2021", "1,5", "Reunión con el equipo"]]


@pytest.mark.parametrize(
    ("encoding", "bom", "delimiter"),
    [
        ("utf-8", False, ","),
        ("utf-8", True, ";"),  # Excel's "CSV UTF-8" with Spanish settings
        ("utf-16", False, "\t"),  # Python writes UTF-16 with its byte-order mark
        ("cp1252", False, ";"),  # Excel's plain "CSV" on Windows
    ],
)
def test_csv_in_every_common_encoding_and_delimiter(
    tmp_path: Path, encoding: str, bom: bool, delimiter: str
) -> None:
    path = write_csv(tmp_path / "horas.csv", ROWS, encoding, delimiter, bom)
    names, sheet = read_sheet(path)
    assert names == ["horas"]
    # The first header is whole (no byte-order mark stuck to it) and accents survive.
    assert sheet.rows == [
        ["Fecha", "Horas", "Notas"],
        ["04/03/2021", "1,5", "Reunión con el equipo"],
    ]


def test_xlsx_gives_real_dates_and_times_and_every_sheet_name(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "hours.xlsx",
        {
            "Notes": [["nothing here"]],
            "2021": [["Date", "Time"], [datetime(2021, 3, 4), time(1, 30)]],
        },
    )
    assert sheet_names(path) == ["Notes", "2021"]
    names, sheet = read_sheet(path, "2021")
    assert names == ["Notes", "2021"]
    assert sheet.rows[1] == [datetime(2021, 3, 4), time(1, 30)]


def test_xlsx_times_kept_as_parts_of_a_day_come_as_times(tmp_path: Path) -> None:
    """Excel keeps 1:30 as 0.0625 of a day; the cell's format says it is a time."""
    rows = [
        ["Date", "Time"],
        [date(2021, 3, 4), Formatted(0.0625, "h:mm")],
        [date(2021, 3, 5), Formatted(0.0625, "[h]:mm")],
        [date(2021, 3, 6), Formatted(1.0625, "[h]:mm")],  # 25:30
        [date(2021, 3, 7), Formatted(1.0625, "h:mm")],  # shown as 1:30, kept as 25:30
        [date(2021, 3, 8), 0.0625],  # no format: a bare number
    ]
    _names, sheet = read_sheet(write_xlsx(tmp_path / "t.xlsx", {"S": rows}))
    assert [row[1] for row in sheet.rows[1:]] == [
        time(1, 30),
        timedelta(hours=1, minutes=30),
        timedelta(hours=25, minutes=30),
        datetime(1900, 1, 1, 1, 30),
        0.0625,
    ]


def test_xlsx_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "f.xlsx", {"S": [["Date", "Notes"], ["2021-03-04", "=SUM(A1)"]]})
    assert read_sheet(path)[1].rows[1] == ["2021-03-04", "=SUM(A1)"]


def test_ods_gives_dates_times_numbers_and_text(tmp_path: Path) -> None:
    path = write_ods(
        tmp_path / "hours.ods",
        {
            "Hoja1": [
                ["Fecha", "Tiempo", "Horas", "Notas"],
                [date(2021, 3, 4), time(1, 30), 1.5, "Sí"],
            ]
        },
    )
    names, sheet = read_sheet(path)
    assert names == ["Hoja1"]
    assert sheet.rows[1] == [date(2021, 3, 4), time(1, 30), 1.5, "Sí"]


def test_a_sheet_that_is_not_there_is_named_with_those_that_are(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "h.xlsx", {"One": [["Date"]], "Two": [["Date"]]})
    with pytest.raises(Exception, match="One, Two"):
        read_sheet(path, "Three")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip"),
        ("empty.csv", b""),
        ("blank.csv", b" , ,\r\n,,\r\n"),
    ],
)
def test_files_that_are_not_sheets_of_records_are_refused_plainly(
    tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(NotASheet) as caught:
        read_sheet(path)
    assert "Nothing was changed" in str(caught.value)
