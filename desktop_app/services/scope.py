"""Which records a question is about: one person, one project, a period, never deleted."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, select

from desktop_app.model import Product, ProductContribution, ReviewStatus

#: Review results that take an entry out of every figure: rejected time counts nowhere.
NOT_COUNTED = (ReviewStatus.REJECTED,)


def in_scope(
    model: Any,
    person_id: str | None = None,
    project_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> ColumnElement[bool]:
    """Live rows of ``model`` (activity, expense...) for the person, project and period."""
    conditions: list[ColumnElement[bool]] = [model.deleted_at.is_(None)]
    if person_id:
        conditions.append(model.person_id == person_id)
    if project_id:
        conditions.append(model.project_id == project_id)
    if start:
        conditions.append(model.date >= start)
    if end:
        conditions.append(model.date <= end)
    return and_(*conditions)


def counted(model: Any) -> ColumnElement[bool]:
    """Entries (time or costs) that count in figures: every one the coordinator did not
    reject. The one place that says which review results leave the figures."""
    return model.status.not_in(NOT_COUNTED)


def counted_entries(
    model: Any,
    person_id: str | None = None,
    project_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> ColumnElement[bool]:
    """Live, counted entries of ``model`` (activity or expense) in scope: what every total,
    report, summary, certificate and home figure adds up."""
    return and_(in_scope(model, person_id, project_id, start, end), counted(model))


def products_in_scope(
    person_id: str | None = None,
    project_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> ColumnElement[bool]:
    """Live products of the project that the person helped make, completed in the period.

    A product belongs to a person through a live contribution, and to a period through
    its completion date, so with a period a product not yet completed is left out.
    """
    conditions: list[ColumnElement[bool]] = [Product.deleted_at.is_(None)]
    if project_id:
        conditions.append(Product.project_id == project_id)
    if person_id:
        conditions.append(
            Product.id.in_(
                select(ProductContribution.product_id).where(
                    ProductContribution.person_id == person_id,
                    ProductContribution.deleted_at.is_(None),
                )
            )
        )
    if start:
        conditions.append(Product.completed_on >= start)
    if end:
        conditions.append(Product.completed_on <= end)
    return and_(*conditions)
