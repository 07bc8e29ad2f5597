"""Products the team made, and who helped make them."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput
from desktop_app.model import Audience, EngagementType, Project
from desktop_app.services import products, profile


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
