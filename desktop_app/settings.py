"""User preferences: declared once, with their defaults, and kept in a small file.

Screens read and write preferences through ``Settings``; nothing else decides defaults.
Window size and position are kept apart from these (see ``ui/window_state.py``).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.i18n import N_
from desktop_app.storage.atomic import atomic_write_bytes

log = logging.getLogger("partner_log.settings")
FILE_NAME = "settings.json"


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    title: str
    choices: tuple[Any, ...] = ()
    minimum: float | None = None
    maximum: float | None = None

    def clean(self, value: Any) -> Any:
        """``value`` if it is acceptable for this option, otherwise the default."""
        if type(value) is not type(self.default):
            if isinstance(self.default, float) and isinstance(value, int):
                value = float(value)
            else:
                return self.default
        if self.choices and value not in self.choices:
            return self.default
        if self.minimum is not None and value < self.minimum:
            return self.minimum
        if self.maximum is not None and value > self.maximum:
            return self.maximum
        return value


OPTIONS: tuple[Option, ...] = (
    Option("text_scale", 1.0, N_("Text size"), minimum=1.0, maximum=2.0),
    Option("high_contrast", False, N_("High contrast")),
    Option("language", "en", N_("Language"), choices=("en", "es")),
)
_BY_KEY = {option.key: option for option in OPTIONS}


class Settings:
    """The preferences of one data folder, saved atomically on every change."""

    def __init__(self, path: Path, values: dict[str, Any]) -> None:
        self.path = path
        self._values = values

    @classmethod
    def load(cls, data_dir: Path) -> Settings:
        path = data_dir / FILE_NAME
        raw: dict[str, Any] = {}
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                raw = loaded
        except FileNotFoundError:
            pass
        except (OSError, ValueError):
            log.warning("settings file could not be read; using defaults")
        values = {
            key: option.clean(raw.get(key, option.default)) for key, option in _BY_KEY.items()
        }
        return cls(path, values)

    def get(self, key: str) -> Any:
        return self._values[key]

    def set(self, key: str, value: Any) -> None:
        self._values[key] = _BY_KEY[key].clean(value)
        self.save()

    def restore_defaults(self) -> None:
        self._values = {key: option.default for key, option in _BY_KEY.items()}
        self.save()

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(self._values, indent=2, sort_keys=True).encode("utf-8")
        atomic_write_bytes(self.path, data)
