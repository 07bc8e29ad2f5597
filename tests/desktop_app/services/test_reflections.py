"""Valuing All Voices reflections: private unless the partner chooses to share."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput
from desktop_app.model import Project, ReflectionAspect, VavDomain
from desktop_app.services import reflections


def test_reflections_are_private_unless_shared(session: Session, partner: Project) -> None:
    kept = reflections.record_reflection(
        session,
        date=date.today(),
        domain=VavDomain.TRUST,
        aspect=ReflectionAspect.HELPED,
        text="I felt heard.",
    )
    assert kept.shared is False
    assert reflections.list_reflections(session, shared_only=True) == []
    reflections.change_reflection(session, kept.id, shared=True)
    assert len(reflections.list_reflections(session, shared_only=True)) == 1
    with pytest.raises(InvalidInput, match="Enter your thoughts"):
        reflections.record_reflection(
            session, date=date.today(), domain="trust", aspect="hard", text=" "
        )
    reflections.delete_reflection(session, kept.id)
    assert reflections.list_reflections(session) == []
    reflections.undo_delete_reflection(session, kept.id)
    assert len(reflections.list_reflections(session)) == 1
