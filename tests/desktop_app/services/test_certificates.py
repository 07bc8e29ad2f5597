"""Check codes: the same records give the same code; any change to them is caught."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput
from desktop_app.model import ActivityKind, Certificate, Project, ReviewStatus
from desktop_app.services import activities, payments, products, profile, projects, review
from desktop_app.services.certificates import (
    ALPHABET,
    Verdict,
    issue_certificate,
    normalise_code,
    verify_code,
)
from desktop_app.services.pay_rules import set_pay_rules

START, END = date(2025, 1, 1), date(2025, 6, 30)


@pytest.fixture
def entries(session: Session, partner: Project) -> list[str]:
    ids = []
    for day, minutes in ((date(2025, 2, 5), 90), (date(2025, 3, 5), 60), (date(2025, 4, 2), 45)):
        ids.append(
            activities.record_activity(
                session, date=day, minutes=minutes, kind=ActivityKind.MEETING
            ).id
        )
    return ids


def _issue(session: Session) -> Certificate:
    return issue_certificate(session, profile.owner(session).id, START, END)


def test_a_real_code_matches_with_its_partner_period_and_figures(
    session: Session, entries: list[str]
) -> None:
    certificate = _issue(session)
    assert certificate.code.startswith("PL-") and len(certificate.code) == 17
    assert set(certificate.code[3:].replace("-", "")) <= set(ALPHABET)
    result = verify_code(session, certificate.code)
    assert result.verdict == Verdict.MATCHED and result.matched
    assert result.person_name == "Ana Souza"
    assert (result.period_start, result.period_end) == (START, END)
    assert result.figures is not None
    assert result.figures["total_minutes"] == 90 + 60 + 45
    # 3.25 hours, rounded half up as everywhere else (never Python's round(), which gives 3.2)
    assert (result.figures["hours"], result.figures["meetings"]) == (3.3, 3)


def test_codes_are_read_however_they_are_typed(session: Session, entries: list[str]) -> None:
    code = _issue(session).code
    typed = code.lower().replace("-", " ")
    assert verify_code(session, typed).verdict == Verdict.MATCHED
    assert verify_code(session, code[3:].replace("-", "")).verdict == Verdict.MATCHED
    assert normalise_code("pl-0oo1-iIl1-0000") == "PL-0001-1111-0000"


def test_issuing_again_for_the_same_records_gives_the_same_code(
    session: Session, entries: list[str]
) -> None:
    first = _issue(session)
    again = _issue(session)
    assert again.code == first.code
    assert session.query(Certificate).count() == 1


def test_changed_minutes_make_the_code_changed(session: Session, entries: list[str]) -> None:
    certificate = _issue(session)
    activities.change_activity(session, entries[0], minutes=120)
    result = verify_code(session, certificate.code)
    assert result.verdict == Verdict.CHANGED
    assert result.person_name == "Ana Souza" and result.figures is not None


def test_a_deleted_entry_makes_the_code_changed(session: Session, entries: list[str]) -> None:
    certificate = _issue(session)
    activities.delete_activity(session, entries[1])
    assert verify_code(session, certificate.code).verdict == Verdict.CHANGED


def test_an_entry_added_in_the_period_makes_the_code_changed(
    session: Session, entries: list[str]
) -> None:
    certificate = _issue(session)
    activities.record_activity(
        session, date=date(2025, 5, 1), minutes=30, kind=ActivityKind.WRITING
    )
    assert verify_code(session, certificate.code).verdict == Verdict.CHANGED


def test_an_entry_outside_the_period_leaves_the_code_matched(
    session: Session, entries: list[str]
) -> None:
    certificate = _issue(session)
    activities.record_activity(
        session, date=date(2025, 8, 1), minutes=30, kind=ActivityKind.WRITING
    )
    assert verify_code(session, certificate.code).verdict == Verdict.MATCHED


def test_a_new_product_contribution_makes_the_code_changed(
    session: Session, entries: list[str]
) -> None:
    certificate = _issue(session)
    product = products.create_product(
        session,
        title="Handout",
        type="handout",
        engagement="involvement",
        completed_on=date(2025, 3, 1),
    )
    products.add_contribution(session, product.id, profile.owner(session).id, "Reviewer")
    assert verify_code(session, certificate.code).verdict == Verdict.CHANGED


def test_a_made_up_code_is_unknown(session: Session, entries: list[str]) -> None:
    _issue(session)
    assert verify_code(session, "PL-ABCD-EFGH-JKMN").verdict == Verdict.UNKNOWN
    assert verify_code(session, "not a code").verdict == Verdict.UNKNOWN


def test_no_records_means_no_certificate(session: Session, partner: Project) -> None:
    with pytest.raises(InvalidInput):
        _issue(session)


def test_approving_and_paying_the_entries_keeps_the_code_matched(
    session: Session, partner: Project, entries: list[str]
) -> None:
    certificate = _issue(session)
    review.review(session, entries, "approve")
    set_pay_rules(session, partner.id, rate_minor=3000)
    payments.record_payment(
        session,
        person_id=profile.owner(session).id,
        project_id=partner.id,
        period_start=START,
        period_end=END,
        kind="compensation",
        method="bank_transfer",
        paid_on=END,
    )
    review.close_period(session, partner.id, START, END)
    assert activities.get_activity(session, entries[0]).status == ReviewStatus.PAID
    assert verify_code(session, certificate.code).verdict == Verdict.MATCHED


def test_without_dates_the_certificate_shows_the_first_and_last_days(
    session: Session, entries: list[str]
) -> None:
    certificate = issue_certificate(session, profile.owner(session).id)
    result = verify_code(session, certificate.code)
    assert (result.period_start, result.period_end) == (None, None)
    assert result.shown_period == (date(2025, 2, 5), date(2025, 4, 2))


def test_a_project_with_no_records_gets_no_certificate(
    session: Session, entries: list[str]
) -> None:
    empty = projects.create_project(session, name="Sleep study")
    with pytest.raises(InvalidInput, match="no time or product to put on a certificate"):
        issue_certificate(session, profile.owner(session).id, project_ids=[empty.id])


def test_rejected_time_is_not_on_a_certificate(
    session: Session, partner: Project, entries: list[str]
) -> None:
    activities.get_activity(session, entries[0]).status = ReviewStatus.REJECTED
    session.flush()
    certificate = _issue(session)
    assert certificate.figures["total_minutes"] == 60 + 45
    assert certificate.figures["entries"] == 2


def test_rejecting_a_covered_entry_makes_the_code_changed(
    session: Session, partner: Project, entries: list[str]
) -> None:
    certificate = _issue(session)
    activities.get_activity(session, entries[1]).status = ReviewStatus.REJECTED
    session.flush()
    assert verify_code(session, certificate.code).verdict == Verdict.CHANGED
