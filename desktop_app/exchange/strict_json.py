"""JSON read strictly: no duplicate keys, no NaN or Infinity, limited depth and size."""

from __future__ import annotations

import json
from typing import Any

from desktop_app.exchange.errors import InvalidContents
from desktop_app.i18n import _

MAX_DEPTH = 16
MAX_INT_DIGITS = 18


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


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _refuse()
    return int(text)


def _depth_ok(raw: str) -> bool:
    """Check nesting before parsing, so deep input cannot exhaust the stack."""
    depth = 0
    in_string = False
    escaped = False
    for char in raw:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return False
        elif char in "]}":
            depth -= 1
    return True


def loads(data: bytes) -> Any:
    """Parse UTF-8 JSON ``data`` or raise ``InvalidContents``."""
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _refuse() from None
    if not _depth_ok(raw):
        raise InvalidContents(_("This file's contents are nested too deeply to be read safely."))
    try:
        return json.loads(
            raw,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constants,
            parse_int=_bounded_int,
        )
    except (ValueError, RecursionError):
        raise _refuse() from None


def dumps(data: Any) -> bytes:
    """Canonical JSON: sorted keys, no spaces, UTF-8, never NaN."""
    return json.dumps(
        data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")
