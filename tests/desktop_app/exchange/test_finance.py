"""The finance export: formulas arrive as text, numbers stay numbers."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app import i18n
from desktop_app.exchange import finance
from desktop_app.model import ActivityKind, ReviewStatus, Role
from desktop_app.services import activities, expenses, payments, profile, review
from desktop_app.services.projects import find_project
from tests.helpers.sites import Site

SNEAKY = '=HYPERLINK("x")'


def _pay(coordinator: Site) -> None:
    def run(session: object) -> None:
        person = profile.add_person(session, SNEAKY, Role.PARTNER)  # type: ignore[arg-type]
        project = find_project(session, "Pain Care")  # type: ignore[arg-type]
        entry = activities.record_activity(
            session,  # type: ignore[arg-type]
            date=date(2025, 3, 4),
            minutes=90,
            kind=ActivityKind.MEETING,
            person_id=person.id,
            project_id=project.id,
            status=ReviewStatus.APPROVED,
        )
        cost = expenses.record_expense(
            session,  # type: ignore[arg-type]
            date=date(2025, 3, 4),
            category="parking",
            amount_minor=1250,
            person_id=person.id,
            project_id=project.id,
        )
        review.review(session, [cost.id], "approve")  # type: ignore[arg-type]
        assert entry.id
        for kind, amount, reference in (
            ("compensation", 4500, "-1+2"),
            ("reimbursement", 1250, "@SUM(A1)"),
        ):
            payments.record_payment(
                session,  # type: ignore[arg-type]
                person_id=person.id,
                project_id=project.id,
                period_start=date(2025, 3, 1),
                period_end=date(2025, 3, 31),
                amount_minor=amount,
                kind=kind,
                method="bank_transfer",
                paid_on=date(2025, 4, 2),
                reference=reference,
            )

    coordinator.call(run)


def test_csv_neutralises_formulas_and_keeps_money_apart(coordinator: Site, tmp_path: Path) -> None:
    _pay(coordinator)
    out = coordinator.call(finance.export_finance, tmp_path / "pay.csv")
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    header, first, second = rows
    assert header == [
        "payee",
        "project",
        "period_start",
        "period_end",
        "hours",
        "rate",
        "compensation",
        "reimbursement",
        "currency",
        "method",
        "paid_on",
        "reference",
        "reason",
        "voided_on",
        "void_reason",
    ]
    assert first[0] == "'" + SNEAKY
    assert first[4:8] == ["1.5", "30.00", "45.00", ""]
    assert first[11] == "'-1+2"
    assert second[4:8] == ["", "", "", "12.50"]
    assert second[11] == "'@SUM(A1)"


def test_xlsx_opens_with_numbers_as_numbers(coordinator: Site, tmp_path: Path) -> None:
    _pay(coordinator)
    out = coordinator.call(finance.export_finance, tmp_path / "pay.xlsx")
    sheet = load_workbook(out).active
    assert sheet is not None
    first = [cell.value for cell in sheet[2]]
    assert first[0] == "'" + SNEAKY
    assert first[4] == Decimal("1.5") or first[4] == 1.5
    assert isinstance(first[6], int | float) and first[6] == 45
    assert first[7] is None
    assert isinstance(sheet["H3"].value, int | float) and sheet["H3"].value == 12.5
    assert sheet["C2"].is_date and sheet["K2"].is_date
    assert sheet.title == "payments" and [cell.value for cell in sheet[1]] == finance.headers()


def _about(out: Path) -> dict[str, list[object]]:
    """The second sheet of an XLSX export, by the id or word in its first column."""
    book = load_workbook(out)
    assert len(book.worksheets) == 2
    about = book.worksheets[1]
    return {
        str(row[0]): [value for value in row[1:] if value is not None]
        for row in about.iter_rows(values_only=True)
        if row[0] is not None
    } | {"": [about.title]}


def test_xlsx_explains_every_column_id_in_the_apps_language(
    coordinator: Site, tmp_path: Path
) -> None:
    _pay(coordinator)
    english = _about(coordinator.call(finance.export_finance, tmp_path / "pay.xlsx"))
    with i18n.language_switched("es"):
        spanish_out = coordinator.call(finance.export_finance, tmp_path / "pagos.xlsx")
    spanish = _about(spanish_out)
    assert english[""] == ["About these columns"] and spanish[""] == ["Acerca de estas columnas"]
    for column_id in finance.headers():
        assert english[column_id][1] and spanish[column_id][1] != english[column_id][1]
    assert english["paid_on"] == ["Paid on", "The day it was paid."]
    assert spanish["paid_on"][0] == "Pagado el"
    assert spanish["bank_transfer"][0] == "Depósito en el banco"
    data = load_workbook(spanish_out).worksheets[0]
    assert [cell.value for cell in data[1]] == finance.headers()
    assert data["A2"].value == "'" + SNEAKY


def test_the_column_explanations_are_neutralised_too(
    coordinator: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(finance, "label", lambda method: "=1+1")
    out = coordinator.call(finance.export_finance, tmp_path / "pay.xlsx")
    assert _about(out)["cheque"] == ["'=1+1"]


def test_other_file_types_are_refused(coordinator: Site, tmp_path: Path) -> None:
    from desktop_app.errors import InvalidInput

    with pytest.raises(InvalidInput):
        coordinator.call(finance.export_finance, tmp_path / "pay.pdf")
