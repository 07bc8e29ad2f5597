"""The life of a record that travels: made here, changed, deleted as a tombstone, undone."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.errors import NotFound
from desktop_app.model import Activity, ActivityKind, Project, Reflection
from desktop_app.services import activities, lifecycle, profile, reflections
from desktop_app.storage.db import Database


def _entry(session: Session) -> Activity:
    return activities.record_activity(
        session, date=date(2024, 5, 6), minutes=45, kind=ActivityKind.WRITING, note="Draft 2"
    )


def test_before_set_up_nothing_is_marked_as_made_here(session: Session) -> None:
    assert lifecycle.origin_of(session) == ""


def test_a_new_record_is_marked_as_made_here_at_revision_one(
    session: Session, partner: Project
) -> None:
    entry = _entry(session)
    here = profile.require_installation(session).id
    assert (entry.rev, entry.origin, entry.deleted_at) == (1, here, None)
    assert entry.created_at == entry.updated_at


def test_a_change_raises_the_revision_so_it_travels(session: Session, partner: Project) -> None:
    entry = _entry(session)
    first_stamp = entry.updated_at
    lifecycle.touch(session, entry)
    assert entry.rev == 2
    assert entry.updated_at >= first_stamp
    assert entry.origin == profile.require_installation(session).id


def test_deleting_keeps_a_tombstone_that_undo_clears(database: Database) -> None:
    with database.session() as session:
        profile.setup(session, "partner", "Ana Souza", project_name="Better Pain Care")
        entry_id = _entry(session).id
    with database.session() as session:
        lifecycle.delete(session, Activity, entry_id, "time entry")
    with database.session() as session:
        tombstone = session.get(Activity, entry_id)
        assert tombstone is not None  # still in the file, so the deletion can travel
        assert tombstone.deleted_at is not None and tombstone.rev == 2
        assert tombstone.note == "Draft 2"
        with pytest.raises(NotFound, match="could not be found. It may have been deleted"):
            lifecycle.get_live(session, Activity, entry_id, "time entry")
        with pytest.raises(NotFound):
            lifecycle.delete(session, Activity, entry_id, "time entry")
    with database.session() as session:
        lifecycle.undo_delete(session, Activity, entry_id, "time entry")
    with database.session() as session:
        back = lifecycle.get_live(session, Activity, entry_id, "time entry")
        assert (back.deleted_at, back.rev, back.note, back.minutes) == (None, 3, "Draft 2", 45)


def test_undo_of_a_record_that_was_never_deleted_changes_nothing(
    session: Session, partner: Project
) -> None:
    entry = _entry(session)
    assert lifecycle.undo_delete(session, Activity, entry.id, "time entry").rev == 1


def test_undo_of_an_unknown_record_says_so_in_its_own_words(
    session: Session, partner: Project
) -> None:
    with pytest.raises(NotFound) as problem:
        lifecycle.undo_delete(session, Reflection, "no-such-id", "reflection")
    assert problem.value.message == "That reflection could not be found."


def test_every_kind_of_record_is_deleted_the_same_way(session: Session, partner: Project) -> None:
    kept = reflections.record_reflection(
        session, date=date(2024, 5, 6), domain="trust", aspect="helped", text="Heard."
    )
    lifecycle.delete(session, Reflection, kept.id, "reflection")
    session.flush()
    assert session.scalars(select(Reflection)).one().deleted_at is not None
    assert reflections.list_reflections(session) == []


def test_a_change_is_checked_again_and_raises_the_revision(
    session: Session, partner: Project
) -> None:
    entry = _entry(session)
    checked: list[int] = []
    changed = lifecycle.change(
        session,
        Activity,
        entry.id,
        "time entry",
        {"minutes": 50},
        {"minutes", "note"},
        lambda record: checked.append(record.minutes),
    )
    assert changed is entry and (entry.minutes, entry.rev) == (50, 2)
    assert checked == [50]  # the rules saw the changed record


def test_a_field_that_is_not_for_changing_is_a_bug_not_a_mistake(
    session: Session, partner: Project
) -> None:
    entry = _entry(session)
    with pytest.raises(TypeError, match=r"unknown activity fields: \['rev'\]"):
        lifecycle.change(
            session, Activity, entry.id, "time entry", {"rev": 9}, {"minutes"}, lambda r: None
        )
    assert entry.rev == 1
