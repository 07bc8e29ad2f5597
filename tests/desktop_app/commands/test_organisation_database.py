"""The commands on an organisation's PostgreSQL database, through ``--database-url``:
set up, import, list, summary, review, check, backup and moving records in and out."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.settings import Settings
from tests.helpers.cli import run
from tests.helpers.postgres_server import ThrowawayServer


@pytest.fixture
def server_db(postgres_server: ThrowawayServer) -> Iterator[str]:
    """The libpq address of a new, empty database on the test server."""
    name = postgres_server.new_database(empty=True)
    yield postgres_server.libpq_url(name)
    postgres_server.drop_database(name)


@pytest.fixture
def partner_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    rosa = tmp_path / "rosa"
    assert run(capsys, "demo", "--no-gui", "--data-dir", rosa)[0] == 0
    sent = tmp_path / "rosa.partnerlog"
    assert run(capsys, "--data-dir", rosa, "export", "--out", sent)[0] == 0
    return sent


def karen(server_db: str, tmp_path: Path) -> list[str | Path]:
    return ["--data-dir", tmp_path / "karen", "--database-url", server_db]


def test_a_coordinator_works_on_the_organisations_database(
    server_db: str, partner_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    me = karen(server_db, tmp_path)
    status, out, _ = run(capsys, *me, "setup", "--role", "coordinator", "--name", "Karen Lee")
    assert status == 0 and "Karen Lee" in out
    status, out, _ = run(capsys, *me, "import", partner_file)
    assert status == 0 and "A backup was made first" not in out  # IT keeps the backups
    status, out, _ = run(capsys, *me, "import", partner_file, "--json")
    again = json.loads(out)["files"][0]
    assert (again["new"], again["changed"], again["conflict"]) == (0, 0, 0)
    rows = json.loads(run(capsys, *me, "list", "--json")[1])
    assert {row["person"] for row in rows} == {"Rosa Martínez"}
    entries = [row["id"] for row in rows if row["type"] == "time"][:2]
    assert run(capsys, *me, "review", "--approve", *entries)[0] == 0
    rows = json.loads(run(capsys, *me, "list", "--json")[1])
    assert {row["status"] for row in rows if row["id"] in entries} == {"approved"}
    status, out, _ = run(capsys, *me, "summary", "--json")
    assert status == 0 and json.loads(out)
    status, out, _ = run(capsys, *me, "check")
    assert status == 0 and "healthy" in out
    # Nothing was written to a records file in the folder.
    assert not (tmp_path / "karen" / "partner-log.sqlite3").exists()


def test_a_server_that_cannot_be_reached_is_one_plain_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], postgres_server: ThrowawayServer
) -> None:
    nowhere = f"postgresql://karen:S3cret@127.0.0.1:{postgres_server.port + 1}/partners"
    status, out, err = run(capsys, "--data-dir", tmp_path, "--database-url", nowhere, "summary")
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and "could not reach" in err
    assert "S3cret" not in err
    logs = "".join(p.read_text() for p in tmp_path.rglob("*.log"))
    assert "S3cret" not in logs


def test_an_address_that_is_not_a_database_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "--database-url", "mysql://k@db/p", "summary")
    assert status == 2 and "cannot be used" in err


def test_the_environment_chooses_the_database_too(
    server_db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PARTNER_LOG_DATABASE_URL", server_db)
    folder = ["--data-dir", tmp_path / "karen"]
    assert run(capsys, *folder, "setup", "--role", "coordinator", "--name", "Karen Lee")[0] == 0
    monkeypatch.delenv("PARTNER_LOG_DATABASE_URL")
    status, out, _ = run(capsys, "--database-url", server_db, *folder, "summary", "--json")
    assert status == 0


def test_backup_is_a_records_file_that_opens_anywhere(
    server_db: str, partner_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    me = karen(server_db, tmp_path)
    run(capsys, *me, "setup", "--role", "coordinator", "--name", "Karen Lee")
    run(capsys, *me, "import", partner_file)
    on_server = json.loads(run(capsys, *me, "list", "--json")[1])
    copy = tmp_path / "copy.sqlite3"
    status, out, _ = run(capsys, *me, "backup", "--out", copy)
    assert status == 0 and str(copy) in out
    elsewhere = tmp_path / "laptop"
    assert run(capsys, "--data-dir", elsewhere, "restore", copy, "--yes")[0] == 0
    restored = json.loads(run(capsys, "--data-dir", elsewhere, "list", "--json")[1])
    assert restored == on_server
    status, out, _ = run(capsys, *me, "backup")
    assert status == 0 and "backups" in out


def test_move_in_and_back_out_all_checked(
    server_db: str, partner_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "karen"
    local = ["--data-dir", folder]
    run(capsys, *local, "setup", "--role", "coordinator", "--name", "Karen Lee")
    run(capsys, *local, "import", partner_file)
    before = json.loads(run(capsys, *local, "list", "--json")[1])
    status, out, _ = run(capsys, *local, "move-to", "--database-url", server_db)
    assert status == 0 and "counts and sums match" in out
    assert Settings.load(folder).val.organisation_database.startswith("postgresql")
    # The folder now opens the server, without --database-url.
    assert json.loads(run(capsys, *local, "list", "--json")[1]) == before
    entry = before[0]["id"]
    assert run(capsys, *local, "review", "--approve", entry)[0] == 0
    # Moving again into a database that holds records is refused, changing nothing.
    status, _, err = run(capsys, *local, "move-to", "--database-url", server_db)
    assert status == 1 and "already holds records" in err
    out_file = tmp_path / "out.sqlite3"
    assert run(capsys, *local, "move-to", "--sqlite", out_file)[0] == 0
    con = sqlite3.connect(out_file)
    assert con.execute("SELECT status FROM activity WHERE id = ?", (entry,)).fetchone() == (
        "approved",
    )
    con.close()
    status, out, _ = run(capsys, *local, "move-to", "--this-computer")
    assert status == 0
    assert Settings.load(folder).val.organisation_database == ""
    back = json.loads(run(capsys, *local, "list", "--json")[1])
    assert {r["id"]: r["status"] for r in back}[entry] == "approved"
    assert len(back) == len(before)
