"""Where Partner Log keeps its files."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_DIR_NAME = "PartnerLog"
DEMO_DIR_NAME = "PartnerLog Demo"
ENV_HOME = "PARTNER_LOG_HOME"
DB_FILE_NAME = "partner-log.sqlite3"
DEMO_MARKER = "demo-data.txt"


def default_data_dir() -> Path:
    """The platform's user data folder for Partner Log."""
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: ``--data-dir`` first, then ``PARTNER_LOG_HOME``, then the default."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def default_demo_dir() -> Path:
    """A folder for the demo data, always apart from the person's real data."""
    return Path(platformdirs.user_data_dir(DEMO_DIR_NAME, appauthor=False))


def log_dir(data_dir: Path) -> Path:
    """Where logs go: the user log folder, or beside the data when the folder was chosen."""
    if data_dir == default_data_dir():
        return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))
    return data_dir / "logs"


def database_path(data_dir: Path) -> Path:
    return data_dir / DB_FILE_NAME


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def receipts_dir(data_dir: Path) -> Path:
    return data_dir / "receipts"


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` if needed, readable by its owner only."""
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        path.chmod(0o700)
    return path
