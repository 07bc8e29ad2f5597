"""The exchange commands, as a person would run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.cli import run


@pytest.fixture
def folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path, Path]:
    rosa, karen = tmp_path / "rosa", tmp_path / "karen"
    assert run(capsys, "demo", "--no-gui", "--data-dir", rosa)[0] == 0
    assert (
        run(capsys, "--data-dir", karen, "setup", "--role", "coordinator", "--name", "Karen")[0]
        == 0
    )
    sent = tmp_path / "rosa.partnerlog"
    status, out, _ = run(capsys, "--data-dir", rosa, "export", "--out", sent)
    assert status == 0 and "time entries" in out
    return rosa, karen, sent


def test_import_twice_json_counts(
    folders: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _rosa, karen, sent = folders
    status, out, _ = run(capsys, "--data-dir", karen, "import", sent, "--dry-run", "--json")
    first = json.loads(out)
    assert status == 0 and first["applied"] is False and first["files"][0]["new"] > 90
    assert run(capsys, "--data-dir", karen, "import", sent)[0] == 0
    status, out, _ = run(capsys, "--data-dir", karen, "import", sent, "--json")
    again = json.loads(out)["files"][0]
    assert (again["new"], again["changed"], again["conflict"]) == (0, 0, 0)
    status, out, _ = run(capsys, "--data-dir", karen, "list", "--json")
    rows = json.loads(out)
    assert {row["person"] for row in rows} == {"Rosa Martínez"}


def test_refused_file_exits_2_with_one_plain_line(
    folders: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _rosa, karen, sent = folders
    cut = tmp_path / "cut.partnerlog"
    cut.write_bytes(sent.read_bytes()[:500])
    status, out, err = run(capsys, "--data-dir", karen, "import", cut)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and "incomplete or damaged" in err


def test_review_pay_close_and_project_file(
    folders: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rosa, karen, sent = folders
    run(capsys, "--data-dir", karen, "import", sent)
    rows = json.loads(run(capsys, "--data-dir", karen, "list", "--json")[1])
    entries = [row["id"] for row in rows if row["type"] == "time"][:3]
    assert run(capsys, "--data-dir", karen, "review", "--approve", *entries)[0] == 0
    status, _, err = run(capsys, "--data-dir", karen, "review", "--query", entries[0])
    assert status == 2 and "note" in err.lower()
    project = "Living Well with Persistent Pain"
    assert (
        run(
            capsys,
            "--data-dir",
            karen,
            "pay",
            "--person",
            "Rosa Martínez",
            "--project",
            project,
            "--from",
            "2020-01-01",
            "--to",
            "2023-12-31",
            "--amount",
            "120.50",
            "--reason",
            "Agreed with Rosa",
            "--method",
            "bank_transfer",
            "--reference",
            "=cmd",
        )[0]
        == 0
    )
    assert (
        run(
            capsys,
            "--data-dir",
            karen,
            "close-period",
            "--project",
            project,
            "--from",
            "2020-01-01",
            "--to",
            "2023-12-31",
        )[0]
        == 0
    )
    csv_out = tmp_path / "money.csv"
    assert run(capsys, "--data-dir", karen, "finance-export", "--out", csv_out)[0] == 0
    assert "'=cmd" in csv_out.read_text(encoding="utf-8-sig")
    back = tmp_path / "back.partnerlog"
    status, out, _ = run(
        capsys, "--data-dir", karen, "project-file", "--out", back, "--person", "Rosa Martínez"
    )
    assert status == 0 and "review result" in out
    status, out, _ = run(capsys, "--data-dir", rosa, "import", back, "--json")
    assert status == 0 and json.loads(out)["files"][0]["changed"] >= 3
    summary = json.loads(run(capsys, "--data-dir", karen, "summary", "--json")[1])
    assert summary["partners"] == 1


def test_summary_and_list_cover_every_partner_and_narrow_to_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    karen = tmp_path / "karen"
    run(capsys, "demo", "--no-gui", "--role", "coordinator", "--data-dir", karen)
    everyone = json.loads(run(capsys, "--data-dir", karen, "summary", "--json")[1])
    one = json.loads(
        run(capsys, "--data-dir", karen, "summary", "--json", "--person", "Rosa Martínez")[1]
    )
    assert everyone["partners"] == 4 and one["partners"] == 1
    assert one["total_minutes"] < everyone["total_minutes"]
    rows = json.loads(run(capsys, "--data-dir", karen, "list", "--json")[1])
    assert len({row["person"] for row in rows}) == 4


def test_sent_marks_the_last_file_as_sent(
    folders: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rosa, _karen, _sent = folders
    status, out, _ = run(capsys, "--data-dir", rosa, "export", "--since-last", "--out", tmp_path)
    assert status == 0 and "partner-log sent" in out  # nothing was confirmed: all again
    assert "0 time entries" not in out
    status, out, _ = run(capsys, "--data-dir", rosa, "sent")
    assert status == 0 and "marked as sent" in out
    assert run(capsys, "--data-dir", rosa, "sent")[1].startswith("0 entries")
    status, out, _ = run(capsys, "--data-dir", rosa, "export", "--since-last", "--out", tmp_path)
    assert status == 0 and "0 time entries" in out


def test_import_files_a_project_named_like_yours_under_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rosa, karen, sent = tmp_path / "rosa", tmp_path / "karen", tmp_path / "rosa.partnerlog"
    setup = ("setup", "--role", "partner", "--name")
    assert run(capsys, "--data-dir", rosa, *setup, "Rosa", "--project", "Pain care")[0] == 0
    assert (
        run(
            capsys,
            "--data-dir",
            rosa,
            "add-time",
            "--minutes",
            "60",
            "--kind",
            "meeting",
            "--date",
            "2026-09-01",
        )[0]
        == 0
    )
    assert run(capsys, "--data-dir", rosa, "export", "--out", sent)[0] == 0
    karen_setup = ("setup", "--role", "coordinator", "--name", "Karen")
    assert run(capsys, "--data-dir", karen, *karen_setup, "--project", "Pain Care")[0] == 0
    status, out, _ = run(capsys, "--data-dir", karen, "import", sent, "--dry-run")
    assert status == 0 and "Filed under your project Pain Care" in out
    assert "new: 1 time entry, plus the partner;" in out
    status, out, _ = run(
        capsys, "--data-dir", karen, "import", sent, "--keep-separate", "--dry-run"
    )
    assert "Filed under" not in out and "1 time entry, plus the partner and the project" in out
    assert run(capsys, "--data-dir", karen, "import", sent)[0] == 0
    status, out, _ = run(capsys, "--data-dir", karen, "summary", "--project", "Pain Care")
    assert status == 0 and "1.0" in out
