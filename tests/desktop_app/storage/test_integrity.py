"""A damaged records file is found on open, kept aside, and a backup can be put back."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from desktop_app.errors import UserFacingError
from desktop_app.model import ActivityKind, Role
from desktop_app.services import profile
from desktop_app.services.activities import record_activity
from desktop_app.storage import integrity
from desktop_app.storage.backup import snapshot
from desktop_app.storage.db import open_database
from desktop_app.storage.integrity import DamagedDatabase, damaged_dir, start_afresh
from desktop_app.storage.paths import database_path
from desktop_app.storage.restore import restore_backup


def _records_with_backup(data_dir: Path, entries: int = 40) -> Path:
    database = open_database(data_dir)
    with database.session() as session:
        profile.setup(session, Role.PARTNER, "Ana Souza", project_name="Better Pain Care")
        for day in range(entries):
            record_activity(
                session, date=date(2024, 1, 1 + day % 28), minutes=45, kind=ActivityKind.MEETING
            )
    backup = snapshot(data_dir, database.path, "at-start")
    database.close()
    return backup


def _overwrite_a_page(path: Path, table: str = "activity") -> bytes:
    con = sqlite3.connect(path)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = bytes(range(256)) * (page_size // 256)
    path.write_bytes(bytes(data))
    return bytes(data)


def _folder_state(data_dir: Path) -> list[str]:
    return sorted(
        str(p.relative_to(data_dir)) for p in data_dir.rglob("*") if "logs" not in p.parts
    )


def test_a_damaged_file_is_kept_and_a_backup_offered(data_dir: Path) -> None:
    backup = _records_with_backup(data_dir)
    damaged_bytes = _overwrite_a_page(database_path(data_dir))

    with pytest.raises(DamagedDatabase) as found:
        open_database(data_dir)

    problem = found.value
    assert problem.backup is not None and problem.backup.path == backup
    assert problem.kept_at.parent == damaged_dir(data_dir)
    assert (problem.kept_at / "partner-log.sqlite3").read_bytes() == damaged_bytes
    assert not database_path(data_dir).exists()
    # Plain words: what happened, what was kept, and what can be done.
    assert "damaged" in problem.message
    assert str(problem.kept_at) in problem.next_step
    assert "deleted nothing" in problem.next_step
    assert "put it back" in problem.next_step


def test_checking_twice_changes_nothing(data_dir: Path) -> None:
    _records_with_backup(data_dir)
    _overwrite_a_page(database_path(data_dir))
    with pytest.raises(DamagedDatabase) as first:
        open_database(data_dir)
    before = _folder_state(data_dir)

    with pytest.raises(DamagedDatabase) as second:
        open_database(data_dir)

    assert second.value.kept_at == first.value.kept_at
    assert _folder_state(data_dir) == before  # no new empty records file, no new copies


def test_putting_the_backup_back_after_damage(data_dir: Path) -> None:
    _records_with_backup(data_dir, entries=40)
    _overwrite_a_page(database_path(data_dir))
    with pytest.raises(DamagedDatabase) as found:
        open_database(data_dir)
    assert found.value.backup is not None

    restore_backup(data_dir, found.value.backup.path)

    database = open_database(data_dir)
    with database.engine.connect() as connection:
        count = connection.exec_driver_sql("SELECT count(*) FROM activity").scalar()
    database.close()
    assert count == 40
    assert found.value.kept_at.is_dir()  # the damaged file is still kept


def test_no_backup_then_start_afresh_keeps_the_damaged_file(data_dir: Path) -> None:
    database = open_database(data_dir)
    with database.session() as session:
        profile.setup(session, Role.PARTNER, "Ana Souza", project_name="Better Pain Care")
    database.close()
    _overwrite_a_page(database_path(data_dir), "person")
    with pytest.raises(DamagedDatabase) as found:
        open_database(data_dir)
    assert found.value.backup is None
    assert "No backup was found" in found.value.next_step

    start_afresh(data_dir)
    open_database(data_dir).close()
    assert (found.value.kept_at / "partner-log.sqlite3").exists()


def test_a_healthy_file_is_left_exactly_as_it_was(data_dir: Path) -> None:
    _records_with_backup(data_dir)
    before = database_path(data_dir).read_bytes()
    files = _folder_state(data_dir)
    open_database(data_dir).close()
    assert database_path(data_dir).read_bytes() == before
    assert not damaged_dir(data_dir).exists()
    assert _folder_state(data_dir) == files


def test_a_busy_file_is_not_taken_for_a_damaged_one(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _records_with_backup(data_dir)
    before = database_path(data_dir).read_bytes()

    def busy(*args: object, **kwargs: object) -> sqlite3.Connection:
        error = sqlite3.OperationalError("database is locked")
        error.sqlite_errorname = "SQLITE_BUSY"  # type: ignore[attr-defined]
        raise error

    monkeypatch.setattr(integrity.sqlite3, "connect", busy)
    with pytest.raises(UserFacingError) as problem:
        open_database(data_dir)
    monkeypatch.undo()

    assert not isinstance(problem.value, DamagedDatabase)
    assert "Another program may be using" in problem.value.message
    assert "Nothing was changed." in problem.value.message
    assert "Close other programs" in problem.value.next_step
    assert database_path(data_dir).read_bytes() == before
    assert not damaged_dir(data_dir).exists()
