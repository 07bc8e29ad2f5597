"""Many time entries and expenses saved at once: checked and stamped exactly as one is."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput, NotFound
from desktop_app.model import (
    Activity,
    ActivityKind,
    ActivityMode,
    Expense,
    ExpenseCategory,
    Project,
    ReviewStatus,
)
from desktop_app.services import activities, bulk_entries, expenses, lifecycle, profile
from desktop_app.services.bulk_entries import NewActivity, NewExpense
from tests.helpers.days import TEST_DAY

_SAME_AS_ONE = (
    "person_id",
    "project_id",
    "date",
    "kind",
    "mode",
    "minutes",
    "prep_minutes",
    "travel_minutes",
    "note",
    "status",
    "status_note",
    "review_rev",
    "pay_period_id",
    "rev",
    "origin",
    "deleted_at",
)


def _entry(project: Project, person_id: str, **overrides: object) -> NewActivity:
    fields: dict[str, object] = {
        "date": TEST_DAY,
        "minutes": 60,
        "kind": ActivityKind.MEETING,
        "project_id": project.id,
        "person_id": person_id,
    }
    fields.update(overrides)
    return NewActivity(**fields)  # type: ignore[arg-type]


def _count(session: Session, model: type[Activity] | type[Expense]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_many_entries_are_saved_as_one_would_be(session: Session, partner: Project) -> None:
    me = profile.owner(session).id
    one = activities.record_activity(
        session, date=TEST_DAY, minutes=90, kind=ActivityKind.REVIEWING, prep_minutes=15
    )
    many = [
        _entry(partner, me, minutes=90, kind=ActivityKind.REVIEWING, prep_minutes=15)
        for _ in range(3)
    ]
    ids = bulk_entries.record_activities(session, many)
    assert ids == [e.id for e in many] and len(set(ids)) == 3
    for saved in (activities.get_activity(session, i) for i in ids):
        for column in _SAME_AS_ONE:
            assert getattr(saved, column) == getattr(one, column), column
        assert saved.created_at == saved.updated_at
        assert saved.status == ReviewStatus.DRAFT and saved.mode == ActivityMode.VIDEO
    assert activities.count_activities(session) == 4


def test_notes_are_tidied_as_for_one_entry(session: Session, partner: Project) -> None:
    me = profile.owner(session).id
    [made] = bulk_entries.record_activities(session, [_entry(partner, me, note="  Planning  ")])
    assert activities.get_activity(session, made).note == "Planning"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"minutes": 0}, "minutes"),
        ({"minutes": 600, "prep_minutes": 900}, "minutes"),
        ({"date": TEST_DAY + timedelta(days=1)}, "date"),
        ({"note": "x" * 2001}, "note"),
        ({"kind": "napping"}, "kind"),
    ],
)
def test_one_bad_entry_saves_none_of_them(
    session: Session, partner: Project, overrides: dict[str, object], field: str
) -> None:
    me = profile.owner(session).id
    batch = [_entry(partner, me), _entry(partner, me, **overrides), _entry(partner, me)]
    with pytest.raises(InvalidInput) as problem:
        bulk_entries.record_activities(session, batch)
    assert problem.value.field == field
    assert _count(session, Activity) == 0


def test_a_deleted_project_is_refused(session: Session, partner: Project) -> None:
    me = profile.owner(session).id
    lifecycle.delete(session, Project, partner.id, "project")
    with pytest.raises(NotFound):
        bulk_entries.record_activities(session, [_entry(partner, me)])
    assert _count(session, Activity) == 0


def test_many_expenses_take_the_projects_currency(session: Session, partner: Project) -> None:
    me = profile.owner(session).id
    costs = [
        NewExpense(TEST_DAY, ExpenseCategory.PARKING, 1250, partner.id, me, note="Lot B"),
        NewExpense(TEST_DAY, ExpenseCategory.OTHER, 300, partner.id, me),
    ]
    ids = bulk_entries.record_expenses(session, costs)
    saved = [session.get(Expense, i) for i in ids]
    assert [(e.amount_minor, e.currency, e.note) for e in saved if e] == [
        (1250, partner.currency, "Lot B"),
        (300, partner.currency, ""),
    ]
    assert all(e and e.rev == 1 and e.origin == lifecycle.origin_of(session) for e in saved)
    assert len(expenses.list_expenses(session)) == 2


def test_an_expense_of_nothing_saves_none(session: Session, partner: Project) -> None:
    me = profile.owner(session).id
    costs = [
        NewExpense(TEST_DAY, ExpenseCategory.PARKING, 1250, partner.id, me),
        NewExpense(TEST_DAY, ExpenseCategory.PARKING, 0, partner.id, me),
    ]
    with pytest.raises(InvalidInput, match="how much it cost"):
        bulk_entries.record_expenses(session, costs)
    assert _count(session, Expense) == 0


def test_nothing_to_save_saves_nothing(session: Session, partner: Project) -> None:
    assert bulk_entries.record_activities(session, []) == []
    assert bulk_entries.record_expenses(session, []) == []
