"""First-run set-up, the owner's own details, and the people in the records."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput, NotFound, UserFacingError
from desktop_app.model import PaymentChoice, Project, Role
from desktop_app.services import profile, projects


def test_setup_happens_once_and_the_profile_can_change(session: Session) -> None:
    with pytest.raises(InvalidInput, match="Enter your name"):
        profile.setup(session, Role.PARTNER, "   ")
    profile.setup(session, "partner", "Ana Souza", payment_choice="declined")
    with pytest.raises(InvalidInput, match="already set up"):
        profile.setup(session, Role.PARTNER, "Someone Else")
    me = profile.change_profile(session, preferred_name="Ana", payment_choice=PaymentChoice.PAID)
    assert (me.name, me.payment_choice, me.rev) == ("Ana", PaymentChoice.PAID, 2)
    assert profile.find_person(session, "ana").id == me.id
    with pytest.raises(NotFound):
        profile.find_person(session, "Nobody")


def test_before_set_up_the_owner_is_told_how_to_set_up(session: Session) -> None:
    assert profile.installation(session) is None
    with pytest.raises(UserFacingError) as problem:
        profile.owner(session)
    assert problem.value.message == "Partner Log is not set up yet."
    assert "partner-log setup" in problem.value.next_step


def test_set_up_with_a_project_name_makes_the_project(session: Session) -> None:
    made = profile.setup(session, Role.COORDINATOR, " Karen Lee ", project_name="Better Pain Care")
    me = profile.owner(session)
    assert (made.role, made.person_id) == (Role.COORDINATOR, me.id)
    assert (me.display_name, me.role, me.origin) == ("Karen Lee", Role.COORDINATOR, made.id)
    assert [p.name for p in projects.projects(session)] == ["Better Pain Care"]


def test_set_up_without_a_project_name_makes_none(session: Session) -> None:
    profile.setup(session, Role.PARTNER, "Ana Souza", project_name="   ")
    assert projects.projects(session) == []


def test_changing_only_some_details_keeps_the_others(session: Session, partner: Project) -> None:
    me = profile.change_profile(session, contact=" ana@example.org ")
    assert (me.display_name, me.preferred_name, me.contact) == (
        "Ana Souza",
        "Ana",
        "ana@example.org",
    )
    with pytest.raises(InvalidInput, match="Enter your name.") as problem:
        profile.change_profile(session, name="  ")
    assert problem.value.field == "name"
    with pytest.raises(InvalidInput, match="Choose one of the options"):
        profile.change_profile(session, payment_choice="maybe")


def test_a_coordinator_adds_partners_listed_by_name(session: Session) -> None:
    profile.setup(session, Role.COORDINATOR, "Karen Lee")
    for name in ("Wei Chen", "Ben Carter", "Rosa Martínez"):
        profile.add_person(session, name)
    with pytest.raises(InvalidInput, match="Enter the person's name."):
        profile.add_person(session, " ")
    assert [p.display_name for p in profile.people(session, Role.PARTNER)] == [
        "Ben Carter",
        "Rosa Martínez",
        "Wei Chen",
    ]
    assert [p.display_name for p in profile.people(session, Role.COORDINATOR)] == ["Karen Lee"]
    assert profile.count_people(session) == 4


def test_two_people_with_the_same_name_are_not_guessed_between(session: Session) -> None:
    profile.setup(session, Role.COORDINATOR, "Karen Lee")
    profile.add_person(session, "Ben Carter")
    profile.add_person(session, "ben carter")
    with pytest.raises(InvalidInput, match="More than one person is called"):
        profile.find_person(session, "Ben Carter")
