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

from sqlalchemy.orm import Session

from desktop_app.model import ActivityKind, Role
from desktop_app.services import activities, profile
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
    """One copy of Partner Log: a data folder, its database and its owner."""

    def __init__(self, folder: Path, role: Role, name: str) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(empty_database_file(), database_path(folder))
        self.db: Database = open_database(folder)
        self.role = role
        with self.db.session() as session:
            profile.setup(session, role, name)
            self.person_id = profile.owner(session).id
            self.installation_id = profile.require_installation(session).id

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self.db.session() as session:
            return fn(session, *args, **kwargs)

    def content_hash(self) -> str:
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


def add_time(session: Session, minutes: int = 60, note: str = "", day: int = 1) -> str:
    entry = activities.record_activity(
        session, date=date(2025, 3, day), minutes=minutes, kind=ActivityKind.MEETING, note=note
    )
    return entry.id
