"""Field types of the exchange format: checking incoming values and writing them out.

Every value in a file is checked against its field type before anything is compared
or stored; a wrong one refuses the whole file with a plain message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from desktop_app.exchange.errors import InvalidContents
from desktop_app.i18n import _

_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_INT = 10**12


class FieldError(ValueError):
    """A value that does not fit its field (turned into ``InvalidContents`` by callers)."""


@dataclass(frozen=True)
class Field:
    """One field: ``check`` turns a wire value into a Python value; ``wire`` goes back."""

    check: Callable[[Any], Any]
    wire: Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


def text(limit: int) -> Field:
    def check(value: Any) -> str:
        if not isinstance(value, str) or len(value) > limit or "\x00" in value:
            raise FieldError
        return value

    return Field(check, _same)


def integer(low: int = 0, high: int = MAX_INT) -> Field:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise FieldError
        return value

    return Field(check, _same)


def _check_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise FieldError
    return value


BOOL = Field(_check_bool, _same)


def _check_id(value: Any) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise FieldError
    return value


ID = Field(_check_id, _same)


def _check_date(value: Any) -> date:
    if not isinstance(value, str) or not _DATE.match(value):
        raise FieldError
    day = date.fromisoformat(value)
    if not date(1900, 1, 1) <= day <= date(2200, 1, 1):
        raise FieldError
    return day


def _wire_date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


DATE = Field(_check_date, _wire_date)


def _check_moment(value: Any) -> datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise FieldError
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise FieldError
    return moment.astimezone(UTC)


def _wire_moment(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


MOMENT = Field(_check_moment, _wire_moment)


def _check_currency(value: Any) -> str:
    if not isinstance(value, str) or not _CURRENCY.match(value):
        raise FieldError
    return value


CURRENCY = Field(_check_currency, _same)


def choice(enum_cls: type[Enum]) -> Field:
    members = {member.value: member for member in enum_cls}

    def check(value: Any) -> Enum:
        if not isinstance(value, str):
            raise FieldError
        return members[value]  # KeyError for an unknown value

    def wire(value: Any) -> Any:
        return value.value if isinstance(value, Enum) else value

    return Field(check, wire)


def optional(field: Field) -> Field:
    def check(value: Any) -> Any:
        return None if value is None else field.check(value)

    def wire(value: Any) -> Any:
        return None if value is None else field.wire(value)

    return Field(check, wire)


def many(field: Field, limit: int = 1000, unique_sorted: bool = False) -> Field:
    def check(value: Any) -> list[Any]:
        if not isinstance(value, list) or len(value) > limit:
            raise FieldError
        items = [field.check(item) for item in value]
        if unique_sorted and len(set(items)) != len(items):
            raise FieldError
        return items

    def wire(value: Any) -> list[Any]:
        items = [field.wire(item) for item in (value or [])]
        return sorted(items) if unique_sorted else items

    return Field(check, wire)


def _check_figures(value: Any) -> dict[str, Any]:
    """The figures printed on a certificate: a flat object of short names to numbers or
    short texts."""
    if not isinstance(value, dict) or len(value) > 100:
        raise FieldError
    for key, item in value.items():
        if len(key) > 100:
            raise FieldError
        if isinstance(item, bool) or item is None:
            continue
        if isinstance(item, int | float) and not isinstance(item, bool):
            continue
        if isinstance(item, str) and len(item) <= 1000:
            continue
        if isinstance(item, list | dict) and len(item) <= 100:
            continue
        raise FieldError
    return value


FIGURES = Field(_check_figures, _same)


def _check_value(item: Any) -> None:
    if item is None or isinstance(item, bool | int):
        return
    if isinstance(item, str) and len(item) <= 20_000:
        return
    if isinstance(item, list) and len(item) <= 1000 and all(isinstance(i, str) for i in item):
        return
    raise FieldError


def _check_changes(value: Any) -> dict[str, Any]:
    """What a partner changed in a paid entry: field name -> [before, after], as written
    in files (short names; numbers, texts, lists of ids or nothing)."""
    if not isinstance(value, dict) or len(value) > 40:
        raise FieldError
    for key, pair in value.items():
        if len(key) > 40 or not isinstance(pair, list) or len(pair) != 2:
            raise FieldError
        for item in pair:
            _check_value(item)
    return value


CHANGES = Field(_check_changes, _same)

META: dict[str, Field] = {
    "id": ID,
    "created_at": MOMENT,
    "updated_at": MOMENT,
    "rev": integer(1),
    "origin": text(36),
    "deleted_at": optional(MOMENT),
}


def check_record(
    raw: Any, fields: dict[str, Field], what: str, extra_ok: bool = False
) -> dict[str, Any]:
    """Check one record of a file against ``fields``; return Python values."""
    if not isinstance(raw, dict):
        raise InvalidContents(
            _("This file holds a {what} that is not in the Partner Log format.").format(what=what)
        )
    try:
        result = {name: field.check(raw[name]) for name, field in fields.items()}
    except (KeyError, FieldError, ValueError, TypeError, OverflowError):
        raise _explain(raw, fields, what) from None
    if not extra_ok and len(raw) != len(fields):
        raise InvalidContents(
            _("A {what} in this file has fields Partner Log does not know.").format(what=what)
        )
    return result


def _explain(raw: dict[str, Any], fields: dict[str, Field], what: str) -> InvalidContents:
    """Name the first field that is missing or wrong (only run once a record failed)."""
    for name, field in fields.items():
        if name not in raw:
            return InvalidContents(
                _("A {what} in this file is missing its \u201c{field}\u201d.").format(
                    what=what, field=name
                )
            )
        try:
            field.check(raw[name])
        except (KeyError, FieldError, ValueError, TypeError, OverflowError):
            return InvalidContents(
                _("A {what} in this file has a wrong value for \u201c{field}\u201d.").format(
                    what=what, field=name
                )
            )
    return InvalidContents(_("A {what} in this file is not valid.").format(what=what))


def to_wire(record: dict[str, Any], fields: dict[str, Field]) -> dict[str, Any]:
    return {name: fields[name].wire(record[name]) for name in fields}
