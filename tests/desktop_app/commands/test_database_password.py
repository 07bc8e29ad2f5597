"""``partner-log database-password``: keeps the password in the system keyring and
removes it, never printing, logging or saving it anywhere else."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail

from desktop_app.commands import database_password
from desktop_app.storage.server_password import SERVICE
from tests.helpers.cli import run
from tests.helpers.fake_keyring import FakeKeyring, keyring_in_use, without_libpq_password

SECRET = "S3cret-typed-by-Karen"
ADDRESS = "postgresql://karen@db.example.org:5433/partners"
NAME = "karen@db.example.org:5433/partners"


@pytest.fixture
def fake_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeKeyring]:
    without_libpq_password(monkeypatch)
    with keyring_in_use(FakeKeyring()) as fake:
        assert isinstance(fake, FakeKeyring)
        yield fake


def karen(tmp_path: Path) -> list[str | Path]:
    return ["--data-dir", tmp_path / "karen", "--database-url", ADDRESS]


def files_holding(secret: str, *folders: Path) -> list[Path]:
    return [
        path
        for folder in folders
        for path in folder.rglob("*")
        if path.is_file() and secret.encode() in path.read_bytes()
    ]


def test_the_password_is_kept_then_forgotten(
    fake_keyring: FakeKeyring,
    tmp_path: Path,
    private_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(SECRET + "\n"))
    with caplog.at_level(logging.DEBUG):
        status, out, err = run(capsys, *karen(tmp_path), "database-password", "--stdin")
    assert status == 0, err
    assert NAME in out and "keyring" in out
    assert fake_keyring.kept == {(SERVICE, NAME): SECRET}
    assert SECRET not in out + err + caplog.text
    assert files_holding(SECRET, tmp_path, private_home) == []

    status, out, _ = run(capsys, *karen(tmp_path), "database-password", "--forget")
    assert status == 0 and "removed" in out
    assert fake_keyring.kept == {}
    status, out, _ = run(capsys, *karen(tmp_path), "database-password", "--forget")
    assert status == 0 and "no password" in out


def test_a_terminal_asks_without_showing_the_password(
    fake_keyring: FakeKeyring,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    asked: list[str] = []

    def hidden_input(prompt: str) -> str:
        asked.append(prompt)
        return SECRET

    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr(database_password.getpass, "getpass", hidden_input)
    status, out, _ = run(capsys, *karen(tmp_path), "database-password")
    assert status == 0
    assert asked == [f"Password for {NAME}: "]
    assert fake_keyring.kept == {(SERVICE, NAME): SECRET}
    assert SECRET not in out


def test_piped_input_needs_stdin(
    fake_keyring: FakeKeyring,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(SECRET + "\n"))
    status, out, err = run(capsys, *karen(tmp_path), "database-password")
    assert status == 2 and "--stdin" in err
    assert fake_keyring.kept == {}
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    status, out, err = run(capsys, *karen(tmp_path), "database-password", "--stdin")
    assert status == 2 and "empty" in err
    assert fake_keyring.kept == {}


def test_no_address_and_no_keyring_are_said_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("PARTNER_LOG_DATABASE_URL", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(SECRET + "\n"))
    status, _, err = run(capsys, "--data-dir", tmp_path / "k", "database-password", "--stdin")
    assert status == 2 and "--database-url" in err
    monkeypatch.setattr("sys.stdin", io.StringIO(SECRET + "\n"))
    with keyring_in_use(fail.Keyring()):
        status, out, err = run(capsys, *karen(tmp_path), "database-password", "--stdin")
    assert status != 0 and ".pgpass" in err
    assert SECRET not in out + err
