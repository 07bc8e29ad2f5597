"""Expenses: costs a partner had, kept apart from pay for their time."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput
from desktop_app.i18n import _
from desktop_app.model import Expense, ExpenseCategory, Person, Project, ReviewStatus, new_id
from desktop_app.services import lifecycle
from desktop_app.services.amounts import check_above
from desktop_app.services.profile import owner
from desktop_app.services.projects import default_project
from desktop_app.services.scope import in_scope
from desktop_app.services.validation import (
    MAX_NOTE,
    check_amount,
    check_choice,
    check_currency,
    check_date,
    clean_text,
)
from desktop_app.storage.paths import ensure_private_dir, receipts_dir

RECEIPT_TYPES = {".pdf", ".jpg", ".jpeg", ".png", ".gif", ".heic", ".webp", ".tif", ".tiff"}
MAX_RECEIPT_BYTES = 25 * 1024 * 1024
_CHANGEABLE = {"date", "category", "amount_minor", "currency", "note", "project_id"}


def _what() -> str:
    return _("expense")


def keep_receipt(data_dir: Path, source: Path) -> str:
    """Copy a receipt into the data folder; return its path relative to the folder."""
    source = Path(source)
    if not source.is_file():
        raise InvalidInput(_("That receipt file could not be found."), field="receipt")
    if source.suffix.lower() not in RECEIPT_TYPES:
        raise InvalidInput(_("Choose a photo or a PDF of the receipt."), field="receipt")
    if source.stat().st_size > MAX_RECEIPT_BYTES:
        raise InvalidInput(_("That receipt file is too big. The limit is 25 MB."), field="receipt")
    folder = ensure_private_dir(receipts_dir(data_dir))
    dest = folder / f"{new_id()}{source.suffix.lower()}"
    shutil.copyfile(source, dest)
    dest.chmod(0o600)
    return str(dest.relative_to(data_dir).as_posix())


class CostFields(Protocol):
    """What an expense says: a saved ``Expense`` or one of many still to be saved."""

    date: date
    category: ExpenseCategory
    amount_minor: int
    currency: str
    note: str


def check_fields(cost: CostFields) -> None:
    """Check what an expense says (not whose or which project it is), and tidy it."""
    cost.date = check_date(cost.date)
    cost.category = check_choice(cost.category, ExpenseCategory, "category")
    cost.amount_minor = check_amount(cost.amount_minor)
    if cost.amount_minor == 0:
        raise InvalidInput(_("Enter how much it cost."), field="amount")
    cost.currency = check_currency(cost.currency)
    cost.note = clean_text(cost.note, "note", _("the note"), MAX_NOTE, required=False)


def _validate(session: Session, expense: Expense) -> None:
    check_fields(expense)
    lifecycle.get_live(session, Project, expense.project_id, _("project"))
    lifecycle.get_live(session, Person, expense.person_id, _("person"))


def record_expense(
    session: Session,
    *,
    date: date,
    category: ExpenseCategory | str,
    amount_minor: int,
    currency: str | None = None,
    note: str = "",
    project_id: str | None = None,
    person_id: str | None = None,
    receipt_path: str = "",
) -> Expense:
    """Save a new expense. ``receipt_path`` comes from ``keep_receipt``."""
    project = (
        lifecycle.get_live(session, Project, project_id, _("project"))
        if project_id
        else default_project(session)
    )
    expense = Expense(
        id=new_id(),
        person_id=person_id or owner(session).id,
        project_id=project.id,
        date=date,
        category=category,
        amount_minor=amount_minor,
        currency=currency or project.currency,
        note=note,
        receipt_path=receipt_path,
        status=ReviewStatus.DRAFT,
        status_note="",
    )
    _validate(session, expense)
    lifecycle.stamp_new(session, expense)
    session.flush()
    return expense


def change_expense(session: Session, expense_id: str, **changes: object) -> Expense:
    lifecycle.check_changeable(Expense, changes, _CHANGEABLE)
    expense = lifecycle.get_live(session, Expense, expense_id, _what())
    if expense.status == ReviewStatus.PAID:
        raise InvalidInput(_("This expense has been paid, so it cannot be changed."))
    if expense.pay_period_id is not None:
        raise InvalidInput(_("This expense is in a closed pay period, so it cannot be changed."))
    for field, value in changes.items():
        setattr(expense, field, value)
    _validate(session, expense)
    expense.status = ReviewStatus.DRAFT
    lifecycle.touch(session, expense)
    return expense


def attach_receipt(session: Session, expense_id: str, receipt_path: str) -> Expense:
    """Attach a receipt kept with ``keep_receipt`` to an expense."""
    expense = lifecycle.get_live(session, Expense, expense_id, _what())
    expense.receipt_path = receipt_path
    lifecycle.touch(session, expense)
    return expense


def delete_expense(session: Session, expense_id: str) -> Expense:
    expense = lifecycle.get_live(session, Expense, expense_id, _what())
    if expense.status == ReviewStatus.PAID:
        raise InvalidInput(_("This expense has been paid, so it cannot be deleted."))
    if expense.pay_period_id is not None:
        raise InvalidInput(_("This expense is in a closed pay period, so it cannot be deleted."))
    return lifecycle.delete(session, Expense, expense_id, _what())


def expense_check_above(
    session: Session, category: ExpenseCategory | str, project_id: str | None = None
) -> int:
    """The amount (cents) above which an expense of ``category`` for the project (the
    only or default one when not given) is shown again with "Is it right?"."""
    category = check_choice(category, ExpenseCategory, "category")
    project = (
        lifecycle.get_live(session, Project, project_id, _("project"))
        if project_id
        else default_project(session)
    )
    return check_above(category, project.expense_checks)


def set_expense_check(
    session: Session, project_id: str, category: ExpenseCategory | str, amount_minor: int | None
) -> Project:
    """Set the project's own "is this right?" amount for a category; None goes back to
    the amount Partner Log suggests. The setting stays on this computer: it is not sent
    in files, so it does not change the project's revision."""
    category = check_choice(category, ExpenseCategory, "category")
    project = lifecycle.get_live(session, Project, project_id, _("project"))
    own = dict(project.expense_checks or {})
    if amount_minor is None:
        own.pop(category.value, None)
    else:
        own[category.value] = check_amount(amount_minor)
    project.expense_checks = own or None  # a new dict, so the change is saved
    session.flush()
    return project


def undo_delete_expense(session: Session, expense_id: str) -> Expense:
    return lifecycle.undo_delete(session, Expense, expense_id, _what())


def get_expense(session: Session, expense_id: str) -> Expense:
    return lifecycle.get_live(session, Expense, expense_id, _what())


def list_expenses(
    session: Session,
    person_id: str | None = None,
    project_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[Expense]:
    query = select(Expense).where(in_scope(Expense, person_id, project_id, start, end))
    return list(session.scalars(query.order_by(Expense.date.desc(), Expense.id)))
