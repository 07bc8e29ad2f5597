"""The password for an organisation's PostgreSQL database, from the system keyring.

libpq finds a password itself in ``PGPASSWORD`` and in ``~/.pgpass`` (or the file
``PGPASSFILE`` or the address's ``passfile`` names). When neither is there, Partner Log
looks in the system keyring (macOS Keychain, Windows Credential Manager, the Secret
Service on Linux) under:

- service ``Partner Log`` (``SERVICE``);
- user name ``user@host:port/database`` (``keyring_name``), made from the address without
  a password. libpq's defaults fill what the address leaves out: ``PGUSER`` or the
  login name, ``PGHOST`` or ``localhost``, ``PGPORT`` or 5432.

The password found is given to psycopg as its ``password`` connect argument only: it is
never put in an address, in the settings or in the log. Without the ``keyring`` package,
without a working keyring, or with nothing stored, Partner Log connects without it and
the server's "needs a password" is said in plain words as before.

``partner-log database-password`` stores and forgets the password.
"""

from __future__ import annotations

import getpass
import logging
import os
import stat
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from desktop_app.errors import UserFacingError
from desktop_app.i18n import _
from desktop_app.storage.server_url import hosts

log = logging.getLogger("partner_log.server")

SERVICE = "Partner Log"
DEFAULT_PORT = 5432


def keyring_name(url: URL) -> str:
    """The keyring user name for the database at ``url``: ``user@host:port/database``."""
    user = url.username or os.environ.get("PGUSER") or getpass.getuser()
    host = ",".join(host for host in hosts(url) if host) or os.environ.get("PGHOST", "")
    port: Any = url.port or url.query.get("port") or os.environ.get("PGPORT") or DEFAULT_PORT
    if isinstance(port, tuple):
        port = ",".join(port)
    return f"{user}@{host or 'localhost'}:{port}/{url.database}"


def password_file(url: URL) -> Path:
    """The password file libpq reads for ``url``."""
    named = url.query.get("passfile") or os.environ.get("PGPASSFILE")
    if isinstance(named, tuple):
        named = named[-1]
    if named:
        return Path(named).expanduser()
    if os.name == "nt":  # pragma: no cover - Windows only
        return Path(os.environ.get("APPDATA", "")) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _usable(path: Path) -> bool:
    """True when libpq would read ``path``: a file, and on POSIX for its owner only."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    if not stat.S_ISREG(mode):
        return False
    return os.name == "nt" or not mode & (stat.S_IRWXG | stat.S_IRWXO)


def libpq_has_password(url: URL) -> bool:
    """True when libpq has a password to try without the keyring."""
    if url.password is not None or "password" in url.query:
        return True
    if os.environ.get("PGPASSWORD"):
        return True
    return _usable(password_file(url))


def _keyring() -> Any:
    try:
        import keyring
    except ImportError:
        return None
    return keyring


def stored_password(url: URL) -> str | None:
    """The password kept in the system keyring for ``url``, or None."""
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        found = keyring.get_password(SERVICE, keyring_name(url))
    except Exception as exc:  # no backend, a locked or broken keyring: connect without
        log.info("no password from the system keyring: %s", type(exc).__name__)
        return None
    return found or None


def keyring_connect_args(url: URL) -> dict[str, str]:
    """``{"password": ...}`` from the keyring when libpq would find none itself, else {}."""
    if libpq_has_password(url):
        return {}
    found = stored_password(url)
    if found is None:
        return {}
    log.info("using the password kept in the system keyring")
    return {"password": found}


def _no_keyring() -> UserFacingError:
    return UserFacingError(
        _("This computer has no password keyring that Partner Log can use."),
        _("Use your .pgpass file for the password instead. Nothing was changed."),
    )


def _usable_keyring() -> Any:
    keyring = _keyring()
    if keyring is None:
        raise _no_keyring()
    from keyring.backends import fail

    if isinstance(keyring.get_keyring(), fail.Keyring):
        raise _no_keyring()
    return keyring


def store_password(url: URL, password: str) -> None:
    """Keep ``password`` for ``url`` in the system keyring."""
    keyring = _usable_keyring()
    try:
        keyring.set_password(SERVICE, keyring_name(url), password)
    except Exception as exc:
        log.warning("the system keyring did not save the password: %s", type(exc).__name__)
        raise _no_keyring() from None


def forget_password(url: URL) -> bool:
    """Remove the password for ``url`` from the keyring; False if none was there."""
    keyring = _usable_keyring()
    from keyring.errors import PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, keyring_name(url))
    except PasswordDeleteError:
        return False
    except Exception as exc:
        log.warning("the system keyring did not remove the password: %s", type(exc).__name__)
        raise _no_keyring() from None
    return True
