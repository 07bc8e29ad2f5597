"""The finance export: one row per payment, as CSV or XLSX, for the finance office.

Columns: payee, project, period, hours, rate, compensation and reimbursement (kept in
separate columns, never added together), currency, method, date paid, reference, the
reason an amount differs from what was owed, and when and why a payment was voided.
Hours are the paid time of the entries the payment is linked to, and the rate is the one
the payment was worked out with. A voided payment stays in the file, marked as voided,
so the finance office can reverse it.
Text that a spreadsheet could take for a formula (starting with =, +, -, @, tab or CR)
is neutralised with a leading apostrophe; numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput
from desktop_app.i18n import _
from desktop_app.model import (
    Activity,
    Payment,
    PaymentEntry,
    PaymentKind,
    Person,
    Project,
    ReviewStatus,
)
from desktop_app.services.pay_rules import rules_for
from desktop_app.services.rounding import hours_tenths
from desktop_app.storage.atomic import atomic_write, atomic_write_bytes

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COUNTED = (ReviewStatus.APPROVED, ReviewStatus.PAID)


def neutralise(value: Any) -> Any:
    """Make text safe for spreadsheets; leave numbers, dates and None alone."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def headers() -> list[str]:
    return [
        _("Payee"),
        _("Project"),
        _("Period start"),
        _("Period end"),
        _("Hours"),
        _("Rate"),
        _("Compensation"),
        _("Reimbursement"),
        _("Currency"),
        _("Method"),
        _("Paid on"),
        _("Reference"),
        _("Reason for the amount"),
        _("Voided on"),
        _("Why it was voided"),
    ]


@dataclass(frozen=True)
class FinanceRow:
    payee: str
    project: str
    period_start: date
    period_end: date
    hours: Decimal | None
    rate: Decimal | None
    compensation: Decimal | None
    reimbursement: Decimal | None
    currency: str
    method: str
    paid_on: date
    reference: str
    reason: str
    voided_on: date | None
    void_reason: str

    def cells(self) -> list[Any]:
        return [neutralise(value) for value in self.__dict__.values()]


def _money(minor: int) -> Decimal:
    return (Decimal(minor) / 100).quantize(Decimal("0.01"))


def _linked_minutes(session: Session, payment_id: str) -> int | None:
    """The paid minutes of the entries a payment is linked to (None if it has no links:
    a payment from before payments were linked)."""
    count, minutes = session.execute(
        select(func.count(), func.coalesce(func.sum(PaymentEntry.paid_minutes), 0)).where(
            PaymentEntry.payment_id == payment_id
        )
    ).one()
    return int(minutes) if count else None


def _period_minutes(session: Session, payment: Payment) -> int:
    """Approved or paid time in the payment's dates, for payments with no links."""
    minutes = session.scalar(
        select(
            func.coalesce(
                func.sum(Activity.minutes + Activity.prep_minutes + Activity.travel_minutes), 0
            )
        ).where(
            Activity.person_id == payment.person_id,
            Activity.project_id == payment.project_id,
            Activity.deleted_at.is_(None),
            Activity.status.in_(COUNTED),
            Activity.date >= payment.period_start,
            Activity.date <= payment.period_end,
        )
    )
    return int(minutes or 0)


def finance_rows(session: Session, person_id: str | None = None) -> list[FinanceRow]:
    """One row per payment (voided ones too, marked), oldest first."""
    query = (
        select(Payment, Person.display_name, Project)
        .join(Person, Person.id == Payment.person_id)
        .join(Project, Project.id == Payment.project_id)
        .where(Payment.deleted_at.is_(None))
    )
    if person_id:
        query = query.where(Payment.person_id == person_id)
    rows = []
    for payment, payee, project in session.execute(
        query.order_by(Payment.paid_on, Person.display_name, Payment.kind, Payment.id)
    ):
        compensation = payment.kind == PaymentKind.COMPENSATION
        hours = rate = None
        if compensation:
            minutes = _linked_minutes(session, payment.id)
            if minutes is None:
                minutes = _period_minutes(session, payment)
            hours = hours_tenths(minutes)
            rate_minor = payment.rate_minor
            if rate_minor is None:
                rate_minor = rules_for(session, project.id).rate_minor
            rate = None if rate_minor is None else _money(rate_minor)
        rows.append(
            FinanceRow(
                payee=payee,
                project=project.name,
                period_start=payment.period_start,
                period_end=payment.period_end,
                hours=hours,
                rate=rate,
                compensation=_money(payment.amount_minor) if compensation else None,
                reimbursement=None if compensation else _money(payment.amount_minor),
                currency=payment.currency,
                method=payment.method.value,
                paid_on=payment.paid_on,
                reference=payment.reference,
                reason=payment.reason,
                voided_on=payment.voided_at.date() if payment.voided_at else None,
                void_reason=payment.void_reason,
            )
        )
    return rows


def _csv_bytes(rows: list[FinanceRow]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers())
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row.cells()])
    return buffer.getvalue().encode("utf-8-sig")


def _write_xlsx(path: Path, rows: list[FinanceRow]) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Payments")[:31]
    sheet.append(headers())
    for row in rows:
        sheet.append(row.cells())
    for column in ("C", "D", "K", "N"):
        for cell in sheet[column][1:]:
            cell.number_format = "yyyy-mm-dd"
    for column in ("F", "G", "H"):
        for cell in sheet[column][1:]:
            cell.number_format = "0.00"
    for cell in sheet["E"][1:]:
        cell.number_format = "0.0"
    with atomic_write(path) as handle:
        book.save(handle)


def export_finance(session: Session, out: Path | str, person_id: str | None = None) -> Path:
    """Write the finance export to ``out`` (.csv or .xlsx), atomically."""
    path = Path(out)
    rows = finance_rows(session, person_id)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        atomic_write_bytes(path, _csv_bytes(rows))
    elif suffix == ".xlsx":
        _write_xlsx(path, rows)
    else:
        raise InvalidInput(_("Choose a file name ending in .csv or .xlsx."), field="out")
    return path
