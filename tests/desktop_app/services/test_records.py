"""Expenses, products, reflections, projects, payments and the profile."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput, NotFound
from desktop_app.model import (
    Audience,
    EngagementType,
    ExpenseCategory,
    PaymentChoice,
    PaymentKind,
    PaymentMethod,
    Project,
    ReflectionAspect,
    Role,
    VavDomain,
)
from desktop_app.services import (
    expenses,
    payments,
    products,
    profile,
    projects,
    reflections,
)


def test_expense_with_a_receipt_copied_into_the_data_folder(
    session: Session, partner: Project, data_dir: Path, tmp_path: Path, today: date
) -> None:
    receipt = tmp_path / "Parking Receipt.JPG"
    receipt.write_bytes(b"\xff\xd8 a photo")
    kept = expenses.keep_receipt(data_dir, receipt)
    expense = expenses.record_expense(
        session,
        date=today,
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
    session: Session, partner: Project, amount: int, words: str, today: date
) -> None:
    with pytest.raises(InvalidInput, match=words):
        expenses.record_expense(session, date=today, category="parking", amount_minor=amount)


def test_a_receipt_that_is_not_a_photo_or_pdf_is_refused(data_dir: Path, tmp_path: Path) -> None:
    script = tmp_path / "receipt.exe"
    script.write_bytes(b"MZ")
    with pytest.raises(InvalidInput, match="photo or a PDF"):
        expenses.keep_receipt(data_dir, script)
    with pytest.raises(InvalidInput, match="could not be found"):
        expenses.keep_receipt(data_dir, tmp_path / "missing.pdf")


def test_expense_delete_and_undo(session: Session, partner: Project, today: date) -> None:
    expense = expenses.record_expense(session, date=today, category="transit", amount_minor=500)
    expenses.delete_expense(session, expense.id)
    assert expenses.list_expenses(session) == []
    expenses.undo_delete_expense(session, expense.id)
    assert [e.amount_minor for e in expenses.list_expenses(session)] == [500]
    changed = expenses.change_expense(session, expense.id, amount_minor=650)
    assert (changed.amount_minor, changed.rev) == (650, 4)


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


def test_reflections_are_private_unless_shared(
    session: Session, partner: Project, today: date
) -> None:
    kept = reflections.record_reflection(
        session,
        date=today,
        domain=VavDomain.TRUST,
        aspect=ReflectionAspect.HELPED,
        text="I felt heard.",
    )
    assert kept.shared is False
    assert reflections.list_reflections(session, shared_only=True) == []
    reflections.change_reflection(session, kept.id, shared=True)
    assert len(reflections.list_reflections(session, shared_only=True)) == 1
    with pytest.raises(InvalidInput, match="Enter your thoughts"):
        reflections.record_reflection(session, date=today, domain="trust", aspect="hard", text=" ")
    reflections.delete_reflection(session, kept.id)
    assert reflections.list_reflections(session) == []
    reflections.undo_delete_reflection(session, kept.id)
    assert len(reflections.list_reflections(session)) == 1


def test_projects_need_unique_names_and_valid_periods(session: Session, partner: Project) -> None:
    with pytest.raises(InvalidInput, match="already a project"):
        projects.create_project(session, name="better pain care".title())
    with pytest.raises(InvalidInput, match="end date"):
        projects.create_project(
            session, name="Second", start_date=date(2024, 5, 1), end_date=date(2024, 1, 1)
        )
    with pytest.raises(InvalidInput, match="three letters"):
        projects.create_project(session, name="Second", currency="dollars")
    second = projects.create_project(
        session, name="Second", compensation_unit="hourly", rate_minor=2500
    )
    with pytest.raises(InvalidInput, match="Choose which project"):
        projects.default_project(session)
    assert projects.find_project(session, " second ").id == second.id
    projects.change_project(session, second.id, rate_minor=4000)
    projects.delete_project(session, second.id)
    with pytest.raises(NotFound):
        projects.find_project(session, "Second")
    projects.undo_delete_project(session, second.id)
    assert projects.find_project(session, "Second").rate_minor == 4000


def test_setup_happens_once_and_the_profile_can_change(session: Session) -> None:
    with pytest.raises(InvalidInput, match="Enter your name"):
        profile.setup(session, Role.PARTNER, "   ")
    profile.setup(session, "partner", "Ana Souza", payment_choice="declined")
    with pytest.raises(InvalidInput, match="already set up"):
        profile.setup(session, Role.PARTNER, "Someone Else")
    me = profile.change_profile(session, preferred_name="Ana", payment_choice=PaymentChoice.PAID)
    assert (me.name, me.payment_choice, me.rev) == ("Ana", PaymentChoice.PAID, 2)
    assert profile.find_person(session, "ana").id == me.id
    with pytest.raises(NotFound):
        profile.find_person(session, "Nobody")


def test_payments_are_recorded_with_their_kind(
    session: Session, partner: Project, today: date
) -> None:
    me = profile.owner(session)
    paid = payments.record_payment(
        session,
        person_id=me.id,
        project_id=partner.id,
        period_start=date(2024, 1, 1),
        period_end=date(2024, 3, 31),
        amount_minor=12000,
        kind=PaymentKind.COMPENSATION,
        method=PaymentMethod.CHEQUE,
        paid_on=date(2024, 4, 10),
    )
    assert paid.currency == partner.currency
    with pytest.raises(InvalidInput, match="end date"):
        payments.record_payment(
            session,
            person_id=me.id,
            project_id=partner.id,
            period_start=date(2024, 3, 1),
            period_end=date(2024, 1, 1),
            amount_minor=1,
            kind="compensation",
            method="cheque",
            paid_on=today - timedelta(days=1),
        )
    assert len(payments.list_payments(session, me.id)) == 1
