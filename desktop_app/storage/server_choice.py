"""Which records a coordinator opens: the SQLite file in the data folder, or an
organisation's PostgreSQL database.

The first of these wins: ``--database-url`` on the command line, the
``PARTNER_LOG_DATABASE_URL`` environment variable, then the coordinator's setting "Use my
organisation's database" (kept in the data folder's settings, never with a password).
"""

from __future__ import annotations

import os
from pathlib import Path

#: The environment variable naming an organisation's database. Kept here, not in
#: ``server_url``, so that asking which records to open loads no SQLAlchemy: the quick
#: start asks before Home's first paint.
ENV_URL = "PARTNER_LOG_DATABASE_URL"


def chosen_url(data_dir: Path | None, explicit: str | None = None) -> str | None:
    """The organisation's database address to use, or None for the SQLite file."""
    if explicit:
        return explicit
    from_env = os.environ.get(ENV_URL, "").strip()
    if from_env:
        return from_env
    if data_dir is None:
        return None
    from desktop_app.settings import Settings

    saved = Settings.load(data_dir).val.organisation_database
    return saved or None


def uses_server(data_dir: Path | None) -> bool:
    """True when this data folder's records are on an organisation's database."""
    return chosen_url(data_dir) is not None
