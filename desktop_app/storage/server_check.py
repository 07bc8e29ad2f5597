"""``partner-log check`` on an organisation's PostgreSQL database.

SQLite's ``integrity_check`` reads a file; a server keeps its own files safe, so these
checks ask what can still go wrong for Partner Log's records there:

- the server is reachable and new enough (``MIN_SERVER``);
- the schema is this version's (no table missing, the stamp at ``SCHEMA_HEAD``);
- no index is left unusable (an interrupted ``CREATE INDEX CONCURRENTLY``, say);
- every row of every table can be read (each table is summed in full, as a backup would).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from desktop_app.model import Base
from desktop_app.storage.transfer import record_count, tally

log = logging.getLogger("partner_log.server_check")

#: The oldest PostgreSQL release Partner Log is tested with and supports.
MIN_SERVER = 13


@dataclass
class ServerHealth:
    """What the check found: the server's version, how many rows, and any problems."""

    server_version: str = ""
    rows: int = 0
    problems: list[str] = field(default_factory=list)


def check_server(engine: Engine, head: str) -> ServerHealth:
    """Check the records on the server that ``engine`` reaches (see the module doc)."""
    health = ServerHealth()
    with engine.connect() as connection:
        health.server_version = str(connection.execute(text("SHOW server_version")).scalar())
        number = int(connection.execute(text("SHOW server_version_num")).scalar() or 0)
        if number < MIN_SERVER * 10000:
            health.problems.append(f"server {health.server_version} is older than {MIN_SERVER}")
        present = set(inspect(connection).get_table_names())
        missing = sorted(set(Base.metadata.tables) - present)
        if missing:
            health.problems.append(f"missing tables: {', '.join(missing)}")
        stamp = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if stamp != head:
            health.problems.append(f"schema revision {stamp}, expected {head}")
        broken = connection.execute(
            text(
                "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND NOT (i.indisvalid AND i.indisready)"
            )
        ).scalars()
        health.problems += [f"index {name} is not usable" for name in broken]
        if not missing:
            try:
                health.rows = record_count(tally(connection))
            except DBAPIError as exc:
                log.error("a table could not be read in full: %s", type(exc).__name__)
                health.problems.append("a table could not be read in full")
    return health
