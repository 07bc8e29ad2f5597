"""Two coordinators deciding about the same entry: the one who saw an older version is
told plainly, nothing of theirs is saved, and the other's decision stands."""

from __future__ import annotations

import pytest

from desktop_app.labels import label
from desktop_app.model import Activity, ReviewStatus, Role
from desktop_app.services import profile
from desktop_app.services.concurrency import ChangedFirst
from desktop_app.services.review import review
from desktop_app.services.review_queue import waiting_entries
from desktop_app.storage.db import Database
from tests.helpers.sites import add_time


@pytest.fixture
def entry_id(database: Database) -> str:
    with database.session() as session:
        profile.setup(session, Role.COORDINATOR, "Karen Lee", project_name="Pain Care")
        made = session.get(Activity, add_time(session))
        assert made is not None
        made.status = ReviewStatus.SUBMITTED  # as if it came in a partner's file
        return made.id


def test_a_decision_on_an_entry_someone_else_changed_first_is_refused(
    database: Database, entry_id: str
) -> None:
    with database.session() as session:  # what Karen's list shows
        (shown,) = waiting_entries(session)
    with database.session() as session:  # Lee decides first
        review(session, [entry_id], "query", "Which meeting?", seen={shown.id: shown.review_rev})
    with pytest.raises(ChangedFirst) as refused, database.session() as session:
        review(session, [entry_id], "approve", seen={shown.id: shown.review_rev})
    assert "Someone else changed this first" in str(refused.value)
    assert label(ReviewStatus.QUERIED) in str(refused.value)
    with database.session() as session:
        entry = session.get(Activity, entry_id)
        assert entry is not None
        assert (entry.status.value, entry.status_note, entry.review_rev) == (
            "queried",
            "Which meeting?",
            1,
        )


def test_a_decision_on_what_was_seen_is_saved_and_raises_the_revision(
    database: Database, entry_id: str
) -> None:
    with database.session() as session:
        (shown,) = waiting_entries(session)
        assert shown.review_rev == 0
    with database.session() as session:
        review(session, [entry_id], "approve", seen={shown.id: shown.review_rev})
    with database.session() as session:
        entry = session.get(Activity, entry_id)
        assert entry is not None and entry.status.value == "approved" and entry.review_rev == 1
