"""The password for an organisation's database from the system keyring: asked for only
when libpq has none, given to psycopg alone, never logged or shown."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail
from sqlalchemy import Engine, event

from desktop_app.storage.server_db import make_server_engine, migration_engine
from desktop_app.storage.server_password import SERVICE, keyring_connect_args, keyring_name
from desktop_app.storage.server_url import redacted, server_url
from tests.helpers.fake_keyring import FakeKeyring, keyring_in_use, without_libpq_password

SECRET = "S3cret-from-the-keyring"
ADDRESS = "postgresql://karen@db.example.org:5433/partners"
NAME = "karen@db.example.org:5433/partners"


@pytest.fixture
def no_libpq_password(monkeypatch: pytest.MonkeyPatch) -> None:
    without_libpq_password(monkeypatch)


@pytest.fixture
def fake_keyring(no_libpq_password: None) -> Iterator[FakeKeyring]:
    with keyring_in_use(FakeKeyring()) as fake:
        assert isinstance(fake, FakeKeyring)
        yield fake


def connect_params(engine: Engine) -> dict[str, Any]:
    """What the engine would hand to psycopg.connect, caught before it connects."""
    seen: dict[str, Any] = {}

    class Caught(Exception):
        pass

    @event.listens_for(engine, "do_connect")
    def catch(dialect: Any, record: Any, cargs: Any, cparams: dict[str, Any]) -> None:
        seen.update(cparams)
        raise Caught

    with pytest.raises(Caught):
        engine.connect()
    engine.dispose()
    return seen


@pytest.mark.parametrize(
    ("address", "name"),
    [
        (ADDRESS, NAME),
        ("postgresql://karen@db.example.org/partners", "karen@db.example.org:5432/partners"),
        (
            "postgresql://karen@/partners?host=/var/run/postgresql&port=5434",
            "karen@/var/run/postgresql:5434/partners",
        ),
    ],
)
def test_the_keyring_name_is_the_address_without_its_password(
    address: str, name: str, no_libpq_password: None
) -> None:
    assert keyring_name(server_url(address)) == name
    assert keyring_name(server_url(address.replace("karen@", "karen:pw@"))) == name


def test_the_keyring_password_reaches_both_engines(fake_keyring: FakeKeyring) -> None:
    fake_keyring.set_password(SERVICE, NAME, SECRET)
    url = server_url(ADDRESS)
    for engine in (make_server_engine(url), migration_engine(url)):
        params = connect_params(engine)
        assert params["password"] == SECRET
        assert params["connect_timeout"] == 10
        assert SECRET not in repr(engine) and SECRET not in str(engine.url)


def test_pgpassword_wins_over_the_keyring(
    fake_keyring: FakeKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_keyring.set_password(SERVICE, NAME, SECRET)
    monkeypatch.setenv("PGPASSWORD", "from-the-environment")
    assert "password" not in connect_params(make_server_engine(server_url(ADDRESS)))


def test_a_pgpass_file_wins_over_the_keyring(
    fake_keyring: FakeKeyring, private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_keyring.set_password(SERVICE, NAME, SECRET)
    url = server_url(ADDRESS)
    pgpass = private_home / ".pgpass"
    pgpass.write_text("db.example.org:5433:partners:karen:from-the-file\n")
    if os.name != "nt":
        pgpass.chmod(0o644)  # libpq ignores a file others can read
        assert keyring_connect_args(url) == {"password": SECRET}
    pgpass.chmod(0o600)
    assert keyring_connect_args(url) == {}
    pgpass.unlink()
    elsewhere = private_home / "passwords"
    elsewhere.write_text("*:*:*:*:x\n")
    elsewhere.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(elsewhere))
    assert keyring_connect_args(url) == {}


def test_nothing_stored_means_no_password(fake_keyring: FakeKeyring) -> None:
    assert "password" not in connect_params(make_server_engine(server_url(ADDRESS)))


def test_no_keyring_means_no_password_and_no_crash(
    no_libpq_password: None, caplog: pytest.LogCaptureFixture
) -> None:
    with keyring_in_use(fail.Keyring()), caplog.at_level(logging.DEBUG):
        params = connect_params(make_server_engine(server_url(ADDRESS)))
    assert "password" not in params
    assert "NoKeyringError" in caplog.text


def test_without_the_keyring_package_there_is_no_password(
    no_libpq_password: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "keyring", None)  # the import fails
    assert keyring_connect_args(server_url(ADDRESS)) == {}


def test_the_password_is_never_logged(
    fake_keyring: FakeKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    fake_keyring.set_password(SERVICE, NAME, SECRET)
    with caplog.at_level(logging.DEBUG):
        engine = make_server_engine(server_url(ADDRESS))
        connect_params(engine)
        logging.getLogger("test").info("engine %r at %s", engine, redacted(engine.url))
    assert "system keyring" in caplog.text
    assert SECRET not in caplog.text
