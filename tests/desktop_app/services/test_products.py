"""Products the team made, and who helped make them."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput
from desktop_app.model import Audience, EngagementType, ProductStatus, ProductType, Project
from desktop_app.services import products, profile, projects


def test_products_with_contributors_and_audiences(session: Session, partner: Project) -> None:
    me = profile.owner(session)
    product = products.create_product(
        session,
        title="  Pain toolkit ",
        type="toolkit",
        engagement=EngagementType.PARTNERSHIP,
        audiences=[Audience.RESEARCHERS, "patients"],
    )
    products.add_contribution(session, product.id, me.id, "Co-lead")
    with pytest.raises(InvalidInput, match="already listed"):
        products.add_contribution(session, product.id, me.id)
    assert product.title == "Pain toolkit"
    assert product.audiences == ["patients", "researchers"]
    assert [p.title for p in products.list_products(session, person_id=me.id)] == ["Pain toolkit"]
    with pytest.raises(InvalidInput, match="Enter the name of the product"):
        products.change_product(session, product.id, title="   ")
    products.delete_product(session, product.id)
    assert products.list_products(session) == []
    products.undo_delete_product(session, product.id)
    assert len(products.list_products(session)) == 1


def test_a_partner_adds_a_product_with_their_part_in_it(session: Session, partner: Project) -> None:
    product = products.create_my_product(
        session,
        my_role="I checked the words",
        title="Sleep handout",
        type=ProductType.HANDOUT,
        engagement="involvement",
        completed_on=date(2024, 9, 1),
        location="Shared drive / handouts",
    )
    me = profile.owner(session).id
    (mine,) = products.live_contributions(session, product.id)
    assert (mine.person_id, mine.role) == (me, "I checked the words")
    assert (product.status, product.completed_on) == (ProductStatus.DRAFT, date(2024, 9, 1))
    assert product.location == "Shared drive / handouts"


def test_taking_a_person_off_a_product_keeps_the_product(
    session: Session, partner: Project
) -> None:
    me = profile.owner(session).id
    product = products.create_my_product(
        session, title="Pain toolkit", type="toolkit", engagement="partnership"
    )
    (mine,) = products.live_contributions(session, product.id)
    products.remove_contribution(session, mine.id)
    assert products.list_products(session, person_id=me) == []
    assert [p.title for p in products.list_products(session)] == ["Pain toolkit"]
    products.add_contribution(session, product.id, me, "Reviewer")  # may be listed again
    assert [p.title for p in products.list_products(session, person_id=me)] == ["Pain toolkit"]


def test_a_change_is_checked_like_a_new_product(session: Session, partner: Project) -> None:
    product = products.create_product(
        session, title="Webinar", type="webinar", engagement="consultation"
    )
    products.change_product(
        session, product.id, status="published", audiences=["public", "patients", "public"]
    )
    assert (product.status, product.audiences, product.rev) == (
        ProductStatus.PUBLISHED,
        ["patients", "public"],
        2,
    )
    with pytest.raises(InvalidInput, match="Choose one of the options") as problem:
        products.change_product(session, product.id, audiences=["everyone"])
    assert problem.value.field == "audiences"


def test_products_are_listed_by_title_for_one_project(session: Session, partner: Project) -> None:
    other = projects.create_project(session, name="Sleep study")
    for title in ("Webinar", "Article"):
        products.create_product(
            session, title=title, type="other", engagement="consultation", project_id=partner.id
        )
    products.create_product(
        session, title="Poster", type="other", engagement="consultation", project_id=other.id
    )
    assert [p.title for p in products.list_products(session, project_id=partner.id)] == [
        "Article",
        "Webinar",
    ]
    assert [p.title for p in products.list_products(session)] == ["Article", "Poster", "Webinar"]
