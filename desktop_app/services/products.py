"""Products the team made, and each partner's part in them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput
from desktop_app.i18n import _
from desktop_app.model import (
    Audience,
    EngagementType,
    Person,
    Product,
    ProductContribution,
    ProductStatus,
    ProductType,
    new_id,
)
from desktop_app.services import lifecycle
from desktop_app.services.profile import owner
from desktop_app.services.projects import default_project
from desktop_app.services.scope import products_in_scope
from desktop_app.services.validation import (
    MAX_LONG_TEXT,
    MAX_NAME,
    MAX_NOTE,
    MAX_TITLE,
    check_choice,
    check_date,
    clean_text,
)

_CHANGEABLE = {
    "title",
    "type",
    "audiences",
    "engagement",
    "status",
    "completed_on",
    "location",
    "description",
}


def _what() -> str:
    return _("product")


def _audiences(values: Iterable[Audience | str]) -> list[str]:
    chosen = {check_choice(value, Audience, "audiences") for value in values}
    return [a.value for a in Audience if a in chosen]


def _validate(product: Product) -> None:
    product.title = clean_text(
        product.title, "title", _("the name of the product"), MAX_TITLE, True
    )
    product.type = check_choice(product.type, ProductType, "type")
    product.engagement = check_choice(product.engagement, EngagementType, "engagement")
    product.status = check_choice(product.status, ProductStatus, "status")
    product.audiences = _audiences(product.audiences)
    if product.completed_on is not None:
        product.completed_on = check_date(product.completed_on, "completed_on")
    product.location = clean_text(
        product.location, "location", _("where it is kept"), MAX_NOTE, False
    )
    product.description = clean_text(
        product.description, "description", _("the description"), MAX_LONG_TEXT, False
    )


def create_product(
    session: Session,
    *,
    title: str,
    type: ProductType | str,
    engagement: EngagementType | str,
    audiences: Iterable[Audience | str] = (),
    status: ProductStatus | str = ProductStatus.DRAFT,
    completed_on: date | None = None,
    location: str = "",
    description: str = "",
    project_id: str | None = None,
) -> Product:
    product = Product(
        id=new_id(),
        project_id=project_id or default_project(session).id,
        title=title,
        type=type,
        engagement=engagement,
        audiences=list(audiences),
        status=status,
        completed_on=completed_on,
        location=location,
        description=description,
    )
    _validate(product)
    lifecycle.stamp_new(session, product)
    session.flush()
    return product


def create_my_product(session: Session, *, my_role: str = "", **fields: Any) -> Product:
    """A partner adds a product they helped make: the product and their part, together."""
    product = create_product(session, **fields)
    add_contribution(session, product.id, owner(session).id, my_role)
    return product


def change_product(session: Session, product_id: str, **changes: object) -> Product:
    return lifecycle.change(session, Product, product_id, _what(), changes, _CHANGEABLE, _validate)


def delete_product(session: Session, product_id: str) -> Product:
    return lifecycle.delete(session, Product, product_id, _what())


def undo_delete_product(session: Session, product_id: str) -> Product:
    return lifecycle.undo_delete(session, Product, product_id, _what())


def add_contribution(
    session: Session, product_id: str, person_id: str, role: str = ""
) -> ProductContribution:
    """Say that a person helped make a product, and how."""
    lifecycle.get_live(session, Product, product_id, _what())
    lifecycle.get_live(session, Person, person_id, _("person"))
    for existing in live_contributions(session, product_id):
        if existing.person_id == person_id:
            raise InvalidInput(_("This person is already listed for this product."))
    contribution = ProductContribution(
        id=new_id(),
        product_id=product_id,
        person_id=person_id,
        role=clean_text(role, "role", _("the role"), MAX_NAME, False),
    )
    return lifecycle.stamp_new(session, contribution)


def remove_contribution(session: Session, contribution_id: str) -> ProductContribution:
    return lifecycle.delete(session, ProductContribution, contribution_id, _("contribution"))


def live_contributions(session: Session, product_id: str) -> list[ProductContribution]:
    return list(
        session.scalars(
            select(ProductContribution).where(
                ProductContribution.product_id == product_id,
                ProductContribution.deleted_at.is_(None),
            )
        )
    )


def list_products(
    session: Session,
    person_id: str | None = None,
    project_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[Product]:
    """Live products by title, optionally only those a person helped with, or those
    completed in a period."""
    query = select(Product).where(products_in_scope(person_id, project_id, start, end))
    return list(session.scalars(query.order_by(Product.title)))
