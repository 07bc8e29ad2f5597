"""Putting a backup back: from the app (restore_backup) and from `partner-log restore`."""

from __future__ import annotations

import io
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.errors import UserFacingError
from desktop_app.model import ActivityKind, Role
from desktop_app.services import profile
from desktop_app.services.activities import record_activity
from desktop_app.storage.backup import integrity_problems, snapshot
from desktop_app.storage.db import open_database
from desktop_app.storage.instance_lock import InstanceLock
from desktop_app.storage.paths import backups_dir, database_path
from desktop_app.storage.restore import restore_backup
from tests.helpers.platforms import assert_private


def _save(data_dir: Path, entries: int) -> None:
    database = open_database(data_dir)
    with database.session() as session:
        if profile.installation(session) is None:
            profile.setup(session, Role.PARTNER, "Ana Souza", project_name="Better Pain Care")
        for _ in range(entries):
            record_activity(session, date=date(2024, 5, 2), minutes=60, kind=ActivityKind.WRITING)
    database.close()


def _count(data_dir: Path) -> int:
    con = sqlite3.connect(database_path(data_dir))
    try:
        return int(con.execute("SELECT count(*) FROM activity").fetchone()[0])
    finally:
        con.close()


def test_restore_round_trip_keeps_the_records_it_replaced(data_dir: Path) -> None:
    _save(data_dir, 3)
    backup = snapshot(data_dir, database_path(data_dir), "on-request")
    _save(data_dir, 2)

    result = restore_backup(data_dir, backup)

    assert _count(data_dir) == 3
    assert result.kept_aside is not None
    assert result.kept_aside.parent == backups_dir(data_dir)
    assert result.kept_aside.name.startswith("partner-log-before-restore-")
    assert integrity_problems(result.kept_aside) == []
    con = sqlite3.connect(result.kept_aside)
    assert con.execute("SELECT count(*) FROM activity").fetchone()[0] == 5
    con.close()
    assert not Path(f"{database_path(data_dir)}-wal").exists()
    database = open_database(data_dir)  # the restored records open normally
    database.close()
    assert_private(database_path(data_dir))


def test_changes_still_in_the_write_ahead_log_are_kept_aside(data_dir: Path) -> None:
    _save(data_dir, 1)
    backup = snapshot(data_dir, database_path(data_dir), "on-request")
    # A connection that never checkpointed leaves its changes only in the -wal.
    con = sqlite3.connect(database_path(data_dir))
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("UPDATE activity SET minutes = 90")
    con.commit()
    assert Path(f"{database_path(data_dir)}-wal").stat().st_size > 0
    con.close()

    result = restore_backup(data_dir, backup)

    assert result.kept_aside is not None
    aside = sqlite3.connect(result.kept_aside)
    assert aside.execute("SELECT minutes FROM activity").fetchone()[0] == 90
    aside.close()


def test_a_damaged_backup_is_refused_and_nothing_changes(data_dir: Path) -> None:
    _save(data_dir, 2)
    bad = data_dir / "bad.sqlite3"
    bad.write_bytes(b"not a backup" * 500)
    before = database_path(data_dir).read_bytes()
    with pytest.raises(UserFacingError) as problem:
        restore_backup(data_dir, bad)
    assert "damaged" in problem.value.message
    assert database_path(data_dir).read_bytes() == before


def test_cli_shows_what_the_backup_holds_and_needs_yes_when_not_asked(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _save(data_dir, 4)
    snapshot(data_dir, database_path(data_dir), "on-request")
    _save(data_dir, 1)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))

    status = main(["--data-dir", str(data_dir), "restore", "--latest"])

    out, err = capsys.readouterr()
    assert status == 2
    assert "taken when you asked for it" in out
    assert "4 time entries" in out
    assert "The latest time entry is from 2024-05-02." in out
    assert "add --yes" in err
    assert _count(data_dir) == 5  # nothing changed

    assert main(["--data-dir", str(data_dir), "restore", "--latest", "--yes"]) == 0
    out, _ = capsys.readouterr()
    assert "Your records now hold this backup." in out
    assert "before-restore" in out
    assert _count(data_dir) == 4


def test_cli_asks_on_a_terminal_and_no_means_no(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _save(data_dir, 1)
    backup = snapshot(data_dir, database_path(data_dir), "on-request")
    _save(data_dir, 1)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt: "no")

    assert main(["--data-dir", str(data_dir), "restore", str(backup)]) == 1
    assert "Nothing was changed." in capsys.readouterr().out
    assert _count(data_dir) == 2

    monkeypatch.setattr("builtins.input", lambda prompt: "yes")
    assert main(["--data-dir", str(data_dir), "restore", str(backup)]) == 0
    assert _count(data_dir) == 1


def test_cli_plain_errors(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _save(data_dir, 1)
    assert main(["--data-dir", str(data_dir), "restore", str(data_dir / "nope.sqlite3")]) == 2
    assert "There is no backup file at" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "restore", "--latest", "--yes"]) == 1
    assert "No good backup was found" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "restore"]) == 2
    capsys.readouterr()


def test_cli_will_not_restore_while_the_app_has_the_folder(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _save(data_dir, 1)
    backup = snapshot(data_dir, database_path(data_dir), "on-request")
    with InstanceLock(data_dir):
        status = main(["--data-dir", str(data_dir), "restore", str(backup), "--yes"])
    assert status == 1
    assert "already open" in capsys.readouterr().err


def test_cli_lists_backups(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _save(data_dir, 2)
    backup = snapshot(data_dir, database_path(data_dir), "before-import")
    assert main(["--data-dir", str(data_dir), "restore", "--list"]) == 0
    out = capsys.readouterr().out
    assert str(backup) in out
    assert "2 time entries" in out
