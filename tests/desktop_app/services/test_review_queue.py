"""What waits for the coordinator: sent entries and expenses not decided yet, oldest first."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from desktop_app.model import Project, ReviewStatus, Role
from desktop_app.services import activities, expenses, profile, projects, review
from desktop_app.services.review_queue import waiting_entries


def _coordinator(session: Session) -> Project:
    profile.setup(session, Role.COORDINATOR, "Karen Lee", project_name="Better Pain Care")
    return projects.default_project(session)


def test_sent_entries_wait_oldest_first_with_who_and_what(session: Session) -> None:
    project = _coordinator(session)
    rosa = profile.add_person(session, "Rosa Martínez")
    ben = profile.add_person(session, "Ben Carter")
    newer = activities.record_activity(
        session,
        date=date(2024, 3, 9),
        minutes=60,
        prep_minutes=30,
        kind="meeting",
        note="Planning",
        person_id=rosa.id,
        status=ReviewStatus.SUBMITTED,
    )
    older = activities.record_activity(
        session,
        date=date(2024, 3, 2),
        minutes=45,
        kind="reviewing",
        person_id=ben.id,
        status=ReviewStatus.SUBMITTED,
    )
    cost = expenses.record_expense(
        session,
        date=date(2024, 3, 5),
        category="parking",
        amount_minor=1250,
        person_id=rosa.id,
    )
    cost.status = ReviewStatus.SUBMITTED
    rows = waiting_entries(session, project.id)
    assert [row.id for row in rows] == [older.id, cost.id, newer.id]
    assert (rows[0].person, rows[0].type, rows[0].what, rows[0].minutes) == (
        "Ben Carter",
        "time",
        "reviewing",
        45,
    )
    assert (rows[1].type, rows[1].amount_minor, rows[1].currency) == ("expense", 1250, "CAD")
    assert (rows[2].minutes, rows[2].note, rows[2].person) == (90, "Planning", "Rosa Martínez")


def test_queried_entries_still_wait_and_decided_ones_do_not(session: Session) -> None:
    _coordinator(session)
    rosa = profile.add_person(session, "Rosa Martínez")
    made = [
        activities.record_activity(
            session,
            date=date(2024, 3, day),
            minutes=30,
            kind="writing",
            person_id=rosa.id,
            status=ReviewStatus.SUBMITTED,
        )
        for day in (1, 2, 3, 4)
    ]
    review.review(session, [made[0].id], "query", "Which document?")
    review.review(session, [made[1].id], "approve")
    review.review(session, [made[2].id], "reject", "Not part of this project")
    rows = waiting_entries(session)
    assert [(row.id, row.status) for row in rows] == [
        (made[0].id, "queried"),
        (made[3].id, "submitted"),
    ]
    assert rows[0].status_note == "Which document?"


def test_drafts_deleted_entries_and_other_projects_do_not_wait(session: Session) -> None:
    project = _coordinator(session)
    other = projects.create_project(session, name="Sleep study")
    rosa = profile.add_person(session, "Rosa Martínez")

    def entry(day: int, status: ReviewStatus, project_id: str) -> str:
        return activities.record_activity(
            session,
            date=date(2024, 3, day),
            minutes=30,
            kind="writing",
            person_id=rosa.id,
            project_id=project_id,
            status=status,
        ).id

    entry(1, ReviewStatus.DRAFT, project.id)
    activities.delete_activity(session, entry(2, ReviewStatus.SUBMITTED, project.id))
    elsewhere = entry(3, ReviewStatus.SUBMITTED, other.id)
    assert waiting_entries(session, project.id) == []
    assert [row.id for row in waiting_entries(session)] == [elsewhere]


def test_rows_say_the_project_and_keep_the_partners_note_apart_from_the_question(
    session: Session,
) -> None:
    _coordinator(session)
    other = projects.create_project(session, name="Sleep study")
    rosa = profile.add_person(session, "Rosa Martínez")
    entry = activities.record_activity(
        session,
        date=date(2024, 3, 1),
        minutes=60,
        prep_minutes=15,
        kind="meeting",
        note="Planning the survey",
        person_id=rosa.id,
        project_id=other.id,
        status=ReviewStatus.SUBMITTED,
    )
    review.review(session, [entry.id], "query", "Was this the June meeting?")
    [row] = waiting_entries(session)
    assert (row.project, row.project_id, row.person_id) == ("Sleep study", other.id, rosa.id)
    assert (row.note, row.status_note) == ("Planning the survey", "Was this the June meeting?")
    assert (row.minutes, row.work_minutes, row.prep_minutes) == (75, 60, 15)
