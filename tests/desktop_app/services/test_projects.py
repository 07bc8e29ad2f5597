"""Projects: unique names, sensible periods and currencies, and the default project."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput, NotFound
from desktop_app.model import CompensationUnit, Project, Role
from desktop_app.services import profile, projects


def test_projects_need_unique_names_and_valid_periods(session: Session, partner: Project) -> None:
    with pytest.raises(InvalidInput, match="already a project"):
        projects.create_project(session, name="better pain care".title())
    with pytest.raises(InvalidInput, match="end date"):
        projects.create_project(
            session, name="Second", start_date=date(2024, 5, 1), end_date=date(2024, 1, 1)
        )
    with pytest.raises(InvalidInput, match="three letters"):
        projects.create_project(session, name="Second", currency="dollars")
    second = projects.create_project(
        session, name="Second", compensation_unit="hourly", rate_minor=2500
    )
    with pytest.raises(InvalidInput, match="Choose which project"):
        projects.default_project(session)
    assert projects.find_project(session, " second ").id == second.id
    projects.change_project(session, second.id, rate_minor=4000)
    projects.delete_project(session, second.id)
    with pytest.raises(NotFound):
        projects.find_project(session, "Second")
    projects.undo_delete_project(session, second.id)
    assert projects.find_project(session, "Second").rate_minor == 4000


def test_a_coordinator_without_a_project_is_told_to_add_one(session: Session) -> None:
    profile.setup(session, Role.COORDINATOR, "Karen Lee")
    with pytest.raises(InvalidInput, match="There is no project yet.") as problem:
        projects.default_project(session)
    assert "Settings" in problem.value.next_step and problem.value.field == "project"


def test_a_project_is_found_by_name_whatever_the_case(session: Session, partner: Project) -> None:
    assert projects.default_project(session, "BETTER PAIN CARE").id == partner.id
    with pytest.raises(NotFound, match="No project called \u201cSleep\u201d"):
        projects.find_project(session, " Sleep ")


def test_terms_are_kept_and_checked_on_every_change(session: Session, partner: Project) -> None:
    changed = projects.change_project(
        session,
        partner.id,
        organisation=" Pain Clinic ",
        compensation_unit="per_meeting",
        rate_minor=5000,
        currency="usd",
        terms="$50 a meeting, paid each quarter.",
    )
    assert (changed.organisation, changed.compensation_unit, changed.rate_minor) == (
        "Pain Clinic",
        CompensationUnit.PER_MEETING,
        5000,
    )
    assert (changed.currency, changed.rev) == ("USD", 2)
    with pytest.raises(InvalidInput, match="cannot be less than zero") as problem:
        projects.change_project(session, partner.id, rate_minor=-1)
    assert problem.value.field == "rate_minor"


def test_a_project_cannot_take_another_projects_name(session: Session, partner: Project) -> None:
    second = projects.create_project(session, name="Sleep study")
    with pytest.raises(InvalidInput, match="already a project with that name"):
        projects.change_project(session, second.id, name="Better Pain Care")
    projects.change_project(session, second.id, name="Sleep study")  # its own name is fine


def test_a_name_that_differs_only_in_case_is_refused(session: Session, partner: Project) -> None:
    with pytest.raises(InvalidInput, match="already a project with that name"):
        projects.create_project(session, name="better pain care")


def test_a_name_that_differs_only_in_accents_is_refused(session: Session, partner: Project) -> None:
    with pytest.raises(InvalidInput, match="already a project with that name"):
        projects.create_project(session, name="Bètter  Páin Care")
    assert projects.find_project(session, "better pain cáre").id == partner.id
