"""A system keyring for tests: passwords kept in a dict, never on the real computer."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

#: libpq's variables that would give a password or change the keyring name.
LIBPQ_VARIABLES = ("PGPASSWORD", "PGPASSFILE", "PGUSER", "PGHOST", "PGPORT")


class FakeKeyring(KeyringBackend):
    """A keyring that keeps passwords in a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.kept.pop((service, username), None) is None:
            raise PasswordDeleteError("not there")


def without_libpq_password(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in LIBPQ_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@contextmanager
def keyring_in_use(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    """Use ``backend`` as the system keyring, then put the real one back."""
    before = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(before)
