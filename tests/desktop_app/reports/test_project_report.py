"""The project engagement report reproduces the reference paper's results."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from desktop_app.model import Project
from desktop_app.reports.project_report import project_report_pdf
from desktop_app.services import reflections
from desktop_app.services.projects import default_project
from tests.helpers.pdf import flat, font_resources, metadata, pdf_text, squeeze


def test_demo_report_shows_the_reference_results(demo_session: Session) -> None:
    project = default_project(demo_session)
    pdf = project_report_pdf(demo_session, project.id, made_on=date(2026, 11, 26))
    text = flat(pdf_text(pdf))
    assert "Partners 4" in text
    assert "Total hours 487.0" in text
    assert "Average hours per partner per month 3.0" in text
    assert "Meetings 40" in text
    assert "Products 17" in text
    assert "12 of 17 (71%)" in text
    for heading in ("Consultation (5)", "Involvement (9)", "Partnership and shared leadership (3)"):
        assert heading in text
    for name in ("Rosa Martínez", "Nguyễn Thị Thanh", "Margaret O'Brien", "陈伟 (Wei Chen)"):
        assert name in text
    assert "Hours per month" in text and "Jul 2020" in text
    assert "Getting to know each other" in text
    assert squeeze("A six-part discussion guide for primary care teams.") in squeeze(text)
    assert all(font["embedded"] for font in font_resources(pdf))
    assert metadata(pdf)["/Title"] == f"Project engagement report: {project.name}"


def test_unshared_reflections_never_appear(demo_session: Session) -> None:
    project = default_project(demo_session)
    text = squeeze(pdf_text(project_report_pdf(demo_session, project.id)))
    every = reflections.list_reflections(demo_session, project_id=project.id)
    private = [r for r in every if not r.shared]
    shared = [r for r in every if r.shared]
    assert private and shared
    for reflection in private:
        assert squeeze(reflection.text) not in text
    for reflection in shared:
        assert squeeze(reflection.text) in text


def test_a_period_narrows_every_figure(demo_session: Session) -> None:
    project = default_project(demo_session)
    text = flat(
        pdf_text(project_report_pdf(demo_session, project.id, date(2022, 1, 1), date(2022, 12, 31)))
    )
    assert "1 January 2022 to 31 December 2022" in text
    assert "Meetings 12" in text
    assert "Jul 2020" not in text


def test_an_empty_project_still_makes_a_report(session: Session, partner: Project) -> None:
    text = flat(pdf_text(project_report_pdf(session, partner.id)))
    assert "Total hours 0.0" in text
    assert "No time was recorded in this period." in text
    assert "No reflections were shared in this period." in text


def test_rejected_time_is_not_in_the_report(session: Session, partner: Project) -> None:
    from desktop_app.model import ActivityKind, ReviewStatus
    from desktop_app.services import activities

    activities.record_activity(
        session, date=date(2025, 1, 8), minutes=90, kind=ActivityKind.MEETING
    )
    refused = activities.record_activity(
        session, date=date(2025, 2, 9), minutes=600, kind=ActivityKind.MEETING
    )
    refused.status = ReviewStatus.REJECTED
    session.flush()
    text = flat(pdf_text(project_report_pdf(session, partner.id)))
    assert "Total hours 1.5" in text and "Meetings 1" in text
    assert "11.5" not in text and "Feb 2025" not in text
