"""A coordinator's records with a project paid by the hour, for the money tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from desktop_app.model import Activity, Payment, PaymentKind, PaymentMethod, ReviewStatus, Role
from desktop_app.services import activities, payments, profile, projects
from desktop_app.services.pay_rules import set_pay_rules


@dataclass(frozen=True)
class Books:
    project_id: str
    rosa: str
    ben: str


def open_books(session: Session, rate_minor: int = 3000) -> Books:
    """Karen coordinates "Better Pain Care" at ``rate_minor`` an hour; Rosa and Ben partner."""
    profile.setup(session, Role.COORDINATOR, "Karen Lee", project_name="Better Pain Care")
    project = projects.default_project(session)
    set_pay_rules(session, project.id, rate_minor=rate_minor)
    rosa = profile.add_person(session, "Rosa Martínez", Role.PARTNER).id
    ben = profile.add_person(session, "Ben Carter", Role.PARTNER).id
    return Books(project.id, rosa, ben)


def approved(
    session: Session,
    books: Books,
    person_id: str,
    day: date,
    minutes: int,
    prep: int = 0,
    travel: int = 0,
    status: ReviewStatus = ReviewStatus.APPROVED,
) -> Activity:
    return activities.record_activity(
        session,
        date=day,
        minutes=minutes,
        prep_minutes=prep,
        travel_minutes=travel,
        kind="meeting",
        person_id=person_id,
        project_id=books.project_id,
        status=status,
    )


def pay(
    session: Session,
    books: Books,
    person_id: str,
    start: date,
    end: date,
    **more: object,
) -> Payment:
    fields: dict[str, object] = {
        "kind": PaymentKind.COMPENSATION,
        "method": PaymentMethod.BANK_TRANSFER,
        "paid_on": end,
    }
    fields.update(more)
    return payments.record_payment(
        session,
        person_id=person_id,
        project_id=books.project_id,
        period_start=start,
        period_end=end,
        **fields,  # type: ignore[arg-type]
    )
