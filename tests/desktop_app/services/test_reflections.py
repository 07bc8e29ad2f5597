"""Valuing All Voices reflections: private unless the partner chooses to share."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.errors import InvalidInput
from desktop_app.model import Project, ReflectionAspect, Role, VavDomain
from desktop_app.services import profile, reflections
from desktop_app.storage.db import Database


def test_reflections_are_private_unless_shared(session: Session, partner: Project) -> None:
    kept = reflections.record_reflection(
        session,
        date=clock.today(),
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
            session, date=clock.today(), domain="trust", aspect="hard", text=" "
        )
    reflections.delete_reflection(session, kept.id)
    assert reflections.list_reflections(session) == []
    reflections.undo_delete_reflection(session, kept.id)
    assert len(reflections.list_reflections(session)) == 1


def test_the_words_are_kept_as_written_and_a_refused_change_changes_nothing(
    database: Database,
) -> None:
    words = "The team asked what I thought,\nand then used it.  "
    with database.session() as session:
        profile.setup(session, Role.PARTNER, "Ana Souza", project_name="Better Pain Care")
        kept_id = reflections.record_reflection(
            session, date=date(2024, 5, 2), domain="education", aspect="helped", text=words
        ).id
    for change, words_said in (
        ({"text": ""}, "Enter your thoughts"),
        ({"domain": "joy"}, "Choose one of the options"),
    ):
        with pytest.raises(InvalidInput, match=words_said), database.session() as session:
            reflections.change_reflection(session, kept_id, **change)
    with database.session() as session:
        (kept,) = reflections.list_reflections(session)
        assert (kept.text, kept.domain, kept.rev) == (words.strip(), VavDomain.EDUCATION, 1)


def test_each_person_sees_their_own_reflections_newest_first(
    session: Session, partner: Project
) -> None:
    ben = profile.add_person(session, "Ben Carter", Role.PARTNER)
    for day, text in ((3, "Third"), (9, "Ninth")):
        reflections.record_reflection(
            session, date=date(2024, 5, day), domain="trust", aspect="hard", text=text
        )
    reflections.record_reflection(
        session,
        date=date(2024, 5, 5),
        domain="trust",
        aspect="hard",
        text="Ben's",
        person_id=ben.id,
        shared=True,
    )
    me = profile.owner(session).id
    assert [r.text for r in reflections.list_reflections(session, me)] == ["Ninth", "Third"]
    assert [r.text for r in reflections.list_reflections(session, shared_only=True)] == ["Ben's"]
