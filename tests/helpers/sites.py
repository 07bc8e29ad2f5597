"""Copies of Partner Log for exchange tests: each with its own data folder and database."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.model import ActivityKind, Base, Role
from desktop_app.services import activities, profile
from desktop_app.settings import Preferences, Settings
from desktop_app.storage.db import Database, open_database
from desktop_app.storage.paths import database_path

T = TypeVar("T")


_TEMPLATE: dict[str, Path] = {}


def empty_database_file() -> Path:
    """A migrated, empty database made once per test run, copied for each site (running
    the migrations for every site would make the property tests slow)."""
    if "path" not in _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="partner-log-template-"))
        open_database(folder).close()
        _TEMPLATE["path"] = database_path(folder)
    return _TEMPLATE["path"]


class Site:
    """One copy of Partner Log: a data folder, its database and its owner.

    With ``url`` (a coordinator's), the records are on that PostgreSQL database, and the
    folder's settings say so, so the command line finds them there too.
    """

    def __init__(self, folder: Path, role: Role, name: str, url: str | None = None) -> None:
        self.folder = folder
        self.url = url
        folder.mkdir(parents=True, exist_ok=True)
        if url is None:
            shutil.copyfile(empty_database_file(), database_path(folder))
        else:
            Settings.load(folder).set(Preferences.organisation_database, url)
        self.db: Database = open_database(folder, url)
        self.role = role
        with self.db.session() as session:
            profile.setup(session, role, name)
            self.person_id = profile.owner(session).id
            self.installation_id = profile.require_installation(session).id

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self.db.session() as session:
            return fn(session, *args, **kwargs)

    def content_hash(self) -> str:
        if self.url is not None:
            return rows_hash(self.db)
        return content_hash(database_path(self.folder))

    def close(self) -> None:
        self.db.close()


def content_hash(path: Path) -> str:
    """A fingerprint of every row of every table."""
    con = sqlite3.connect(path)
    try:
        digest = hashlib.sha256()
        tables = [
            row[0]
            for row in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
            )
        ]
        for table in tables:
            digest.update(table.encode())
            for row in con.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
                digest.update(repr(row).encode())
        return digest.hexdigest()
    finally:
        con.close()


def rows_hash(db: Database) -> str:
    """A fingerprint of every row of every table, through SQLAlchemy (any engine)."""
    digest = hashlib.sha256()
    with db.engine.connect() as connection:
        for table in sorted(Base.metadata.sorted_tables, key=lambda t: t.name):
            digest.update(table.name.encode())
            order = list(table.primary_key.columns) or list(table.columns)
            for row in connection.execute(select(table).order_by(*order)):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def add_time(session: Session, minutes: int = 60, note: str = "", day: int = 1) -> str:
    entry = activities.record_activity(
        session, date=date(2025, 3, day), minutes=minutes, kind=ActivityKind.MEETING, note=note
    )
    return entry.id
