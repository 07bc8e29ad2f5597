"""Expenses: amounts kept exactly in cents, receipts copied in, change, delete and undo."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.errors import InvalidInput
from desktop_app.model import ExpenseCategory, Project, ReviewStatus, Role
from desktop_app.services import expenses, profile
from desktop_app.storage.db import Database
from tests.helpers.platforms import assert_private


def test_expense_with_a_receipt_copied_into_the_data_folder(
    session: Session, partner: Project, data_dir: Path, tmp_path: Path
) -> None:
    receipt = tmp_path / "Parking Receipt.JPG"
    receipt.write_bytes(b"\xff\xd8 a photo")
    kept = expenses.keep_receipt(data_dir, receipt)
    expense = expenses.record_expense(
        session,
        date=clock.today(),
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
        expenses.record_expense(
            session, date=clock.today(), category="parking", amount_minor=amount
        )


def test_a_receipt_that_is_not_a_photo_or_pdf_is_refused(data_dir: Path, tmp_path: Path) -> None:
    script = tmp_path / "receipt.exe"
    script.write_bytes(b"MZ")
    with pytest.raises(InvalidInput, match="photo or a PDF"):
        expenses.keep_receipt(data_dir, script)
    with pytest.raises(InvalidInput, match="could not be found"):
        expenses.keep_receipt(data_dir, tmp_path / "missing.pdf")


def test_expense_delete_and_undo(session: Session, partner: Project) -> None:
    expense = expenses.record_expense(
        session, date=clock.today(), category="transit", amount_minor=500
    )
    expenses.delete_expense(session, expense.id)
    assert expenses.list_expenses(session) == []
    expenses.undo_delete_expense(session, expense.id)
    assert [e.amount_minor for e in expenses.list_expenses(session)] == [500]
    changed = expenses.change_expense(session, expense.id, amount_minor=650)
    assert (changed.amount_minor, changed.rev) == (650, 4)


def test_the_amount_is_kept_to_the_cent(database: Database) -> None:
    with database.session() as session:
        profile.setup(session, Role.PARTNER, "Ana Souza", project_name="Better Pain Care")
        made = expenses.record_expense(
            session, date=date(2024, 5, 2), category="meals", amount_minor=1999, currency="usd"
        )
    with database.session() as session:
        saved = expenses.get_expense(session, made.id)
        assert (saved.amount_minor, saved.currency) == (1999, "USD")
        assert saved.status == ReviewStatus.DRAFT


def test_a_changed_expense_goes_back_to_not_sent(session: Session, partner: Project) -> None:
    expense = expenses.record_expense(
        session, date=date(2024, 5, 2), category="mileage", amount_minor=4210
    )
    expense.status = ReviewStatus.QUERIED
    expenses.change_expense(session, expense.id, note="Return trip", category="transit")
    assert (expense.status, expense.note, expense.category) == (
        ReviewStatus.DRAFT,
        "Return trip",
        ExpenseCategory.TRANSIT,
    )
    with pytest.raises(InvalidInput, match="how much it cost"):
        expenses.change_expense(session, expense.id, amount_minor=0)


def test_a_paid_expense_cannot_be_changed_or_deleted(session: Session, partner: Project) -> None:
    expense = expenses.record_expense(
        session, date=date(2024, 5, 2), category="parking", amount_minor=800
    )
    expense.status = ReviewStatus.PAID
    with pytest.raises(InvalidInput, match="has been paid, so it cannot be changed"):
        expenses.change_expense(session, expense.id, amount_minor=900)
    with pytest.raises(InvalidInput, match="has been paid, so it cannot be deleted"):
        expenses.delete_expense(session, expense.id)
    assert [e.amount_minor for e in expenses.list_expenses(session)] == [800]


def test_a_receipt_can_be_added_later_and_only_its_owner_can_read_it(
    session: Session, partner: Project, data_dir: Path, tmp_path: Path
) -> None:
    expense = expenses.record_expense(
        session, date=date(2024, 5, 2), category="parking", amount_minor=800
    )
    receipt = tmp_path / "parking.pdf"
    receipt.write_bytes(b"%PDF-1.4 receipt")
    kept = expenses.keep_receipt(data_dir, receipt)
    expenses.attach_receipt(session, expense.id, kept)
    assert expenses.get_expense(session, expense.id).receipt_path == kept
    assert_private(data_dir / kept)
    assert receipt.read_bytes() == b"%PDF-1.4 receipt"  # the original is left where it was


def test_expenses_are_listed_newest_first_for_each_person(
    session: Session, partner: Project
) -> None:
    ben = profile.add_person(session, "Ben Carter", Role.PARTNER)
    for day, amount in ((3, 300), (9, 900), (5, 500)):
        expenses.record_expense(
            session, date=date(2024, 5, day), category="parking", amount_minor=amount
        )
    expenses.record_expense(
        session, date=date(2024, 5, 7), category="meals", amount_minor=700, person_id=ben.id
    )
    me = profile.owner(session).id
    assert [e.amount_minor for e in expenses.list_expenses(session, me)] == [900, 500, 300]
    assert [e.amount_minor for e in expenses.list_expenses(session, ben.id)] == [700]
    may_4_to_8 = expenses.list_expenses(session, start=date(2024, 5, 4), end=date(2024, 5, 8))
    assert [e.amount_minor for e in may_4_to_8] == [700, 500]


def test_an_expense_dated_after_today_is_refused(session: Session, partner: Project) -> None:
    tomorrow = clock.today() + timedelta(days=1)
    with pytest.raises(InvalidInput, match="The date cannot be after today.") as problem:
        expenses.record_expense(session, date=tomorrow, category="parking", amount_minor=500)
    assert problem.value.field == "date"
    assert expenses.list_expenses(session) == []


def test_a_project_sets_its_own_second_look_amount_and_keeps_it(
    session: Session, partner: Project
) -> None:
    assert expenses.expense_check_above(session, "parking") == 50_00
    expenses.set_expense_check(session, partner.id, ExpenseCategory.PARKING, 120_00)
    session.expire_all()  # read it back from the records file
    assert expenses.expense_check_above(session, "parking", partner.id) == 120_00
    assert expenses.expense_check_above(session, "meals") == 75_00
    with pytest.raises(InvalidInput, match="cannot be less than zero"):
        expenses.set_expense_check(session, partner.id, "parking", -1)
    expenses.set_expense_check(session, partner.id, "parking", None)
    session.expire_all()
    assert expenses.expense_check_above(session, "parking") == 50_00
