"""The money commands, as a coordinator would run them: rates, owed, pay, payments,
void-payment and close-period."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from desktop_app.storage.db import open_database
from tests.helpers.cli import run
from tests.helpers.money import approved, open_books

PROJECT = "Better Pain Care"


@pytest.fixture
def karen(tmp_path: Path) -> Path:
    """Rosa has 3 h 15 min of approved time in March 2024; Ben has 1 h waiting."""
    folder = tmp_path / "karen"
    database = open_database(folder)
    with database.session() as session:
        books = open_books(session, rate_minor=0)
        approved(session, books, books.rosa, date(2024, 3, 4), 150, 45)
        approved(session, books, books.ben, date(2024, 3, 5), 60)
    database.close()
    return folder


def cli(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> tuple[int, str, str]:
    return run(capsys, "--data-dir", folder, *argv)


def _payments(folder: Path) -> int:
    con = sqlite3.connect(folder / "partner-log.sqlite3")
    try:
        return int(con.execute("SELECT count(*) FROM payment").fetchone()[0])
    finally:
        con.close()


def test_rates_are_set_then_shown(karen: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(capsys, karen, "rates", "--project", PROJECT)
    assert status == 0 and "CAD 0.00 an hour" in out
    status, out, _ = cli(
        capsys, karen, "rates", "--project", PROJECT, "--per-hour", "30.00", "--pay-travel", "no"
    )
    assert status == 0 and "saved" in out and "CAD 30.00 an hour" in out
    assert "Travel time is paid: no." in out and "getting ready is paid: yes." in out
    rules = json.loads(cli(capsys, karen, "rates", "--project", PROJECT, "--json")[1])
    assert (rules["rate_minor"], rules["pay_travel"], rules["basis"]) == (3000, False, "per_hour")
    status, out, err = cli(capsys, karen, "rates", "--per-hour", "thirty")
    assert status == 2 and out == "" and "not an amount" in err and err.count("\n") == 1


def test_owed_lists_each_partner_with_exact_fields(
    karen: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, karen, "rates", "--project", PROJECT, "--per-hour", "30.00")
    status, out, _ = cli(capsys, karen, "owed", "--json")
    rows = json.loads(out)
    assert status == 0
    assert all(
        set(row) == {"person", "project", "entries", "minutes", "amount_minor", "currency"}
        for row in rows
    )
    rosa = next(row for row in rows if row["person"] == "Rosa Martínez")
    assert (rosa["entries"], rosa["minutes"], rosa["amount_minor"]) == (1, 195, 9750)
    status, out, _ = cli(capsys, karen, "owed", "--project", PROJECT)
    assert "Rosa Martínez (Better Pain Care): 1 entry, 3.3 hours, owed CAD 97.50." in out


def test_pay_pays_what_is_owed_once_and_a_void_makes_it_owed_again(
    karen: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, karen, "rates", "--project", PROJECT, "--per-hour", "30.00")
    pay = ("pay", "--person", "Rosa Martínez", "--from", "2024-03-01", "--to", "2024-03-31")
    pay += ("--method", "bank_transfer")
    status, out, _ = cli(capsys, karen, *pay)
    assert status == 0 and "Payment of CAD 97.50 recorded for Rosa Martínez" in out
    status, out, err = cli(capsys, karen, *pay)
    assert status == 2 and out == "" and "Nothing is owed" in err and err.count("\n") == 1
    assert _payments(karen) == 1
    [paid] = json.loads(cli(capsys, karen, "payments", "--person", "Rosa Martínez", "--json")[1])
    assert (paid["amount_minor"], paid["rate_minor"], len(paid["entries"])) == (9750, 3000, 1)
    status, _, err = cli(capsys, karen, "void-payment", paid["id"])
    assert status == 2 and "--reason" in err
    status, out, _ = cli(capsys, karen, "void-payment", paid["id"], "--reason", "Wrong account")
    assert status == 0 and "owed again" in out
    status, out, _ = cli(capsys, karen, "payments")
    assert "VOID: Wrong account" in out
    assert json.loads(cli(capsys, karen, "owed", "--json")[1])[1]["amount_minor"] == 9750


def test_another_amount_needs_a_reason(karen: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli(capsys, karen, "rates", "--project", PROJECT, "--per-hour", "30.00")
    pay = ("pay", "--person", "Rosa Martínez", "--from", "2024-03-01", "--to", "2024-03-31")
    pay += ("--method", "cheque", "--amount", "81.25")
    status, out, err = cli(capsys, karen, *pay)
    assert status == 2 and out == "" and "owed CAD 97.50, not CAD 81.25" in err
    status, _, err = cli(capsys, karen, *pay[:-2], "--amount", "0.00", "--reason", "x")
    assert status == 2 and "CAD 0.00 cannot be recorded" in err
    assert _payments(karen) == 0
    status, out, _ = cli(capsys, karen, *pay, "--reason", "Capped by the grant")
    assert status == 0 and "CAD 81.25" in out


def test_close_period_lists_who_is_unpaid_and_needs_yes(
    karen: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, karen, "rates", "--project", PROJECT, "--per-hour", "30.00")
    close = ("close-period", "--project", PROJECT, "--from", "2024-03-01", "--to", "2024-03-31")
    status, out, err = cli(capsys, karen, *close)
    assert status == 2 and "Rosa Martínez: 1 entry, 3.3 hours, owed CAD 97.50" in out
    assert "not paid yet" in err and err.count("\n") == 1
    status, out, _ = cli(capsys, karen, *close, "--yes")
    assert status == 0 and "Nothing was paid" in out
    assert len(json.loads(cli(capsys, karen, "owed", "--json")[1])) == 2  # still owed
    status, _, err = cli(
        capsys, karen, *close[:-4], "--from", "2024-03-15", "--to", "2024-04-15", "--yes"
    )
    assert status == 2 and "already closed" in err
