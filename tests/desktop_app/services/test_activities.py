"""Recording, changing, deleting and undoing time entries, with plain-word validation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput, NotFound
from desktop_app.model import ActivityKind, Project, ReviewStatus
from desktop_app.services import activities, lifecycle, products
from tests.helpers.days import TEST_DAY


def _meeting(session: Session, **overrides: object) -> str:
    fields: dict[str, object] = {
        "date": TEST_DAY,
        "minutes": 60,
        "kind": ActivityKind.MEETING,
    }
    fields.update(overrides)
    return activities.record_activity(session, **fields).id  # type: ignore[arg-type]


def test_a_meeting_is_saved_for_me_on_my_only_project(session: Session, partner: Project) -> None:
    activity = activities.get_activity(session, _meeting(session, note="Planning day"))
    assert activity.project_id == partner.id
    assert activity.minutes == 60
    assert activity.status == ReviewStatus.DRAFT
    assert activity.rev == 1
    assert activity.origin == lifecycle.origin_of(session) != ""
    assert activities.count_activities(session) == 1


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"minutes": 0}, "minutes", "between 1 minute and 24 hours"),
        ({"minutes": 1441}, "minutes", "between 1 minute and 24 hours"),
        ({"minutes": 600, "prep_minutes": 900}, "minutes", "add up to 24 hours"),
        ({"prep_minutes": -5}, "prep_minutes", "Extra time"),
        ({"date": TEST_DAY + timedelta(days=1)}, "date", "The date cannot be after today."),
        ({"note": "x" * 2001}, "note", "up to 2000 characters. It has 2001 now."),
        ({"kind": "napping"}, "kind", "Choose one of the options"),
        ({"minutes": "sixty"}, "minutes", "whole minutes"),
    ],
)
def test_bad_input_is_refused_in_plain_words(
    session: Session, partner: Project, overrides: dict[str, object], field: str, words: str
) -> None:
    with pytest.raises(InvalidInput) as problem:
        _meeting(session, **overrides)
    assert problem.value.field == field
    assert words in problem.value.message
    assert activities.count_activities(session) == 0


def test_time_given_today_is_allowed(session: Session, partner: Project) -> None:
    _meeting(session, date=TEST_DAY)
    assert activities.count_activities(session) == 1


def test_changing_an_entry_raises_its_revision_and_resends_it(
    session: Session, partner: Project
) -> None:
    entry = activities.get_activity(session, _meeting(session))
    entry.status = ReviewStatus.APPROVED
    changed = activities.change_activity(session, entry.id, minutes=90, note="Longer than planned")
    assert (changed.minutes, changed.note, changed.rev) == (90, "Longer than planned", 2)
    assert changed.status == ReviewStatus.DRAFT


def test_a_bad_change_is_refused(session: Session, partner: Project) -> None:
    entry_id = _meeting(session)
    with pytest.raises(InvalidInput):
        activities.change_activity(session, entry_id, minutes=5000)


def test_a_paid_entry_cannot_be_changed_or_deleted(session: Session, partner: Project) -> None:
    entry = activities.get_activity(session, _meeting(session))
    entry.status = ReviewStatus.PAID
    with pytest.raises(InvalidInput, match="paid"):
        activities.change_activity(session, entry.id, minutes=30)
    with pytest.raises(InvalidInput, match="paid"):
        activities.delete_activity(session, entry.id)


def test_delete_then_undo_brings_the_entry_back_unchanged(
    session: Session, partner: Project
) -> None:
    entry_id = _meeting(session, note="Keep me")
    activities.delete_activity(session, entry_id)
    assert activities.count_activities(session) == 0
    with pytest.raises(NotFound):
        activities.get_activity(session, entry_id)

    restored = activities.undo_delete_activity(session, entry_id)
    assert restored.note == "Keep me"
    assert restored.deleted_at is None
    assert restored.rev == 3  # made, deleted, restored: each travels to other copies
    assert activities.count_activities(session) == 1


def test_entries_can_link_products(session: Session, partner: Project) -> None:
    product = products.create_product(
        session, title="Pain handout", type="handout", engagement="involvement"
    )
    entry = activities.get_activity(session, _meeting(session, product_ids=[product.id]))
    assert [p.title for p in entry.products] == ["Pain handout"]
    activities.change_activity(session, entry.id, product_ids=[])
    assert activities.get_activity(session, entry.id).products == []


def test_records_list_pages_newest_first(session: Session, partner: Project) -> None:
    for days_ago in range(5):
        _meeting(session, date=TEST_DAY - timedelta(days=days_ago), minutes=10 + days_ago)
    first_page = activities.list_activities(session, limit=2)
    second_page = activities.list_activities(session, offset=2, limit=2)
    assert [a.minutes for a in first_page] == [10, 11]
    assert [a.minutes for a in second_page] == [12, 13]
