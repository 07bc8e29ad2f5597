"""What the home screen shows: this month's time and the total, for me or for everyone."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from desktop_app.model import ActivityKind, Project, Role
from desktop_app.services import activities, products, profile, projects
from desktop_app.services.home import home_figures

TODAY = date(2024, 3, 20)


def test_before_set_up_the_home_screen_knows_it(session: Session) -> None:
    figures = home_figures(session, today=TODAY)
    assert figures.set_up is False
    assert (figures.total_minutes, figures.month_minutes, figures.name) == (0, 0, "")


def test_a_partner_sees_this_month_and_all_time(session: Session, partner: Project) -> None:
    for day, minutes, kind in (
        (date(2024, 2, 28), 45, ActivityKind.WRITING),
        (date(2024, 3, 1), 60, ActivityKind.MEETING),
        (date(2024, 3, 20), 30, ActivityKind.MEETING),
    ):
        activities.record_activity(session, date=day, minutes=minutes, kind=kind)
    products.create_my_product(
        session, title="Sleep handout", type="handout", engagement="involvement"
    )
    figures = home_figures(session, today=TODAY)
    assert figures.set_up and figures.role == Role.PARTNER
    assert figures.name == "Ana"  # the name Ana likes to be called
    assert figures.month_minutes == 60 + 30
    assert figures.total_minutes == 45 + 60 + 30
    assert (figures.meetings, figures.products, figures.project_count) == (2, 1, 1)


def test_a_partner_sees_only_their_own_time(session: Session, partner: Project) -> None:
    ben = profile.add_person(session, "Ben Carter", Role.PARTNER)
    activities.record_activity(session, date=TODAY, minutes=60, kind="reviewing")
    activities.record_activity(session, date=TODAY, minutes=120, kind="reviewing", person_id=ben.id)
    figures = home_figures(session, today=TODAY)
    assert (figures.month_minutes, figures.total_minutes, figures.partners) == (60, 60, 1)


def test_a_coordinator_sees_every_partner(session: Session) -> None:
    profile.setup(session, Role.COORDINATOR, "Karen Lee", project_name="Better Pain Care")
    projects.create_project(session, name="Sleep study")
    project = projects.find_project(session, "Better Pain Care")
    for name, minutes in (("Ana Souza", 60), ("Ben Carter", 90)):
        person = profile.add_person(session, name, Role.PARTNER)
        activities.record_activity(
            session,
            date=date(2024, 3, 5),
            minutes=minutes,
            kind="reviewing",
            person_id=person.id,
            project_id=project.id,
        )
    figures = home_figures(session, today=TODAY)
    assert figures.role == Role.COORDINATOR and figures.name == "Karen Lee"
    assert (figures.month_minutes, figures.total_minutes) == (150, 150)
    assert (figures.partners, figures.project_count) == (2, 2)


def test_rejected_time_is_not_on_the_home_screen(session: Session, partner: Project) -> None:
    from desktop_app.model import ReviewStatus

    activities.record_activity(session, date=date(2024, 3, 1), minutes=60, kind="meeting")
    refused = activities.record_activity(session, date=date(2024, 3, 2), minutes=45, kind="other")
    refused.status = ReviewStatus.REJECTED
    session.flush()
    figures = home_figures(session, today=TODAY)
    assert (figures.month_minutes, figures.total_minutes, figures.meetings) == (60, 60, 1)
