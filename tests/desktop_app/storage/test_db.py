"""Storage: safe connection settings, migrations, and refusing newer databases."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from desktop_app.errors import NewerDatabase, UserFacingError
from desktop_app.model import Base
from desktop_app.storage import db as db_module
from desktop_app.storage.db import SCHEMA_HEAD, known_revisions, open_database
from desktop_app.storage.paths import backups_dir, database_path
from tests.helpers.platforms import assert_private


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _pragmas(connection: object) -> tuple[str, int, int, int]:
    run = connection.exec_driver_sql  # type: ignore[attr-defined]
    return (
        run("PRAGMA journal_mode").scalar(),
        run("PRAGMA synchronous").scalar(),
        run("PRAGMA foreign_keys").scalar(),
        run("PRAGMA busy_timeout").scalar(),
    )


def test_every_pooled_connection_is_safe(data_dir: Path) -> None:
    database = open_database(data_dir)
    seen: list[tuple[str, int, int, int]] = []

    def check() -> None:
        with database.engine.connect() as connection:
            seen.append(_pragmas(connection))

    threads = [threading.Thread(target=check) for _ in range(4)]
    with database.engine.connect() as held:  # keep one busy so others are new connections
        seen.append(_pragmas(held))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    database.close()
    # journal_mode WAL, synchronous FULL (2), foreign keys on, a busy timeout
    assert seen == [("wal", 2, 1, db_module.BUSY_TIMEOUT_MS)] * 5


def test_fresh_folder_is_migrated_to_the_newest_schema(data_dir: Path) -> None:
    database = open_database(data_dir)
    with database.engine.connect() as connection:
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        # The migrations produce exactly the tables and columns the model declares.
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    database.close()
    assert version == SCHEMA_HEAD
    assert diff == []
    assert_private(database_path(data_dir))


def test_schema_head_constant_matches_alembic() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(db_module.MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_HEAD
    assert SCHEMA_HEAD in known_revisions()


def test_a_newer_database_is_refused_and_left_untouched(data_dir: Path) -> None:
    open_database(data_dir).close()
    path = database_path(data_dir)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'from-the-future'")
    con.commit()
    con.close()
    before = _digest(path)
    files_before = sorted(p.name for p in data_dir.iterdir())

    with pytest.raises(NewerDatabase) as refused:
        open_database(data_dir)

    assert "newer version" in refused.value.message
    assert _digest(path) == before
    assert sorted(p.name for p in data_dir.iterdir()) == files_before


def test_an_older_database_is_backed_up_before_it_is_upgraded(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database(data_dir).close()
    upgraded: list[str] = []
    # Pretend this version of the app knows one more revision than the file has.
    monkeypatch.setattr(db_module, "SCHEMA_HEAD", "0002-next")
    monkeypatch.setattr(db_module, "migrate", lambda engine: upgraded.append("yes"))

    open_database(data_dir).close()

    backups = list(backups_dir(data_dir).glob("*before-upgrade*.sqlite3"))
    assert upgraded == ["yes"]
    assert len(backups) == 1
    assert sqlite3.connect(backups[0]).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_file_that_is_not_a_database_gets_a_plain_message(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    database_path(data_dir).write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(UserFacingError) as problem:
        open_database(data_dir)
    assert "could not be read" in problem.value.message


def test_reads_in_one_transaction_see_one_moment(data_dir: Path) -> None:
    """A figure and its total, read one after the other, never disagree."""
    from datetime import date

    from desktop_app.model import Role
    from desktop_app.services import activities, profile

    database = open_database(data_dir)
    with database.session() as session:
        profile.setup(session, Role.PARTNER, "Ana", project_name="Pain care")
    with database.session() as reader:
        before = activities.count_activities(reader)
        with database.session() as writer:  # another connection saves meanwhile
            activities.record_activity(writer, date=date(2024, 1, 2), minutes=30, kind="other")
        assert activities.count_activities(reader) == before == 0
    with database.session() as later:
        assert activities.count_activities(later) == 1
    database.close()
