"""Logging in to an organisation's database with a real password, on a real server that
asks for one: from PGPASSWORD, a private .pgpass file or the system keyring. A wrong or
missing password, or a database name that does not exist, is said plainly, and the password
is never shown or logged. A login that may only read is told so when it tries to save."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desktop_app.model import Role
from desktop_app.services import profile
from desktop_app.services.organisation_database import usable_address
from desktop_app.storage.db import Database, open_database_url
from desktop_app.storage.server_db import (
    NotAllowed,
    ServerUnreachable,
    is_connection_problem,
    login_refused,
)
from desktop_app.storage.server_password import SERVICE, keyring_name
from desktop_app.storage.server_url import server_url
from tests.helpers.fake_keyring import FakeKeyring, keyring_in_use, without_libpq_password
from tests.helpers.postgres_server import ThrowawayServer

PASSWORD = "Correct-horse-7"
WRONG = "Wrong-horse-8"


@pytest.fixture
def address(postgres_server: ThrowawayServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The libpq address of a database whose role must give PASSWORD; no password is
    set anywhere yet."""
    without_libpq_password(monkeypatch)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/partner-log/pgpass")
    database = postgres_server.new_database()
    name = f"karen_{database.removeprefix('test_')}"
    yield postgres_server.add_login(name, PASSWORD, database)
    postgres_server.drop_database(database)
    postgres_server.admin(f'DROP ROLE IF EXISTS "{name}"')


def _people(database: Database) -> int:
    with database.engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM person")).scalar_one())


def _partners_on(address: str) -> int:
    database = open_database_url(address)
    try:
        return _people(database)
    finally:
        database.close()


def test_the_password_from_pgpassword_logs_in(
    address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    assert _partners_on(address) == 0


def test_the_password_from_a_private_pgpass_file_logs_in(
    address: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = server_url(address)
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{url.port}:{url.database}:{url.username}:{PASSWORD}\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    assert _partners_on(address) == 0


def test_the_password_from_the_keyring_logs_in(address: str) -> None:
    with keyring_in_use(FakeKeyring()) as fake:
        fake.set_password(SERVICE, keyring_name(server_url(address)), PASSWORD)
        assert _partners_on(address) == 0


def _refusal(address: str, caplog: pytest.LogCaptureFixture) -> str:
    """What the person is told when the login is turned down; checks that no password
    is in it, in the log or in the error behind it."""
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ServerUnreachable) as refused:
        open_database_url(address)
    said = str(refused.value)
    everything = said + caplog.text + repr(refused.value.__cause__)
    for secret in (PASSWORD, WRONG):
        assert secret not in everything
    return said


def test_a_wrong_password_is_said_plainly_and_never_shown(
    address: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("PGPASSWORD", WRONG)
    said = _refusal(address, caplog)
    assert said.startswith("The shared database did not accept your name or password.")
    assert "\u201cpartner-log database-password\u201d" in said
    assert "could not reach" not in said  # it is not a network problem


def test_a_missing_password_says_where_to_keep_one(
    address: str, caplog: pytest.LogCaptureFixture
) -> None:
    said = _refusal(address, caplog)
    assert said.startswith("The shared database asks for a password, and none was found.")
    assert "\u201cpartner-log database-password\u201d" in said and ".pgpass" in said


def test_a_wrong_keyring_password_is_refused_too(
    address: str, caplog: pytest.LogCaptureFixture
) -> None:
    with keyring_in_use(FakeKeyring()) as fake:
        fake.set_password(SERVICE, keyring_name(server_url(address)), WRONG)
        said = _refusal(address, caplog)
    assert said.startswith("The shared database did not accept your name or password.")


def test_a_connection_lost_after_logging_in_is_not_called_a_refusal(
    address: str, postgres_server: ThrowawayServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    database = open_database_url(address)
    try:
        with database.engine.connect() as connection:
            pid = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
            postgres_server.admin(f"SELECT pg_terminate_backend({pid})")
            with pytest.raises(DBAPIError) as lost:
                connection.execute(text("SELECT 1"))
    finally:
        database.close()
    assert login_refused(lost.value) is None
    assert is_connection_problem(lost.value)


def test_a_database_name_that_does_not_exist_is_said_as_such(
    address: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    misspelt = address.rsplit("/", 1)[0] + "/partners_misspelt"
    said = _refusal(misspelt, caplog)
    assert said.startswith("The database named in postgresql://")
    assert "partners_misspelt does not exist" in said


def _refused_save(address: str) -> str:
    """Open the records at ``address``, read them, try to set them up: what the person is
    told, once it is checked that nothing was saved."""
    database = open_database_url(address)
    try:
        assert _people(database) == 0  # reading works
        with pytest.raises(NotAllowed) as refused, database.session() as session:
            profile.setup(session, Role.COORDINATOR, "Karen Lee", project_name="Pain care")
        assert _people(database) == 0
        return str(refused.value)
    finally:
        database.close()


def test_a_login_that_may_only_read_is_told_so_when_it_tries_to_save(
    postgres_server: ThrowawayServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    without_libpq_password(monkeypatch)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/partner-log/pgpass")
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    database = postgres_server.new_database()
    reader = postgres_server.add_login(
        f"reader_{database.removeprefix('test_')}", PASSWORD, database, may_save=False
    )
    try:
        assert _refused_save(reader).startswith(
            "Your login to the shared database may only read the records. Nothing was changed."
        )
    finally:
        postgres_server.drop_database(database)


def test_a_server_open_only_for_reading_says_so_when_asked_to_save(
    postgres_server: ThrowawayServer,
) -> None:
    database = postgres_server.new_database()
    postgres_server.admin(f'ALTER DATABASE "{database}" SET default_transaction_read_only = on')
    try:
        said = _refused_save(postgres_server.url(database).render_as_string(hide_password=False))
        assert said.startswith(
            "The shared database is open only for reading just now. Nothing was changed."
        )
    finally:
        postgres_server.drop_database(database)


def test_a_copy_without_the_driver_says_so_before_trying(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as in a copy built without it
    with pytest.raises(ServerUnreachable) as missing:
        usable_address("postgresql://karen@db.example.org/partners")
    assert str(missing.value).startswith("This copy of Partner Log cannot use a shared database.")
