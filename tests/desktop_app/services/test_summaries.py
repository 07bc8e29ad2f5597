"""The figures the reference paper reports, on the demo data and on small cases."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from desktop_app import demo
from desktop_app.model import ActivityKind, Project, Role
from desktop_app.services import activities, profile, projects
from desktop_app.services.summaries import hours_by_month, per_partner, summarise


def test_demo_data_reproduces_the_reference_project(session: Session) -> None:
    demo.populate(session)
    figures = summarise(session)
    assert figures.partners == 4
    assert figures.total_hours == 487.0
    assert figures.avg_hours_per_partner_month == 3.0
    assert figures.meetings == 40
    assert figures.products == 17
    assert figures.involvement_or_partnership == 12
    assert figures.products_by_engagement == {
        "consultation": 5,
        "involvement": 9,
        "partnership": 3,
    }
    audiences = {k for k, v in figures.products_by_audience.items() if v}
    assert audiences == {"patients", "care_teams", "researchers"}
    assert (figures.first_date, figures.last_date) == (date(2020, 7, 8), date(2023, 11, 13))
    partners = per_partner(session)
    assert len(partners) == 4
    assert round(sum(s.total_minutes for _p, s in partners) / 60, 1) == 487.0
    months = hours_by_month(session)
    assert next(iter(months)) == "2020-07" and list(months)[-1] == "2023-11"
    # each month is rounded half up on its own, so the months add up to 487 give or take
    # half a tenth each
    assert abs(sum(months.values()) - 487) <= 0.05 * len(months)


def test_demo_reflections_cover_every_vav_domain(session: Session) -> None:
    from desktop_app.model import VavDomain
    from desktop_app.services.reflections import list_reflections

    demo.populate(session)
    assert {r.domain for r in list_reflections(session)} == set(VavDomain)


def test_a_meeting_attended_by_two_partners_counts_once(session: Session, partner: Project) -> None:
    other = profile.add_person(session, "Ben Carter", Role.PARTNER)
    day = date(2024, 2, 14)
    for person_id in (profile.owner(session).id, other.id):
        activities.record_activity(
            session, date=day, minutes=60, kind=ActivityKind.MEETING, person_id=person_id
        )
    activities.record_activity(session, date=day, minutes=30, kind=ActivityKind.REVIEWING)
    figures = summarise(session)
    assert (figures.meetings, figures.partners, figures.total_hours) == (1, 2, 2.5)
    assert figures.partner_months == 2


def test_period_and_prep_time_are_counted(session: Session, partner: Project) -> None:
    activities.record_activity(
        session, date=date(2024, 1, 10), minutes=60, prep_minutes=30, kind="meeting"
    )
    activities.record_activity(session, date=date(2024, 3, 5), minutes=45, kind="writing")
    activities.record_activity(session, date=date(2024, 6, 5), minutes=45, kind="writing")
    figures = summarise(session, start=date(2024, 1, 1), end=date(2024, 3, 31))
    assert (figures.total_minutes, figures.prep_minutes, figures.entries) == (135, 30, 2)
    # January to March, both counted: three months of engagement
    assert figures.partner_months == 3
    assert figures.avg_hours_per_partner_month == 0.8
    assert summarise(session).partner_months == 6


def test_deleted_entries_do_not_count(session: Session, partner: Project) -> None:
    entry = activities.record_activity(session, date=date(2024, 1, 10), minutes=60, kind="other")
    activities.delete_activity(session, entry.id)
    assert summarise(session).total_minutes == 0


def test_each_partners_figures_match_their_own_summary(session: Session) -> None:
    demo.populate(session)
    project_id = projects.default_project(session).id
    everyone = per_partner(session)
    assert len(everyone) == 4 and profile.owner(session).id in {p.id for p, _s in everyone}
    for start, end in ((None, None), (date(2021, 1, 1), date(2022, 6, 30))):
        for person, figures in per_partner(session, project_id, start, end):
            assert figures == summarise(session, person.id, project_id, start, end), person.id


def test_rejected_time_and_costs_count_nowhere(session: Session, partner: Project) -> None:
    from desktop_app.model import ReviewStatus
    from desktop_app.services import expenses

    kept = activities.record_activity(
        session, date=date(2024, 2, 14), minutes=60, kind=ActivityKind.MEETING
    )
    refused = activities.record_activity(
        session, date=date(2024, 3, 14), minutes=120, kind=ActivityKind.MEETING
    )
    refused.status = ReviewStatus.REJECTED  # as a coordinator's file would bring it
    cost = expenses.record_expense(
        session, date=date(2024, 3, 14), category="parking", amount_minor=900
    )
    cost.status = ReviewStatus.REJECTED
    session.flush()
    figures = summarise(session)
    assert (figures.total_minutes, figures.entries, figures.meetings) == (60, 1, 1)
    assert figures.last_date == kept.date and figures.expenses_minor == {}
    assert hours_by_month(session) == {"2024-02": 1.0}
    ((_person, mine),) = per_partner(session)
    assert (mine.total_minutes, mine.meetings, mine.expenses_minor) == (60, 1, {})
