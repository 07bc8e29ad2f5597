"""A coordinator's review: approve, query with a note, reject; closing a pay period."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput, NotFound
from desktop_app.model import Activity, Expense, Project, ReviewStatus, Role
from desktop_app.services import activities, expenses, profile, projects, review


@pytest.fixture
def project(session: Session) -> Project:
    """A coordinator's installation with one project."""
    profile.setup(session, Role.COORDINATOR, "Karen Lee", project_name="Better Pain Care")
    return projects.default_project(session)


def _sent(session: Session, project: Project, day: date, minutes: int = 60) -> Activity:
    rosa = profile.people(session, Role.PARTNER) or [profile.add_person(session, "Rosa")]
    return activities.record_activity(
        session,
        date=day,
        minutes=minutes,
        kind="meeting",
        person_id=rosa[0].id,
        project_id=project.id,
        status=ReviewStatus.SUBMITTED,
    )


def _expense(session: Session, project: Project, day: date) -> Expense:
    rosa = profile.people(session, Role.PARTNER)[0]
    expense = expenses.record_expense(
        session,
        date=day,
        category="parking",
        amount_minor=1250,
        person_id=rosa.id,
        project_id=project.id,
    )
    expense.status = ReviewStatus.SUBMITTED
    return expense


@pytest.mark.parametrize(
    ("decision", "status"),
    [
        ("approve", ReviewStatus.APPROVED),
        (review.Decision.QUERY, ReviewStatus.QUERIED),
        ("reject", ReviewStatus.REJECTED),
    ],
)
def test_a_decision_changes_the_status_and_keeps_the_note(
    session: Session, project: Project, decision: str, status: ReviewStatus
) -> None:
    entry = _sent(session, project, date(2024, 3, 4))
    (reviewed,) = review.review(session, [entry.id], decision, "  Was this the planning day? ")
    assert reviewed is entry
    assert (entry.status, entry.status_note) == (status, "Was this the planning day?")


def test_a_review_does_not_count_as_the_partners_own_change(
    session: Session, project: Project
) -> None:
    entry = _sent(session, project, date(2024, 3, 4))
    review.review(session, [entry.id], "approve")
    assert (entry.rev, entry.review_rev) == (1, 1)
    review.review(session, [entry.id], "approve")  # the same decision again changes nothing
    assert entry.review_rev == 1


def test_a_question_needs_a_note(session: Session, project: Project) -> None:
    entry = _sent(session, project, date(2024, 3, 4))
    with pytest.raises(InvalidInput, match="Enter the note.") as problem:
        review.review(session, [entry.id], "query", "   ")
    assert problem.value.field == "note"
    assert entry.status == ReviewStatus.SUBMITTED


def test_time_and_expenses_are_reviewed_together(session: Session, project: Project) -> None:
    entry = _sent(session, project, date(2024, 3, 4))
    cost = _expense(session, project, date(2024, 3, 4))
    review.review(session, [entry.id, cost.id, entry.id], "approve")
    assert (entry.status, cost.status) == (ReviewStatus.APPROVED, ReviewStatus.APPROVED)


@pytest.mark.parametrize(
    ("ids", "decision", "words"),
    [
        ([], "approve", "Choose at least one entry."),
        (["first"], "maybe", "Choose approve, query or reject."),
        (["no-such-entry"], "approve", "No entry or expense has the id"),
    ],
)
def test_a_review_that_cannot_be_done_says_why(
    session: Session, project: Project, ids: list[str], decision: str, words: str
) -> None:
    entry = _sent(session, project, date(2024, 3, 4))
    with pytest.raises(InvalidInput, match=words):
        review.review(session, [entry.id if i == "first" else i for i in ids], decision)
    assert entry.status == ReviewStatus.SUBMITTED


def test_a_deleted_entry_cannot_be_found_for_review(session: Session, project: Project) -> None:
    entry = _sent(session, project, date(2024, 3, 4))
    activities.delete_activity(session, entry.id)
    with pytest.raises(NotFound):
        review.find_entry(session, entry.id)


def test_closing_a_period_locks_its_entries_and_pays_none(
    session: Session, project: Project
) -> None:
    approved = _sent(session, project, date(2024, 3, 4))
    asked = _sent(session, project, date(2024, 3, 18))
    later = _sent(session, project, date(2024, 4, 2))
    review.review(session, [approved.id], "approve")
    review.review(session, [asked.id], "query", "Which meeting?")
    with pytest.raises(review.UnpaidInPeriod, match="not paid yet") as asked_first:
        review.close_period(session, project.id, date(2024, 3, 1), date(2024, 3, 31))
    assert [w.entry_ids for w in asked_first.value.waiting] == [(approved.id,)]
    assert review.pay_periods(session) == [] and not review.is_locked(approved)
    period = review.close_period(
        session,
        project.id,
        date(2024, 3, 1),
        date(2024, 3, 31),
        closed_on=date(2024, 4, 5),
        confirm=True,
    )
    assert approved.status == ReviewStatus.APPROVED  # closing never pays
    assert (asked.status, asked.status_note) == (ReviewStatus.QUERIED, "Which meeting?")
    assert review.is_locked(approved) and review.is_locked(asked)
    assert not review.is_locked(later) and later.pay_period_id is None
    assert [p.id for p in review.pay_periods(session, project.id)] == [period.id]
    assert (period.period_start, period.period_end, period.closed_on) == (
        date(2024, 3, 1),
        date(2024, 3, 31),
        date(2024, 4, 5),
    )


def test_the_review_of_a_closed_period_is_final_for_every_entry_asked(
    session: Session, project: Project
) -> None:
    locked = _sent(session, project, date(2024, 3, 4))
    open_entry = _sent(session, project, date(2024, 4, 2))
    review.close_period(session, project.id, date(2024, 3, 1), date(2024, 3, 31))
    with pytest.raises(InvalidInput, match="from 2024-03-04 is in a closed pay period"):
        review.review(session, [open_entry.id, locked.id], "reject", "Not this project")
    assert open_entry.status == ReviewStatus.SUBMITTED  # all or nothing
    assert locked.status == ReviewStatus.SUBMITTED


def test_a_period_that_ends_before_it_starts_is_refused(session: Session, project: Project) -> None:
    with pytest.raises(InvalidInput, match="on or after the start date"):
        review.close_period(session, project.id, date(2024, 3, 31), date(2024, 3, 1))
    assert review.pay_periods(session) == []


def test_a_pay_period_may_end_after_today_but_is_not_closed_in_the_future(
    session: Session, project: Project, today: date
) -> None:
    ends = date(today.year, 12, 31)  # the period of this whole year, closed early
    period = review.close_period(session, project.id, date(today.year, 1, 1), ends)
    assert period.period_end == ends and period.closed_on == today
    with pytest.raises(InvalidInput, match="The date cannot be after today.") as problem:
        later = date(today.year + 1, 1, 5)  # a period of its own, closed "on" a future day
        review.close_period(session, project.id, later, later, closed_on=ends)
    assert problem.value.field == "closed_on"


def test_rejecting_needs_a_reason(session: Session, project: Project) -> None:
    entry = _sent(session, project, date(2024, 3, 4))
    with pytest.raises(InvalidInput, match="Enter why you do not accept it.") as problem:
        review.review(session, [entry.id], "reject", "  ")
    assert problem.value.field == "note"
    assert entry.status == ReviewStatus.SUBMITTED


def test_a_rejection_is_undone_until_a_file_goes_to_the_partner(
    session: Session, project: Project, tmp_path: object
) -> None:
    from desktop_app.exchange import export_project_file

    entry = _sent(session, project, date(2024, 3, 4))
    review.review(session, [entry.id], "query", "Which meeting?")
    review.review(session, [entry.id], "reject", "This was a social visit")
    assert review.can_undo_reject(session, entry)
    review.undo_reject(session, entry.id)
    assert (entry.status, entry.status_note) == (ReviewStatus.QUERIED, "Which meeting?")

    review.review(session, [entry.id], "reject", "This was a social visit")
    other = profile.add_person(session, "Ben")
    export_project_file(session, tmp_path, person_id=other.id)  # someone else's file
    assert review.can_undo_reject(session, entry)
    export_project_file(session, tmp_path, person_id=entry.person_id)
    assert not review.can_undo_reject(session, entry)
    with pytest.raises(InvalidInput, match="already sent to the partner"):
        review.undo_reject(session, entry.id)
    assert entry.status == ReviewStatus.REJECTED


def test_a_file_for_every_partner_also_sends_the_rejection(
    session: Session, project: Project, tmp_path: object
) -> None:
    from desktop_app.exchange import export_project_files

    entry = _sent(session, project, date(2024, 3, 4))
    review.review(session, [entry.id], "reject", "Not for this project")
    export_project_files(session, tmp_path)
    with pytest.raises(InvalidInput):
        review.undo_reject(session, entry.id)


def test_only_a_rejected_entry_can_be_undone(session: Session, project: Project) -> None:
    entry = _sent(session, project, date(2024, 3, 4))
    review.review(session, [entry.id], "reject", "Not for this project")
    review.review(session, [entry.id], "approve")
    with pytest.raises(InvalidInput, match="not rejected"):
        review.undo_reject(session, entry.id)
    assert entry.status == ReviewStatus.APPROVED
