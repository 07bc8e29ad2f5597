"""SQLite addresses with an empty authority and a quoted path, on every platform."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.storage.db import Database, open_database
from desktop_app.storage.paths import backups_dir
from desktop_app.storage.sqlite_uri import database_file, engine_url, file_uri


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        (r"C:\Users\Ana\Partner Log\records.sqlite3", "file:///C:/Users/Ana/Partner%20Log/records.sqlite3"),
        (r"M:\records.sqlite3", "file:///M:/records.sqlite3"),  # a mapped drive stays one
        (r"\\server\share\Ana\records.sqlite3", "file:////server/share/Ana/records.sqlite3"),
        (r"C:\Users\Zoë\#1 100%\r.sqlite3", "file:///C:/Users/Zo%C3%AB/%231%20100%25/r.sqlite3"),
    ],
)  # fmt: skip
def test_windows_paths_become_uris_sqlite_accepts(path: str, uri: str) -> None:
    assert file_uri(path, platform="win32") == uri


def test_query_parameters_follow_the_quoted_path() -> None:
    uri = file_uri("/home/ana/what?#now/r.sqlite3", platform="linux", mode="ro")
    assert uri == "file:///home/ana/what%3F%23now/r.sqlite3?mode=ro"


def test_the_authority_is_always_empty() -> None:
    for path, platform in [(r"\\nas\records\r.sqlite3", "win32"), ("/srv/r.sqlite3", "linux")]:
        assert file_uri(path, platform=platform).startswith("file:///")


def test_a_folder_with_awkward_characters_opens(tmp_path: Path) -> None:
    folder = tmp_path / "Zoë's #1 100% ?records"
    database = open_database(folder)
    try:
        assert database.path.parent == folder
        assert database.path.is_file()  # made in the folder, not a cut-off name
        with database.session() as session:
            assert session.connection().exec_driver_sql("PRAGMA fullfsync").scalar() == 1
    finally:
        database.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]
    con = sqlite3.connect(file_uri(database.path, mode="ro"), uri=True)
    try:
        assert con.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
    finally:
        con.close()


def test_the_engine_url_keeps_the_quoting() -> None:
    url = engine_url("/tmp/a #b/r.sqlite3", platform="linux")
    assert url.database == "file:///tmp/a%20%23b/r.sqlite3"
    assert url.query == {"uri": "true"}


def test_the_records_file_is_found_again_from_the_engine(tmp_path: Path) -> None:
    folder = tmp_path / "Zoë #1 100%"
    database = open_database(folder)
    try:
        assert database_file(database.engine.url) == database.path
    finally:
        database.close()


def test_the_backup_before_an_import_goes_beside_the_records(
    database: Database, tmp_path: Path
) -> None:
    """The records file is found from the engine's ``file:`` URI, not taken as a folder
    named "file:" under the current one."""
    from desktop_app.exchange import importing

    with database.session() as session:
        made = importing._backup(session)
    assert made is not None and made.parent == backups_dir(database.data_dir)
    assert not (Path.cwd() / "file:").exists()


def test_a_server_database_is_no_records_file() -> None:
    from sqlalchemy.engine import make_url

    assert database_file(make_url("postgresql+psycopg://karen@db/partners")) is None
