"""Unfinished forms, kept on disk so they survive closing the window or a crash."""

from __future__ import annotations

import contextlib
import json
import logging
from pathlib import Path
from typing import Any

from desktop_app.storage.atomic import atomic_write_bytes

log = logging.getLogger("partner_log.ui.drafts")


class Drafts:
    """One JSON file per kind of form, in the data folder's ``drafts`` folder."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / "drafts"

    def _path(self, name: str) -> Path:
        return self.folder / f"{name}.json"

    def save(self, name: str, state: dict[str, Any]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self._path(name), json.dumps(state, sort_keys=True).encode("utf-8"))

    def load(self, name: str) -> dict[str, Any] | None:
        try:
            data = json.loads(self._path(name).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            log.warning("a draft could not be read and was set aside")
            return None
        return data if isinstance(data, dict) else None

    def clear(self, name: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._path(name).unlink()
