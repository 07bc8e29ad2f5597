"""``partner-log add-expense``: the amount kept to the cent, bad input refused, nothing saved."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from tests.helpers.cli import run
from tests.helpers.days import TEST_DAY


@pytest.fixture
def folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "records")
    status, _out, _err = run(
        capsys,
        "--data-dir",
        path,
        "setup",
        "--role",
        "partner",
        "--name",
        "Rosa",
        "--project",
        "Pain Care",
    )
    assert status == 0
    return path


def _saved(capsys: pytest.CaptureFixture[str], folder: str) -> list[dict[str, object]]:
    status, out, _err = run(capsys, "--data-dir", folder, "list", "--json")
    assert status == 0
    return [row for row in json.loads(out) if row["type"] == "expense"]


def test_an_expense_is_kept_to_the_cent(folder: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(
        capsys,
        "--data-dir",
        folder,
        "add-expense",
        "--date",
        "2026-09-29",
        "--amount",
        "1,250.50",
        "--category",
        "parking",
        "--note",
        "Hospital car park",
    )
    assert (status, err) == (0, "")
    assert out == "Saved: Parking on 2026-09-29, CAD 1,250.50, for Pain Care.\n"
    (expense,) = _saved(capsys, folder)
    assert (expense["amount_minor"], expense["currency"]) == (125050, "CAD")
    assert (expense["date"], expense["category"]) == ("2026-09-29", "parking")
    assert (expense["note"], expense["project"]) == ("Hospital car park", "Pain Care")


def test_today_and_a_plain_amount_work(folder: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["add-expense", "--date", "today", "--amount", "$12", "--category", "meals"]
    assert run(capsys, "--data-dir", folder, *argv)[0] == 0
    (expense,) = _saved(capsys, folder)
    assert (expense["amount_minor"], expense["date"]) == (1200, TEST_DAY.isoformat())


@pytest.mark.parametrize(
    ("date", "amount", "words"),
    [
        ("today", "12.50abc", "Use only numbers, like 12.50."),
        ("today", "12.505", "Use no more than two numbers for the cents, like 12.50."),
        ("today", "-5", "The amount cannot be less than zero."),
        ("today", "0", "Enter how much it cost."),
        ("today", "2000000", "The amount is too large."),
        (str(TEST_DAY + timedelta(days=1)), "12.50", "The date cannot be after today."),
        ("2026-02-30", "12.50", "is not a date"),
    ],
)
def test_bad_input_exits_2_with_one_plain_line_and_saves_nothing(
    folder: str, capsys: pytest.CaptureFixture[str], date: str, amount: str, words: str
) -> None:
    status, out, err = run(
        capsys,
        "--data-dir",
        folder,
        "add-expense",
        "--date",
        date,
        f"--amount={amount}",
        "--category",
        "parking",
    )
    assert status == 2 and out == ""
    assert words in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert _saved(capsys, folder) == []


def test_an_unknown_category_or_project_is_refused(
    folder: str, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["add-expense", "--date", "today", "--amount", "5"]
    status, _out, err = run(capsys, "--data-dir", folder, *base, "--category", "taxi")
    assert status == 2 and "invalid choice" in err
    status, _out, err = run(
        capsys, "--data-dir", folder, *base, "--category", "transit", "--project", "Nope"
    )
    assert status == 2 and "No project called" in err
    assert _saved(capsys, folder) == []
