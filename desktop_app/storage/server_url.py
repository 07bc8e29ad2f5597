"""The address of an organisation's PostgreSQL database, made safe to use and to show.

IT gives coordinators a libpq address such as ``postgresql://karen@db.example.org/partners``.
``server_url`` turns it into a SQLAlchemy URL for the psycopg 3 driver:

- ``postgres://`` and ``postgresql://`` become ``postgresql+psycopg://``;
- a host that is not this computer gets ``sslmode=require``, unless the address (or
  ``PGSSLMODE``) already says how to use TLS;
- a password is never needed in the address: libpq reads ``~/.pgpass`` and ``PGPASSWORD``.

``redacted`` is the only form of an address that may be shown or logged: it has no
password, in the user part or in the query.
"""

from __future__ import annotations

import os

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from desktop_app.errors import InvalidInput
from desktop_app.i18n import _

DRIVER = "postgresql+psycopg"
_SCHEMES = ("postgres", "postgresql", "postgresql+psycopg")
_LOCAL_HOSTS = frozenset({"", "localhost", "127.0.0.1", "::1"})
_SECRET_KEYS = frozenset({"password", "passfile"})


def _bad_address() -> InvalidInput:
    return InvalidInput(
        _("That database address cannot be used."),
        _("Use one like postgresql://name@server/database. Ask your IT team for it."),
        "database_url",
    )


def server_url(text: str | URL) -> URL:
    """A psycopg URL for the PostgreSQL address ``text``; ``InvalidInput`` if it is not one."""
    try:
        url = make_url(text) if isinstance(text, str) else text
    except ArgumentError:
        raise _bad_address() from None
    if url.drivername not in _SCHEMES or not url.database:
        raise _bad_address()
    url = url.set(drivername=DRIVER)
    if "sslmode" not in url.query and not os.environ.get("PGSSLMODE") and not is_local(url):
        url = url.update_query_dict({"sslmode": "require"})
    return url


def hosts(url: URL) -> list[str]:
    """The hosts the address names (the ``host`` in the query names a socket folder)."""
    found = [url.host or ""]
    query_host = url.query.get("host")
    if query_host:
        found = list(query_host) if isinstance(query_host, tuple) else [query_host]
    return found


def is_local(url: URL) -> bool:
    """True when every host is this computer: its name, loopback, or a socket folder."""
    return all(host in _LOCAL_HOSTS or host.startswith("/") for host in hosts(url))


def redacted(url: URL | str) -> str:
    """``url`` as text that may be shown or logged: never with a password."""
    if isinstance(url, str):
        try:
            url = make_url(url)
        except ArgumentError:
            return "?"
    query = {k: v for k, v in url.query.items() if k not in _SECRET_KEYS}
    # Written as people and libpq write it: "postgresql://", without the driver's name.
    scheme = url.get_backend_name()
    # ``URL.set(password=None)`` leaves the password as it was; build the URL again.
    bare = URL.create(scheme, url.username, None, url.host, url.port, url.database, query)
    return bare.render_as_string(hide_password=True)


def without_password(url: URL) -> str:
    """``url`` as text to keep in the settings: the same address, with no password."""
    return redacted(url)


def address_to_keep(text: str) -> str:
    """The address a coordinator typed, checked, as it is kept in the settings ("" for
    the records file in the folder). ``InvalidInput`` if it cannot be used or holds a
    password: passwords stay in ``~/.pgpass``, never in the settings."""
    typed = text.strip()
    if not typed:
        return ""
    try:
        url = server_url(typed)
    except InvalidInput as problem:
        problem.field = "organisation_database"
        raise
    if url.password is not None or "password" in url.query:
        raise InvalidInput(
            _("Leave the password out of the address."),
            _("Partner Log reads it from your .pgpass file, so it is never saved."),
            "organisation_database",
        )
    return typed
