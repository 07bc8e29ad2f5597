"""The finance export: one row per payment, as CSV or XLSX, for the finance office.

Columns: payee, project, period, hours, rate, compensation and reimbursement (kept in
separate columns, never added together), currency, method, date paid, reference, the
reason an amount differs from what was owed, and when and why a payment was voided.
Hours are the paid time of the entries the payment is linked to, and the rate is the one
the payment was worked out with. A voided payment stays in the file, marked as voided,
so the finance office can reverse it.

The header row holds fixed column ids (``payee``, ``paid_on``...), the same in every
language, so a finance office's own formulas and scripts keep working whoever made the
file. The XLSX carries a second sheet that explains each id in the app's language.
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
from desktop_app.i18n import N_, _
from desktop_app.labels import label
from desktop_app.model import (
    Activity,
    Payment,
    PaymentEntry,
    PaymentKind,
    PaymentMethod,
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


@dataclass(frozen=True)
class Column:
    """One column of the export: its fixed id, its short name and what it holds."""

    id: str
    name: str
    meaning: str


#: The columns in file order. The ids never change with the language; the names and
#: meanings are shown (translated) on the XLSX's second sheet only.
COLUMNS: tuple[Column, ...] = (
    Column("payee", N_("Payee"), N_("The person who was paid.")),
    Column("project", N_("Project"), N_("The project the payment is for.")),
    Column(
        "period_start", N_("Period start"), N_("The first day of the time this payment covers.")
    ),
    Column("period_end", N_("Period end"), N_("The last day of the time this payment covers.")),
    Column(
        "hours",
        N_("Hours"),
        N_("The hours of time this payment pays for, to one decimal place."),
    ),
    Column("rate", N_("Rate"), N_("The pay for one hour that this payment was worked out with.")),
    Column(
        "compensation",
        N_("Compensation"),
        N_("The money paid for time given. It is empty for costs paid back."),
    ),
    Column(
        "reimbursement",
        N_("Reimbursement"),
        N_("The money paid back for costs, such as parking. It is empty for pay for time."),
    ),
    Column("currency", N_("Currency"), N_("The money the amounts are in, as a code such as CAD.")),
    Column("method", N_("Method"), N_("How it was paid, as a fixed word. The words are below.")),
    Column("paid_on", N_("Paid on"), N_("The day it was paid.")),
    Column(
        "reference", N_("Reference"), N_("The cheque number or bank reference, if there is one.")
    ),
    Column("reason", N_("Reason for the amount"), N_("Why the amount is not what was owed.")),
    Column(
        "voided_on",
        N_("Voided on"),
        N_("The day the payment was cancelled. It is empty while the payment stands."),
    ),
    Column("void_reason", N_("Why it was voided"), N_("Why the payment was cancelled.")),
)

#: Columns by kind of value, for the XLSX number formats.
DATE_COLUMNS = ("period_start", "period_end", "paid_on", "voided_on")
MONEY_COLUMNS = ("rate", "compensation", "reimbursement")
HOURS_COLUMNS = ("hours",)
#: The name of the sheet with the payments: fixed, like the column ids.
PAYMENTS_SHEET = "payments"


def headers() -> list[str]:
    """The header row: the fixed column ids."""
    return [column.id for column in COLUMNS]


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
        return [neutralise(getattr(self, column.id)) for column in COLUMNS]


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


def _sheet_title(text: str) -> str:
    """``text`` as a sheet title: at most 31 characters, none that a sheet name refuses."""
    return "".join("-" if ch in "[]:*?/\\" else ch for ch in text)[:31]


def _about_rows() -> list[list[str]]:
    """The second sheet: each column id with its name and meaning, then the method words."""
    rows = [[_("Column"), _("Name"), _("What it holds")]]
    rows += [[column.id, _(column.name), _(column.meaning)] for column in COLUMNS]
    rows += [[], [_("Method"), _("What it means")]]
    rows += [[method.value, label(method)] for method in PaymentMethod]
    return [[neutralise(cell) for cell in row] for row in rows]


def _write_xlsx(path: Path, rows: list[FinanceRow]) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = PAYMENTS_SHEET
    sheet.append(headers())
    for row in rows:
        sheet.append(row.cells())
    ids = headers()
    for ids_of, number_format in (
        (DATE_COLUMNS, "yyyy-mm-dd"),
        (MONEY_COLUMNS, "0.00"),
        (HOURS_COLUMNS, "0.0"),
    ):
        for column_id in ids_of:
            for cell in sheet[get_column_letter(ids.index(column_id) + 1)][1:]:
                cell.number_format = number_format
    about = book.create_sheet(_sheet_title(_("About these columns")))
    for about_row in _about_rows():
        about.append(about_row)
    for letter, width in (("A", 16), ("B", 28), ("C", 80)):
        about.column_dimensions[letter].width = width
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
