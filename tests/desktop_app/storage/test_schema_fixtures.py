"""Every released schema upgrades to the newest one with every row intact.

The fixtures in tests/fixtures/schemas were written by the app at each revision (see
tests/fixtures/make_schema_fixture.py). Each is upgraded the way the app does it, and
every table's rows are compared by content hash, so a table copy that drops or
cascade-deletes rows fails here.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop_app.errors import UserFacingError
from desktop_app.storage import db as db_module
from desktop_app.storage.backup import integrity_problems
from desktop_app.storage.db import SCHEMA_HEAD, open_database
from desktop_app.storage.paths import backups_dir, database_path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "schemas"
RELEASED = sorted(FIXTURES.glob("schema-*.sqlite3"))

TableHashes = dict[str, tuple[int, str]]


def table_hashes(path: Path, columns_of: dict[str, list[str]] | None = None) -> TableHashes:
    """Per table: row count and a hash of every row (of the given columns)."""
    con = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
            )
        ]
        found: TableHashes = {}
        for table in tables if columns_of is None else list(columns_of):
            columns = (columns_of or {}).get(table) or [
                row[1] for row in con.execute(f'PRAGMA table_info("{table}")')
            ]
            quoted = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(f'SELECT {quoted} FROM "{table}" ORDER BY {quoted}').fetchall()
            found[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
        return found
    finally:
        con.close()


def columns(path: Path) -> dict[str, list[str]]:
    con = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
            )
        ]
        return {t: [r[1] for r in con.execute(f'PRAGMA table_info("{t}")')] for t in names}
    finally:
        con.close()


def _revision(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return str(con.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        con.close()


def test_there_is_a_fixture_for_every_released_schema() -> None:
    assert {p.name for p in RELEASED} >= {"schema-0001.sqlite3", "schema-0002.sqlite3"}


@pytest.mark.parametrize("fixture", RELEASED, ids=[p.stem for p in RELEASED])
def test_upgrade_keeps_every_row(fixture: Path, data_dir: Path) -> None:
    assert fixture.stem == f"schema-{_revision(fixture)}"
    data_dir.mkdir(parents=True)
    path = database_path(data_dir)
    shutil.copyfile(fixture, path)
    old_columns = columns(path)
    before = table_hashes(path, old_columns)
    assert before["activity"][0] > 0 and before["activity_product"][0] > 0

    open_database(data_dir).close()

    assert _revision(path) == SCHEMA_HEAD
    assert table_hashes(path, old_columns) == before
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()
    assert integrity_problems(path) == []
    [backup] = backups_dir(data_dir).glob("*before-upgrade.sqlite3")
    assert table_hashes(backup, old_columns) == before


def test_the_row_check_notices_a_lost_row(data_dir: Path) -> None:
    """What a table copy with cascading foreign keys does: links vanish with a parent."""
    data_dir.mkdir(parents=True)
    path = database_path(data_dir)
    shutil.copyfile(RELEASED[0], path)
    old_columns = columns(path)
    before = table_hashes(path, old_columns)
    con = sqlite3.connect(path)
    con.execute(
        "DELETE FROM activity_product WHERE rowid = (SELECT min(rowid) FROM activity_product)"
    )
    con.commit()
    con.close()
    after = table_hashes(path, old_columns)
    assert after["activity_product"] != before["activity_product"]
    assert after["activity"] == before["activity"]


def test_an_upgrade_that_breaks_links_is_undone(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir.mkdir(parents=True)
    path = database_path(data_dir)
    shutil.copyfile(RELEASED[0], path)
    before = table_hashes(path)

    def bad_upgrade(config: object, target: str) -> None:
        connection = config.attributes["connection"]  # type: ignore[attr-defined]
        connection.exec_driver_sql("ALTER TABLE activity ADD COLUMN extra INTEGER")
        connection.exec_driver_sql("UPDATE activity SET person_id = 'nobody'")

    monkeypatch.setattr("alembic.command.upgrade", bad_upgrade)
    with pytest.raises(UserFacingError) as refused:
        db_module.migrate(db_module.make_engine(path))
    assert "left it as it was" in refused.value.message
    assert table_hashes(path) == before  # the new column and the changes are gone
