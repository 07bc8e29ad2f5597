"""An organisation's database server whose disk is full: the save is refused in plain
words, nothing is half saved, and the records read as before.

The server keeps the test database on a small disk of its own (a tmpfs, as a
tablespace), which the test fills to the last byte."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app.model import Role
from desktop_app.services import activities, profile
from desktop_app.storage.db import Database, open_database_url
from desktop_app.storage.server_db import ServerFull
from tests.helpers.disk_faults import fill, mount_tmpfs, unmount
from tests.helpers.postgres_server import SUPERUSER, ThrowawayServer


@pytest.fixture
def database_on_a_small_disk(
    postgres_server: ThrowawayServer, tmp_path: Path
) -> Iterator[tuple[Database, Path]]:
    name = f"small_disk_{tmp_path.name}"[:60]
    disk = postgres_server.folder / name  # inside the server's folder, which it may enter
    why_not = mount_tmpfs(disk, "24m")
    if why_not is not None:
        pytest.skip(f"no real small disk: {why_not}")
    try:
        shutil.chown(disk, SUPERUSER, SUPERUSER)
        postgres_server.admin(
            f"CREATE TABLESPACE \"{name}\" LOCATION '{disk}'",
            f'CREATE DATABASE "{name}" TABLESPACE "{name}" TEMPLATE template0',
        )
        database = open_database_url(postgres_server.url(name))
        try:
            yield database, disk
        finally:
            database.close()
    finally:
        postgres_server.admin(
            f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'DROP TABLESPACE IF EXISTS "{name}"'
        )
        unmount(disk)


def _entries(database: Database) -> int:
    with database.engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM activity")).scalar_one())


def test_a_full_server_disk_is_said_plainly_and_nothing_is_half_saved(
    database_on_a_small_disk: tuple[Database, Path],
) -> None:
    database, disk = database_on_a_small_disk
    with database.session() as session:
        profile.setup(session, Role.PARTNER, "Ana Souza", project_name="Better Pain Care")
        activities.record_activity(session, date=date(2026, 9, 1), minutes=60, kind="meeting")
    fill(disk)
    with pytest.raises(ServerFull) as refused, database.session() as session:
        for day in range(1, 29):  # more than the last free page can hold
            activities.record_activity(
                session, date=date(2026, 9, day), minutes=90, kind="reviewing", note="n" * 900
            )
    assert str(refused.value) == (
        "The shared database has no room left on its disk. "
        "Nothing was changed. Ask your IT team to make room on the server."
    )
    assert refused.value.exit_code == 1
    assert _entries(database) == 1  # the one saved before, and nothing of the refused save
