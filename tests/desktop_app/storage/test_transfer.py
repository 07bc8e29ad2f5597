"""Copying every record between a records file and an organisation's database: all or
nothing, and checked by counts and sums."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app import demo
from desktop_app.errors import UserFacingError
from desktop_app.storage import transfer
from desktop_app.storage.db import Database, open_database, open_database_url
from tests.helpers.postgres_server import ThrowawayServer


@pytest.fixture
def local(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "records")
    with db.session() as session:
        demo.populate(session)
    yield db
    db.close()


@pytest.fixture
def server(postgres_server: ThrowawayServer) -> Iterator[Database]:
    name = postgres_server.new_database()
    db = open_database_url(postgres_server.url(name))
    yield db
    db.close()
    postgres_server.drop_database(name)


def rows_on(db: Database) -> int:
    with db.engine.connect() as connection:
        return transfer.record_count(transfer.tally(connection))


def test_a_copy_holds_every_record_with_the_same_counts_and_sums(
    local: Database, server: Database, tmp_path: Path
) -> None:
    copied = transfer.copy_between(local, server)
    with local.engine.connect() as a, server.engine.connect() as b:
        assert transfer.tally(a) == transfer.tally(b) == copied
    assert transfer.record_count(copied) > 100
    # ...and back out into a records file, which opens like any other.
    made = transfer.write_records_file(server, tmp_path / "back" / "copy.sqlite3")
    again = open_database(tmp_path / "back2")
    again.close()
    (tmp_path / "back2" / "partner-log.sqlite3").write_bytes(made.read_bytes())
    reopened = open_database(tmp_path / "back2")
    try:
        with reopened.engine.connect() as connection:
            assert transfer.tally(connection) == copied
    finally:
        reopened.close()


def test_a_copy_that_fails_half_way_leaves_nothing(
    local: Database, server: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_rows = transfer._rows
    seen: list[str] = []

    def failing(connection, table):  # type: ignore[no-untyped-def]
        seen.append(table.name)
        if len(seen) > 5:
            raise OSError("the network went away")
        return real_rows(connection, table)

    monkeypatch.setattr(transfer, "_rows", failing)
    with pytest.raises(OSError):
        transfer.copy_between(local, server)
    assert rows_on(server) == 0


def test_a_copy_that_does_not_add_up_is_not_kept(
    local: Database, server: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_tally = transfer.tally
    calls: list[int] = []

    def off_by_one(connection):  # type: ignore[no-untyped-def]
        found = real_tally(connection)
        calls.append(1)
        if len(calls) == 2:  # the destination, just before the copy is saved
            count, sums = found["activity"]
            found["activity"] = (count - 1, sums)
        return found

    monkeypatch.setattr(transfer, "tally", off_by_one)
    with pytest.raises(UserFacingError, match="did not match"):
        transfer.copy_between(local, server)
    assert rows_on(server) == 0


def test_records_are_never_copied_over_other_records(local: Database, server: Database) -> None:
    transfer.copy_between(local, server)
    before = rows_on(server)
    with pytest.raises(UserFacingError, match="already holds records"):
        transfer.copy_between(local, server)
    assert rows_on(server) == before


def test_check_on_the_server_finds_a_missing_table(server: Database) -> None:
    from desktop_app.storage.db import SCHEMA_HEAD
    from desktop_app.storage.server_check import check_server

    assert check_server(server.engine, SCHEMA_HEAD).problems == []
    with server.engine.begin() as connection:
        connection.execute(text("DROP TABLE reflection"))
    health = check_server(server.engine, SCHEMA_HEAD)
    assert health.problems == ["missing tables: reflection"]
