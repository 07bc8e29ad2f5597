"""SQLite addresses for a records file, right on every platform.

SQLite reads a ``file:`` URI only with an empty authority (``file:///...``). A Windows
network path must not become ``file://server/share/...`` (which SQLite refuses, as
``Path.as_uri()`` gives for a mapped drive after ``resolve()``), and characters such as
``?``, ``#`` and ``%`` in folder names must be quoted or SQLite reads them as the query.

- ``C:\\Users\\Ana\\records.sqlite3`` becomes ``file:///C:/Users/Ana/records.sqlite3``.
- ``\\\\server\\share\\records.sqlite3`` becomes ``file:////server/share/records.sqlite3``.
- ``/home/ana/my #1?/records.sqlite3`` becomes ``file:///home/ana/my%20%231%3F/...``.

Paths are made absolute without ``resolve()``, so a mapped drive letter stays a drive
letter. ``engine_url`` wraps the URI for SQLAlchemy without its own unquoting.
"""

from __future__ import annotations

import ntpath
import os
import posixpath
import sys
from pathlib import Path, PureWindowsPath
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlencode, urlsplit

if TYPE_CHECKING:
    from sqlalchemy.engine import URL


def file_uri(path: str | os.PathLike[str], platform: str | None = None, **query: str) -> str:
    """The ``file:`` URI of ``path`` for SQLite, with ``query`` as its parameters."""
    platform = sys.platform if platform is None else platform
    text = os.fspath(path)
    if platform == "win32":
        if platform == sys.platform:
            text = ntpath.abspath(text)  # pragma: no cover - on Windows only
        address = PureWindowsPath(text).as_posix()  # C:/... or //server/share/...
    else:
        address = posixpath.abspath(text)
    if not address.startswith("/"):
        address = "/" + address
    uri = "file://" + quote(address, safe="/:")
    if query:
        uri += "?" + urlencode(query)
    return uri


def engine_url(path: str | os.PathLike[str], platform: str | None = None) -> URL:
    """A SQLAlchemy URL that opens ``path`` through its ``file:`` URI."""
    # Imported here: the first paint reads the records with the standard library alone.
    from sqlalchemy.engine import URL

    return URL.create("sqlite", database=file_uri(path, platform), query={"uri": "true"})


def database_file(url: URL) -> Path | None:
    """The records file an engine's URL opens (None for a database in memory, or for a
    database on a server, such as an organisation's PostgreSQL database)."""
    database = url.database
    if not database or url.get_backend_name() != "sqlite":
        return None
    if url.query.get("uri") != "true" or not database.startswith("file:"):
        return Path(database)
    address = unquote(urlsplit(database).path)
    if sys.platform == "win32":  # pragma: no cover - on Windows only
        address = address[1:] if address[:1] == "/" and address[2:3] == ":" else address
    return Path(address)
