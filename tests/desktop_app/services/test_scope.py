"""Which records a question is about: one person, one project, a period, never deleted;
and which products, through who helped make them and when they were completed."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.model import Activity, Expense, Product, Project, Role
from desktop_app.services import activities, expenses, products, profile, projects
from desktop_app.services.scope import in_scope, products_in_scope


def _minutes(
    session: Session,
    person_id: str | None = None,
    project_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[int]:
    query = select(Activity.minutes).where(in_scope(Activity, person_id, project_id, start, end))
    return sorted(session.scalars(query))


def test_deleted_records_are_never_in_scope(session: Session, partner: Project) -> None:
    kept = activities.record_activity(session, date=date(2024, 1, 5), minutes=30, kind="other")
    gone = activities.record_activity(session, date=date(2024, 1, 6), minutes=45, kind="other")
    activities.delete_activity(session, gone.id)
    assert _minutes(session) == [kept.minutes]


def test_a_period_includes_its_first_and_last_days(session: Session, partner: Project) -> None:
    for day, minutes in ((date(2023, 12, 31), 10), (date(2024, 1, 1), 20), (date(2024, 1, 31), 30)):
        activities.record_activity(session, date=day, minutes=minutes, kind="other")
    activities.record_activity(session, date=date(2024, 2, 1), minutes=40, kind="other")
    assert _minutes(session, start=date(2024, 1, 1), end=date(2024, 1, 31)) == [20, 30]
    assert _minutes(session, start=date(2024, 1, 31)) == [30, 40]
    assert _minutes(session, end=date(2023, 12, 31)) == [10]


def test_one_person_and_one_project(session: Session, partner: Project) -> None:
    ben = profile.add_person(session, "Ben Carter", Role.PARTNER)
    other = projects.create_project(session, name="Sleep study")
    day = date(2024, 3, 3)
    activities.record_activity(session, date=day, minutes=15, kind="other", project_id=partner.id)
    activities.record_activity(session, date=day, minutes=25, kind="other", project_id=other.id)
    activities.record_activity(
        session, date=day, minutes=35, kind="other", project_id=other.id, person_id=ben.id
    )
    me = profile.owner(session).id
    assert _minutes(session, person_id=me) == [15, 25]
    assert _minutes(session, project_id=other.id) == [25, 35]
    assert _minutes(session, person_id=ben.id, project_id=partner.id) == []
    assert _minutes(session) == [15, 25, 35]


def test_expenses_are_scoped_the_same_way(session: Session, partner: Project) -> None:
    expenses.record_expense(session, date=date(2024, 4, 1), category="parking", amount_minor=500)
    gone = expenses.record_expense(
        session, date=date(2024, 4, 2), category="meals", amount_minor=900
    )
    expenses.delete_expense(session, gone.id)
    query = select(Expense.amount_minor).where(
        in_scope(
            Expense, profile.owner(session).id, partner.id, date(2024, 4, 1), date(2024, 4, 30)
        )
    )
    assert list(session.scalars(query)) == [500]


def _titles(
    session: Session,
    person_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[str]:
    query = select(Product.title).where(products_in_scope(person_id, None, start, end))
    return sorted(session.scalars(query))


def test_a_product_counts_for_the_people_who_helped_make_it(
    session: Session, partner: Project
) -> None:
    ben = profile.add_person(session, "Ben Carter", Role.PARTNER)
    mine = products.create_my_product(
        session, title="Sleep handout", type="handout", engagement="involvement"
    )
    products.create_product(session, title="Poster", type="other", engagement="consultation")
    bens = products.create_product(
        session, title="Webinar", type="webinar", engagement="partnership"
    )
    products.add_contribution(session, bens.id, ben.id)
    me = profile.owner(session).id
    assert _titles(session, person_id=me) == ["Sleep handout"]
    assert _titles(session, person_id=ben.id) == ["Webinar"]
    assert _titles(session) == ["Poster", "Sleep handout", "Webinar"]
    (contribution,) = products.live_contributions(session, mine.id)
    products.remove_contribution(session, contribution.id)
    assert _titles(session, person_id=me) == []


def test_with_a_period_a_product_counts_when_it_was_completed(
    session: Session, partner: Project
) -> None:
    for title, completed in (
        ("Handout", date(2024, 3, 31)),
        ("Toolkit", date(2024, 4, 1)),
        ("Still a draft", None),
    ):
        products.create_product(
            session, title=title, type="other", engagement="involvement", completed_on=completed
        )
    gone = products.create_product(
        session, title="Gone", type="other", engagement="involvement", completed_on=date(2024, 3, 1)
    )
    products.delete_product(session, gone.id)
    assert _titles(session, start=date(2024, 1, 1), end=date(2024, 3, 31)) == ["Handout"]
    assert _titles(session, start=date(2024, 4, 1)) == ["Toolkit"]
    assert _titles(session) == ["Handout", "Still a draft", "Toolkit"]
