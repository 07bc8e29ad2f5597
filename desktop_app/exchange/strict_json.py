"""JSON read strictly: no duplicate keys, no NaN or Infinity, limited depth and size."""

from __future__ import annotations

import json
from typing import Any

from desktop_app.exchange.errors import InvalidContents
from desktop_app.i18n import _

MAX_DEPTH = 16
MAX_INT = 10**18


def _refuse() -> InvalidContents:
    return InvalidContents(_("This file's contents are not in the Partner Log format."))


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _refuse()
        result[key] = value
    return result


def _no_constants(_name: str) -> Any:
    raise _refuse()


def _shape_ok(value: Any) -> bool:
    """No nesting deeper than ``MAX_DEPTH`` and no absurdly large integers.

    The parser itself stops runaway nesting with a RecursionError (refused below); this
    walk then holds every file to the much smaller limit the format needs."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        children = item.values() if isinstance(item, dict) else item
        for child in children:
            if isinstance(child, dict | list):
                stack.append((child, depth + 1))
            elif type(child) is int and not -MAX_INT < child < MAX_INT:
                return False
    return isinstance(value, dict | list) or not (type(value) is int and abs(value) >= MAX_INT)


def loads(data: bytes) -> Any:
    """Parse UTF-8 JSON ``data`` or raise ``InvalidContents``."""
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _refuse() from None
    try:
        value = json.loads(raw, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except RecursionError:
        raise _too_deep() from None
    except ValueError:
        raise _refuse() from None
    if isinstance(value, dict | list) and not _shape_ok(value):
        raise _too_deep()
    return value


def _too_deep() -> InvalidContents:
    return InvalidContents(_("This file's contents are nested too deeply to be read safely."))


def dumps(data: Any) -> bytes:
    """Canonical JSON: sorted keys, no spaces, UTF-8, never NaN."""
    return json.dumps(
        data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")
