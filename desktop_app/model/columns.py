"""Shared column helpers, so every table stores enums and text the same way."""

from __future__ import annotations

import enum
from typing import Any

from sqlalchemy import Enum as SAEnum


def enum_column(enum_cls: type[enum.Enum]) -> SAEnum:
    """Store an enum by its stable string value (not its Python name)."""
    return SAEnum(
        enum_cls,
        native_enum=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


def enum_values(enum_cls: type[enum.Enum]) -> list[Any]:
    return [m.value for m in enum_cls]
