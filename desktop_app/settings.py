"""User preferences: each declared once, read as typed values, kept in a small file.

Every option is one line in ``Preferences``: its type, its default and the plain words
the Settings page shows for it. Screens read ``settings.val.text_scale`` (a float) and
change a preference with ``settings.set(Preferences.text_scale, 1.5)``, which checks the
value and saves the file in one step.

Reading the file is forgiving, because it may be damaged or come from another version:

- a file that is not JSON gives the defaults, and is kept aside before it is replaced;
- a missing key, or a value of the wrong kind, gives that option's default alone;
- a number out of range gives the nearest allowed number;
- keys this version does not know, and values it cannot read, are written back untouched,
  so a newer version finds its choices again.

Window size and position are kept apart from these (see ``ui/window_state.py``).
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from desktop_app.i18n import N_
from desktop_app.storage.atomic import atomic_write_bytes

log = logging.getLogger("partner_log.settings")
FILE_NAME = "settings.json"
#: Where a settings file that is not JSON is kept, so that nothing in it is lost.
UNREADABLE_NAME = "settings.json.unreadable"

T = TypeVar("T", bool, float, str)

_KIND_NAMES = {bool: "true or false", float: "a number", str: "text"}


class Option(Generic[T]):
    """One preference: its type, default and title (translated where it is shown).

    The name it is given in ``Preferences`` is its key in the settings file.
    """

    key: str
    kind: type[T]
    default: T
    choices: tuple[T, ...]

    def __init__(
        self,
        kind: type[T],
        default: T,
        title: str,
        *,
        choices: tuple[T, ...] = (),
        minimum: float | None = None,
        maximum: float | None = None,
        pattern: str | None = None,
    ) -> None:
        self.kind = kind
        self.default = default
        self.title = title
        self.choices = choices
        self.minimum = minimum
        self.maximum = maximum
        #: For text: the shape every value must have (a regular expression).
        self.pattern = pattern

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = name

    @overload
    def __get__(self, values: None, owner: type | None = None) -> Option[T]: ...
    @overload
    def __get__(self, values: Preferences, owner: type | None = None) -> T: ...
    def __get__(self, values: Preferences | None, owner: type | None = None) -> Option[T] | T:
        if values is None:
            return self
        value: T = values._current[self.key]
        return value

    def __repr__(self) -> str:
        return f"Option({self.key!r})"

    def problem(self, value: object) -> str | None:
        """Why ``value`` cannot be this option's value, or None if it can."""
        if self.kind is float:
            if isinstance(value, bool) or not isinstance(value, int | float):
                return f"expected {_KIND_NAMES[float]}, found {_kind_of(value)}"
            try:
                number = float(value)
            except OverflowError:
                return "the number is too large"
            if not math.isfinite(number):
                return "the number is not finite"
            if self.minimum is not None and number < self.minimum:
                return "the number is below the smallest allowed"
            if self.maximum is not None and number > self.maximum:
                return "the number is above the largest allowed"
            return None
        if type(value) is not self.kind:
            return f"expected {_KIND_NAMES[self.kind]}, found {_kind_of(value)}"
        if self.choices and value not in self.choices:
            return "not one of the known choices"
        if self.pattern is not None and not re.fullmatch(self.pattern, str(value)):
            return "not in the expected form"
        return None

    def check(self, value: Any) -> T:
        """``value`` as this option's type; ValueError if it is not allowed."""
        problem = self.problem(value)
        if problem is not None:
            raise ValueError(f"{self.key}: {problem}")
        return self.kind(value)

    def read(self, value: Any) -> T:
        """The value to use for ``value`` found in the file: the value, or the closest safe one.

        A number out of range becomes the nearest allowed number (200% text stays as
        large as this version allows); anything else that is not allowed gives the default.
        """
        problem = self.problem(value)
        if problem is None:
            return self.check(value)
        nearest = self._nearest(value)
        log.warning(
            "settings: %s ignored (%s); using %s",
            self.key,
            problem,
            "the nearest allowed value" if nearest is not None else "the default",
        )
        return self.default if nearest is None else nearest

    def _nearest(self, value: object) -> T | None:
        if self.kind is not float or not isinstance(value, int | float):
            return None
        try:
            number = float(value)
        except OverflowError:
            number = math.inf if value > 0 else -math.inf
        if math.isnan(number):
            return None
        if self.minimum is not None and number < self.minimum:
            return self.check(self.minimum)
        if self.maximum is not None and number > self.maximum:
            return self.check(self.maximum)
        return None


def _kind_of(value: object) -> str:
    """A plain name for the JSON kind of ``value`` (never the value itself)."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return _KIND_NAMES[bool]
    if isinstance(value, int | float):
        return _KIND_NAMES[float]
    if isinstance(value, str):
        return _KIND_NAMES[str]
    if isinstance(value, list):
        return "a list"
    return "a group of values"


class Preferences:
    """Every preference, declared once; ``settings.val`` reads them as typed values."""

    #: Text size, from 100% to 200% of the normal size.
    text_scale = Option(float, 1.0, N_("Text size"), minimum=1.0, maximum=2.0)
    high_contrast = Option(bool, False, N_("Use high contrast (white on black)"))
    #: "" until the person chooses; then a language code such as "es". Any code is kept,
    #: so a language from a newer version survives; one not shipped here shows English.
    language = Option(str, "", N_("Language"), pattern=r"|[a-z]{2,3}(_[A-Z]{2}|_\d{3})?")
    #: A coordinator's organisation database, as ``postgresql://name@server/database``;
    #: "" for the records file in the data folder. Never with a password: the pattern
    #: refuses ``name:password@``, and libpq finds the password in ``~/.pgpass``.
    organisation_database = Option(
        str,
        "",
        N_("Use my organisation's database"),
        pattern=r"|(?!.*password=)postgres(?:ql)?(?:\+psycopg)?://(?:[^:@/\s]+@)?[^@\s]*",
    )

    def __init__(self, current: Mapping[str, Any]) -> None:
        self._current = current


#: Every option, in the order declared.
OPTIONS: tuple[Option[Any], ...] = tuple(
    value for value in vars(Preferences).values() if isinstance(value, Option)
)


class Settings:
    """The preferences of one data folder, saved atomically on every change."""

    def __init__(self, path: Path, stored: Mapping[str, Any] | None = None) -> None:
        self.path = path
        #: Everything the file holds, including what this version does not know.
        self._stored: dict[str, Any] = dict(stored or {})
        self._current: dict[str, Any] = {
            option.key: option.read(self._stored[option.key])
            if option.key in self._stored
            else option.default
            for option in OPTIONS
        }
        #: The preferences as typed values: ``settings.val.text_scale`` is a float.
        self.val = Preferences(self._current)

    @classmethod
    def load(cls, data_dir: Path) -> Settings:
        """The settings kept in ``data_dir``; never fails, whatever the file holds."""
        path = data_dir / FILE_NAME
        stored = _read_file(path)
        unknown = stored.keys() - {option.key for option in OPTIONS}
        if unknown:
            log.info("settings: keeping %d setting(s) this version does not use", len(unknown))
        return cls(path, stored)

    def chosen(self, option: Option[Any]) -> bool:
        """True when the person set ``option`` themselves (not left at its default)."""
        return option.key in self._stored

    def set(self, option: Option[T], value: T) -> None:
        """Change one preference and save; ValueError if the value is not allowed."""
        clean = option.check(value)
        self._save({**self._stored, option.key: clean})
        self._current[option.key] = clean

    def restore_defaults(self) -> None:
        """Every preference back to its default; choices of newer versions are kept."""
        keys = {option.key for option in OPTIONS}
        self._save({key: value for key, value in self._stored.items() if key not in keys})
        self._current.update({option.key: option.default for option in OPTIONS})

    def _save(self, stored: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(stored, indent=2, sort_keys=True).encode("utf-8")
        atomic_write_bytes(self.path, data)
        self._stored = stored


def _read_file(path: Path) -> dict[str, Any]:
    """The settings file's keys and values; empty when it is missing or unreadable."""
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except OSError as problem:
        log.warning(
            "settings: the file could not be opened (%s); using the defaults",
            type(problem).__name__,
        )
        return {}
    except (ValueError, RecursionError):
        loaded = None
    if isinstance(loaded, dict):
        return loaded
    log.warning("settings: the file is not a settings file; using the defaults")
    with contextlib.suppress(OSError):
        path.replace(path.with_name(UNREADABLE_NAME))
        log.warning("settings: the unreadable file was kept as %s", UNREADABLE_NAME)
    return {}
