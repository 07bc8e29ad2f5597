"""Expenses: amounts kept exactly in cents, receipts copied in, change, delete and undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput
from desktop_app.model import ExpenseCategory, Project
from desktop_app.services import expenses


def test_expense_with_a_receipt_copied_into_the_data_folder(
    session: Session, partner: Project, data_dir: Path, tmp_path: Path
) -> None:
    receipt = tmp_path / "Parking Receipt.JPG"
    receipt.write_bytes(b"\xff\xd8 a photo")
    kept = expenses.keep_receipt(data_dir, receipt)
    expense = expenses.record_expense(
        session,
        date=date.today(),
        category=ExpenseCategory.PARKING,
        amount_minor=1250,
        receipt_path=kept,
    )
    assert expense.currency == partner.currency
    assert (data_dir / kept).read_bytes() == b"\xff\xd8 a photo"
    assert kept.startswith("receipts/") and kept.endswith(".jpg")


@pytest.mark.parametrize(
    ("amount", "words"),
    [(-100, "cannot be less than zero"), (0, "how much it cost"), (10**12, "too large")],
)
def test_bad_amounts_are_refused(
    session: Session, partner: Project, amount: int, words: str
) -> None:
    with pytest.raises(InvalidInput, match=words):
        expenses.record_expense(session, date=date.today(), category="parking", amount_minor=amount)


def test_a_receipt_that_is_not_a_photo_or_pdf_is_refused(data_dir: Path, tmp_path: Path) -> None:
    script = tmp_path / "receipt.exe"
    script.write_bytes(b"MZ")
    with pytest.raises(InvalidInput, match="photo or a PDF"):
        expenses.keep_receipt(data_dir, script)
    with pytest.raises(InvalidInput, match="could not be found"):
        expenses.keep_receipt(data_dir, tmp_path / "missing.pdf")


def test_expense_delete_and_undo(session: Session, partner: Project) -> None:
    expense = expenses.record_expense(
        session, date=date.today(), category="transit", amount_minor=500
    )
    expenses.delete_expense(session, expense.id)
    assert expenses.list_expenses(session) == []
    expenses.undo_delete_expense(session, expense.id)
    assert [e.amount_minor for e in expenses.list_expenses(session)] == [500]
    changed = expenses.change_expense(session, expense.id, amount_minor=650)
    assert (changed.amount_minor, changed.rev) == (650, 4)
