"""Which records a question is about: one person, one project, a period, never deleted."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_


def in_scope(
    model: Any,
    person_id: str | None = None,
    project_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> ColumnElement[bool]:
    """Live rows of ``model`` (activity, expense...) for the person, project and period."""
    conditions: list[ColumnElement[bool]] = [model.deleted_at.is_(None)]
    if person_id:
        conditions.append(model.person_id == person_id)
    if project_id:
        conditions.append(model.project_id == project_id)
    if start:
        conditions.append(model.date >= start)
    if end:
        conditions.append(model.date <= end)
    return and_(*conditions)
