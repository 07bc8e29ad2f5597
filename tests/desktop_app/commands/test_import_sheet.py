"""``partner-log import-sheet``: dry runs, asking first, bad files, the date order, undo."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from desktop_app.storage.paths import database_path
from tests.helpers.cli import run
from tests.helpers.sheets import MESSY, write_csv, write_xlsx


@pytest.fixture
def folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "records")
    argv = ("--data-dir", path, "setup", "--role", "partner", "--name", "Ana Souza")
    assert run(capsys, *argv, "--project", "Pain Care")[0] == 0
    return path


def _count(capsys: pytest.CaptureFixture[str], folder: str) -> int:
    status, out, _err = run(capsys, "--data-dir", folder, "list", "--json")
    assert status == 0
    return len(json.loads(out))


def test_a_dry_run_says_what_would_happen_and_changes_nothing(
    folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [*MESSY, ["31/04/2021", "1", "", ""]]
    path = write_xlsx(tmp_path / "messy.xlsx", {"Horas": rows})
    before = database_path(Path(folder)).read_bytes()
    status, out, err = run(
        capsys, "--data-dir", folder, "import-sheet", path, "--dry-run", "--json"
    )
    assert (status, err) == (0, "")
    found = json.loads(out)
    assert (found["rows_read"], found["new"], found["already_here"], found["skipped"]) == (
        4,
        3,
        0,
        1,
    )
    assert found["skipped_rows"][0]["row"] == 10
    assert found["applied"] is False
    assert database_path(Path(folder)).read_bytes() == before
    assert _count(capsys, folder) == 0


def test_import_then_again_then_undo(
    folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "horas.csv", MESSY, "cp1252", ";")
    status, out, _err = run(capsys, "--data-dir", folder, "import-sheet", path, "--yes", "--json")
    assert status == 0
    done = json.loads(out)
    assert done["added_time_entries"] == 3
    status, out, _err = run(capsys, "--data-dir", folder, "import-sheet", path, "--yes")
    assert status == 0
    assert "New: 0. Already here: 3." in out
    assert "There is nothing new to add. Nothing was changed." in out
    assert _count(capsys, folder) == 3
    status, out, _err = run(capsys, "--data-dir", folder, "import-sheet", "--list")
    assert done["import"] in out
    status, out, _err = run(capsys, "--data-dir", folder, "import-sheet", "--undo", done["import"])
    assert status == 0 and "3 time entries" in out
    assert _count(capsys, folder) == 0


def test_without_yes_and_no_terminal_it_refuses_like_restore(
    folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    path = write_csv(tmp_path / "horas.csv", MESSY)
    status, _out, err = run(capsys, "--data-dir", folder, "import-sheet", path)
    assert status == 2
    assert "add --yes" in err
    assert _count(capsys, folder) == 0


def test_an_unsettled_date_order_exits_2_naming_the_rows(
    folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(
        tmp_path / "h.csv", [["Date", "Hours"], ["04/03/2021", "1"], ["05/06/2021", "1"]]
    )
    status, out, err = run(capsys, "--data-dir", folder, "import-sheet", path, "--yes")
    assert (status, out) == (2, "")
    assert "rows 2, 3" in err and "--date-order" in err
    assert len(err.strip().splitlines()) == 1
    argv = ("--data-dir", folder, "import-sheet", path, "--yes", "--date-order", "mdy")
    assert run(capsys, *argv)[0] == 0
    assert _count(capsys, folder) == 2


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"),
        ("empty.csv", b""),
        ("nodates.csv", b"Who,Hours\r\nAna,2\r\n"),
        ("broken.xlsx", b"PK\x03\x04 a zip that ends here"),
        ("letter.ods", b"Dear Ana, this is not a sheet."),
        ("title-only.csv", b"My hours\r\n\r\n"),
    ],
)
def test_bad_files_exit_2_with_one_plain_line_and_change_nothing(
    folder: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes,
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    before = database_path(Path(folder)).read_bytes()
    files = sorted(p.relative_to(folder) for p in Path(folder).rglob("*"))
    status, out, err = run(capsys, "--data-dir", folder, "import-sheet", path, "--yes")
    assert (status, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    assert "Nothing was changed" in err
    assert database_path(Path(folder)).read_bytes() == before
    assert sorted(p.relative_to(folder) for p in Path(folder).rglob("*")) == files  # no backup


def test_columns_and_units_can_be_named(
    folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "h.csv", [["Día", "Tiempo"], ["2021-03-04", "2"]])
    argv = ("--data-dir", folder, "import-sheet", path, "--yes", "--json")
    status, _out, err = run(capsys, *argv, "--column", "date=Día")
    assert status == 2 and "--unit" in err
    status, out, _err = run(capsys, *argv, "--column", "date=Día", "--unit", "time=hours")
    assert status == 0
    assert json.loads(out)["rows"][0]["minutes"] == 120


def test_parts_of_a_day_are_asked_about_then_read_as_days(
    folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "h.csv", [["Date", "Time"], ["2021-03-04", "0.0625"]])
    argv = ("--data-dir", folder, "import-sheet", path, "--yes", "--json")
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert "time=days for parts of a day" in err and len(err.strip().splitlines()) == 1
    assert _count(capsys, folder) == 0
    status, out, _err = run(capsys, *argv, "--unit", "time=days")
    assert status == 0
    assert json.loads(out)["rows"][0]["minutes"] == 90
