"""Addresses of an organisation's database: normalised, TLS by default, never shown with a
password."""

from __future__ import annotations

import pytest

from desktop_app.errors import InvalidInput
from desktop_app.storage.server_url import is_local, redacted, server_url


@pytest.mark.parametrize(
    "text",
    [
        "postgresql://karen@db.example.org:5433/partners",
        "postgres://karen@db.example.org:5433/partners",
        "postgresql+psycopg://karen@db.example.org:5433/partners",
    ],
)
def test_libpq_addresses_use_the_psycopg_driver(text: str) -> None:
    url = server_url(text)
    assert url.drivername == "postgresql+psycopg"
    assert (url.username, url.host, url.port, url.database) == (
        "karen",
        "db.example.org",
        5433,
        "partners",
    )


def test_a_distant_server_needs_tls_unless_the_address_says_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PGSSLMODE", raising=False)
    assert server_url("postgresql://k@db.example.org/p").query["sslmode"] == "require"
    chosen = server_url("postgresql://k@db.example.org/p?sslmode=verify-full")
    assert chosen.query["sslmode"] == "verify-full"
    monkeypatch.setenv("PGSSLMODE", "verify-ca")
    assert "sslmode" not in server_url("postgresql://k@db.example.org/p").query


@pytest.mark.parametrize(
    "text",
    [
        "postgresql://k@localhost/p",
        "postgresql://k@127.0.0.1:5432/p",
        "postgresql://k@[::1]/p",
        "postgresql://k@/p?host=/var/run/postgresql",
    ],
)
def test_this_computer_needs_no_tls(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PGSSLMODE", raising=False)
    url = server_url(text)
    assert is_local(url)
    assert "sslmode" not in url.query


@pytest.mark.parametrize(
    "text", ["", "sqlite:///records.sqlite3", "mysql://k@db/p", "postgresql://k@db", "::"]
)
def test_other_addresses_are_refused_plainly(text: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        server_url(text)
    assert "postgresql://" in str(refused.value)


def test_a_password_is_never_shown() -> None:
    shown = redacted("postgresql://karen:S3cret!@db.example.org/partners?password=S3cret!")
    assert "S3cret" not in shown
    assert "karen@db.example.org" in shown
    assert "S3cret" not in redacted(server_url("postgresql://karen:S3cret!@db/p"))


def test_an_address_is_shown_as_the_person_wrote_it_without_the_drivers_name() -> None:
    shown = redacted(server_url("postgres://karen@db.example.org:5433/partners"))
    assert shown == "postgresql://karen@db.example.org:5433/partners?sslmode=require"
    assert server_url(shown) == server_url("postgres://karen@db.example.org:5433/partners")
