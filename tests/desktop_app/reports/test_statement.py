"""The contribution statement: dated tables, totals, the amount due, costs apart."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from desktop_app.model import (
    ActivityKind,
    CompensationUnit,
    ExpenseCategory,
    PaymentChoice,
    Project,
    ReviewStatus,
)
from desktop_app.reports.formatting import hours
from desktop_app.reports.statement import statement_pdf
from desktop_app.services import activities, expenses, profile
from desktop_app.services.projects import change_project, default_project
from tests.helpers.pdf import flat, font_resources, page_count, pdf_text


def test_demo_statement_claims_only_what_is_not_yet_paid(demo_session: Session) -> None:
    person = profile.owner(demo_session)
    project = default_project(demo_session)
    entries = activities.list_activities(demo_session, person.id, project.id)
    claimed = sum(
        a.total_minutes
        for a in entries
        if a.status not in (ReviewStatus.PAID, ReviewStatus.REJECTED)
    )
    text = flat(pdf_text(statement_pdf(demo_session, person.id, project.id)))
    assert "Contribution statement" in text and "Rosa Martínez" in text
    assert "By the hour: USD 30.00 an hour" in text
    due = (3000 * claimed + 30) // 60
    assert f"Amount due for time USD {due // 100:,}.{due % 100:02d}" in text
    assert f"{hours(claimed)} hours" in text
    assert "Costs to pay back USD 12.50" in text  # only the parking is not paid yet
    assert "10 May 2021 Internet or phone" in text
    assert "Approved" in text and "Sent" in text and "Paid" in text
    assert f"{len(entries)} entries" in text
    assert "Signature of the partner" in text and "Approved by the coordinator" in text


def test_a_partner_who_declined_pay_has_no_amount_due(demo_session: Session) -> None:
    person = profile.find_person(demo_session, "Margaret O'Brien")
    assert person.payment_choice == PaymentChoice.DECLINED
    text = flat(pdf_text(statement_pdf(demo_session, person.id, default_project(demo_session).id)))
    assert "Margaret O'Brien" in text
    assert "Amount due" not in text
    assert "Not paid, by choice" in text and "chose not to be paid" in text
    assert "Costs to pay back USD 12.50" in text


def test_a_partner_who_gives_pay_away_has_no_amount_due(session: Session, partner: Project) -> None:
    change_project(session, partner.id, compensation_unit=CompensationUnit.HOURLY, rate_minor=2500)
    profile.change_profile(session, payment_choice=PaymentChoice.DONATE)
    activities.record_activity(
        session, date=date(2025, 1, 8), minutes=60, kind=ActivityKind.MEETING
    )
    text = flat(pdf_text(statement_pdf(session, profile.owner(session).id, partner.id)))
    assert "By the hour: CAD 25.00 an hour" in text
    assert "Amount due" not in text
    assert "Given to a good cause" in text and "chose to give their pay" in text


def test_per_meeting_pay_counts_meetings(session: Session, partner: Project) -> None:
    change_project(
        session, partner.id, compensation_unit=CompensationUnit.PER_MEETING, rate_minor=5000
    )
    for day in (date(2025, 1, 8), date(2025, 2, 12)):
        activities.record_activity(session, date=day, minutes=60, kind=ActivityKind.MEETING)
    activities.record_activity(
        session, date=date(2025, 2, 1), minutes=60, kind=ActivityKind.WRITING
    )
    expenses.record_expense(
        session, date=date(2025, 2, 12), category=ExpenseCategory.PARKING, amount_minor=800
    )
    text = flat(pdf_text(statement_pdf(session, profile.owner(session).id, partner.id)))
    assert "Amount due for time CAD 100.00" in text
    assert "Costs to pay back CAD 8.00" in text
    assert "12 Feb 2025 Parking CAD 8.00 No" in text


def test_a_long_statement_repeats_its_table_header_on_every_page(
    session: Session, partner: Project
) -> None:
    for i in range(120):
        activities.record_activity(
            session, date=date(2024, 1, 1 + i % 28), minutes=30, kind=ActivityKind.REVIEWING
        )
    pdf = statement_pdf(session, profile.owner(session).id, partner.id)
    pages = page_count(pdf)
    assert pages >= 3
    text = flat(pdf_text(pdf))
    assert text.count("Date What I did Time Getting ready Status") >= pages - 1
    assert f"Page {pages} of {pages}" in text
    assert all(font["embedded"] for font in font_resources(pdf))


def test_rejected_time_and_costs_are_left_out(session: Session, partner: Project) -> None:
    change_project(session, partner.id, compensation_unit=CompensationUnit.HOURLY, rate_minor=2000)
    activities.record_activity(
        session, date=date(2025, 1, 8), minutes=60, kind=ActivityKind.MEETING
    )
    refused = activities.record_activity(
        session, date=date(2025, 1, 9), minutes=180, kind=ActivityKind.WRITING
    )
    refused.status = ReviewStatus.REJECTED
    cost = expenses.record_expense(
        session, date=date(2025, 1, 9), category=ExpenseCategory.PARKING, amount_minor=800
    )
    cost.status = ReviewStatus.REJECTED
    text = flat(pdf_text(statement_pdf(session, profile.owner(session).id, partner.id)))
    assert "Amount due for time CAD 20.00" in text
    assert "1.0 hours" in text and "4.0 hours" not in text
    assert "9 Jan 2025" not in text and "Not accepted" not in text
    assert "No costs were recorded in this period." in text
