"""The database: engine, connection settings, sessions and schema migrations.

A coordinator's records are a SQLite file in the data folder, or an organisation's
PostgreSQL database (``open_database_url``; its specifics are in ``server_db``). SQLite
specifics (pragmas, the read-only version probe) live here and nowhere else, so services
stay portable to PostgreSQL.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from desktop_app.errors import NewerDatabase, UserFacingError
from desktop_app.i18n import _
from desktop_app.storage.backup import snapshot
from desktop_app.storage.faults import raise_explained
from desktop_app.storage.integrity import check_on_open
from desktop_app.storage.paths import database_path, ensure_private_dir
from desktop_app.storage.schema_version import SCHEMA_HEAD
from desktop_app.storage.server_db import (
    DUPLICATES_MEAN_RETRY,
    connect_problem,
    hold_migration_lock,
    make_server_engine,
    migration_engine,
    raise_server_problem,
    server_revision,
)
from desktop_app.storage.server_url import redacted, server_url
from desktop_app.storage.sqlite_uri import engine_url, file_uri

log = logging.getLogger("partner_log.db")

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
BUSY_TIMEOUT_MS = 10_000

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    # On macOS a plain fsync leaves writes in the drive's cache; elsewhere these do nothing.
    "PRAGMA fullfsync=ON",
    "PRAGMA checkpoint_fullfsync=ON",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        for pragma in PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def make_engine(db_path: Path) -> Engine:
    """An engine whose every pooled connection uses the safe SQLite settings."""
    engine = create_engine(
        engine_url(db_path),
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
        hide_parameters=True,  # error messages must never carry people's words
    )
    event.listen(engine, "connect", _set_sqlite_pragmas)
    event.listen(engine, "connect", _own_transactions)
    event.listen(engine, "begin", _begin)
    return engine


def _own_transactions(dbapi_connection: Any, _record: Any) -> None:
    """Let SQLAlchemy's BEGIN start every transaction, reads included.

    Left to itself, Python's sqlite3 starts a transaction only at the first write, so the
    reads before it (and every read of a read-only session) each saw a different moment:
    a count and a total read one after the other could disagree.
    """
    dbapi_connection.isolation_level = None


def _begin(connection: Any) -> None:
    """Start a transaction: its reads all see one moment (other readers still run beside
    it). If it writes after another writer changed the records since that moment, SQLite
    refuses the write instead of letting it overwrite what it never saw."""
    connection.exec_driver_sql("BEGIN")


def read_only_uri(db_path: Path) -> str:
    """A URI that reads ``db_path`` without writing anything, not even WAL side files.

    When no write-ahead log is present the file is complete on its own, so it is opened
    as immutable and SQLite creates no ``-wal``/``-shm`` files beside it.
    """
    if Path(f"{db_path}-wal").exists():
        return file_uri(db_path, mode="ro")
    return file_uri(db_path, mode="ro", immutable="1")


def read_schema_revision(db_path: Path) -> str | None:
    """The schema revision stamped in ``db_path``, read without changing the file.

    Returns None for a file with no stamp (a brand-new or empty database).
    """
    try:
        con = sqlite3.connect(read_only_uri(db_path), uri=True)
    except sqlite3.Error as exc:
        raise _damaged() from exc
    try:
        tables = {
            row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if "alembic_version" not in tables:
            if tables:
                raise UserFacingError(
                    _("This file is not a Partner Log data file."),
                    _("Choose a different folder for your records."),
                )
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise _damaged() from exc
    finally:
        con.close()


def _damaged() -> UserFacingError:
    return UserFacingError(
        _("Your records file could not be read. It may be damaged."),
        _("Do not delete anything. Ask your coordinator for help, or restore a backup."),
    )


def _alembic_config(engine_connection: Any) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = engine_connection
    return config


def known_revisions() -> set[str]:
    """Every schema revision this version of the app can read."""
    from alembic.script import ScriptDirectory

    config = _alembic_config(None)
    return {rev.revision for rev in ScriptDirectory.from_config(config).walk_revisions()}


def _migration_pragmas(dbapi_connection: Any, record: Any) -> None:
    _set_sqlite_pragmas(dbapi_connection, record)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=OFF")
    finally:
        cursor.close()
    # Let BEGIN below cover schema changes too, so a failed upgrade leaves nothing half done.
    _own_transactions(dbapi_connection, record)


def _begin_immediate(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def migrate(engine: Engine) -> None:
    """Upgrade the schema to the newest revision, in one transaction.

    Foreign keys are off while the schema changes: SQLite changes a table by copying it,
    and dropping the old copy with foreign keys on would refuse, or cascade and delete
    rows. Afterwards ``foreign_key_check`` must be empty, or the upgrade is undone.
    """
    from alembic import command

    migrator = create_engine(
        engine.url,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
        hide_parameters=True,
        poolclass=NullPool,
    )
    event.listen(migrator, "connect", _migration_pragmas)
    event.listen(migrator, "begin", _begin_immediate)
    try:
        with migrator.begin() as connection:
            command.upgrade(_alembic_config(connection), "head")
            if connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                log.error("an upgrade left broken links between records; undoing it")
                raise UserFacingError(
                    _("Partner Log could not update your records file, so it left it as it was."),
                    _("Please tell your coordinator. A backup was saved before the update."),
                )
    finally:
        migrator.dispose()


def _refuse_newer(revision: str | None) -> None:
    if revision is not None and revision != SCHEMA_HEAD and revision not in known_revisions():
        log.warning("refused a database with an unknown, newer schema")
        raise NewerDatabase(
            _("These records were made by a newer version of Partner Log."),
            _("Please install the newest version to open them. Nothing was changed."),
        )


@dataclass
class Database:
    """An open Partner Log database: a SQLite file in a data folder, or (with ``url``)
    an organisation's PostgreSQL database."""

    data_dir: Path | None
    #: The SQLite records file; None on a server.
    path: Path | None
    engine: Engine
    sessions: sessionmaker[Session]
    #: The server's address (shown only through ``redacted``); None for a SQLite file.
    url: URL | None = None

    @property
    def on_server(self) -> bool:
        return self.url is not None

    @property
    def where(self) -> str:
        """Where the records are, safe to show: the file, or the server's address."""
        return redacted(self.url) if self.url is not None else str(self.path)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error.

        A known disk fault (a full disk, a read-only file, a file in use) is raised as a
        ``DiskFault`` naming the records file, after the transaction was rolled back. On
        a server, a write that collided with another coordinator's is raised as
        ``TryAgain`` (see ``storage.retry``), and a lost connection in plain words.
        """
        session = self.sessions()
        try:
            with session.begin():
                yield session
        except (DBAPIError, sqlite3.Error) as exc:
            if self.url is not None:
                raise_server_problem(exc, self.url, session.info.get(DUPLICATES_MEAN_RETRY, False))
            elif self.path is not None:
                raise_explained(exc, self.path)
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def open_database(data_dir: Path, url: URL | str | None = None) -> Database:
    """Open (creating or upgrading as needed) the database in ``data_dir``, or the
    organisation's database at ``url`` (see ``open_database_url``).

    A database from a newer version of Partner Log is refused and left untouched. An
    older one is backed up before it is upgraded. A damaged one is kept aside and
    ``DamagedDatabase`` is raised (see ``desktop_app.storage.integrity``). A known disk
    fault (full, read-only, in use) is raised as a ``DiskFault``.
    """
    if url is not None:
        return open_database_url(url, data_dir)
    path = database_path(data_dir)
    try:
        return _open_database(data_dir, path)
    except (DBAPIError, sqlite3.Error, OSError) as exc:
        raise_explained(exc, path)
        raise


def _open_database(data_dir: Path, path: Path) -> Database:
    ensure_private_dir(data_dir)
    check_on_open(data_dir)
    revision = read_schema_revision(path) if path.exists() else None
    _refuse_newer(revision)
    if revision is not None and revision != SCHEMA_HEAD:
        log.info("backing up before a schema upgrade")
        snapshot(data_dir, path, "before-upgrade")
    engine = make_engine(path)
    if revision != SCHEMA_HEAD:
        migrate(engine)
        log.info("schema is at the newest revision")
    if path.exists():
        path.chmod(0o600)
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(data_dir=data_dir, path=path, engine=engine, sessions=sessions)


def open_database_url(url: URL | str, data_dir: Path | None = None) -> Database:
    """Open an organisation's PostgreSQL database, creating or upgrading its tables.

    Migrations run in one transaction under an advisory lock, so two coordinators opening
    a new version at once do not both migrate. A database from a newer version is
    refused and left untouched; a server that cannot be reached is said plainly
    (``ServerUnreachable``), with nothing done.
    """
    address = server_url(url)
    engine = make_server_engine(address)
    try:
        _migrate_server(address)
    except BaseException:
        engine.dispose()
        raise
    sessions = sessionmaker(engine, expire_on_commit=False)
    log.info("opened an organisation's database")
    return Database(data_dir=data_dir, path=None, engine=engine, sessions=sessions, url=address)


def _migrate_server(url: URL) -> None:
    from alembic import command

    migrator = migration_engine(url)
    try:
        with migrator.begin() as connection:
            hold_migration_lock(connection)
            revision = server_revision(connection)
            _refuse_newer(revision)
            if revision != SCHEMA_HEAD:
                log.info("upgrading the organisation's database")
                command.upgrade(_alembic_config(connection), "head")
    except DBAPIError as exc:
        connect_problem(exc, url)
    finally:
        migrator.dispose()
