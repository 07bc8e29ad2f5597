"""Which records travel in which file, their fields, and who owns each field group.

The partner owns their profile, activities, expenses, reflections and certificates.
The coordinator owns projects, the product catalogue, pay periods, payments and the
review group (status, status_note, pay_period_id) of activities and expenses.

A *reference* table rides along only so the records that point at it make sense (the
project a partner's entries belong to, the people named on the catalogue); the receiver
adds a reference record it does not have, and never changes one it has.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from desktop_app.exchange import strict_json
from desktop_app.exchange.fields import (
    BOOL,
    CHANGES,
    CURRENCY,
    DATE,
    FIGURES,
    ID,
    MOMENT,
    Field,
    choice,
    integer,
    many,
    optional,
    text,
    to_wire,
)
from desktop_app.i18n import N_
from desktop_app.model import (
    Activity,
    ActivityKind,
    ActivityMode,
    Audience,
    Certificate,
    CompensationUnit,
    CorrectionStatus,
    EngagementType,
    Expense,
    ExpenseCategory,
    PaymentChoice,
    PaymentKind,
    PaymentMethod,
    PayPeriod,
    Person,
    Product,
    ProductContribution,
    ProductStatus,
    ProductType,
    Project,
    Reflection,
    ReflectionAspect,
    ReviewStatus,
    Role,
    VavDomain,
)
from desktop_app.model.work import Payment
from desktop_app.services.validation import (
    MAX_AMOUNT_MINOR,
    MAX_LONG_TEXT,
    MAX_MINUTES,
    MAX_NAME,
    MAX_NOTE,
    MAX_TITLE,
)

MAX_RECORDS = 200_000


@dataclass(frozen=True)
class Table:
    key: str
    model: type[Any]
    #: What one record is called, in plain words, for messages.
    what: str
    #: The owner's field group: the fields compared, hashed and copied.
    fields: dict[str, Field]
    #: Whose installation may change this field group.
    owner: Role
    #: Field naming the person the record belongs to, if any.
    person_field: str | None = "person_id"
    #: Fields added after format version 1, with the value a version-1 file means.
    added: dict[str, Any] = field(default_factory=dict)

    def content_hash(self, record: dict[str, Any]) -> str:
        """A fingerprint of the owner's field group (including the tombstone)."""
        wire = to_wire(record, self.fields)
        wire["deleted_at"] = MOMENT.wire(record.get("deleted_at"))
        return hashlib.sha256(strict_json.dumps(wire)).hexdigest()


PERSON = Table(
    "people",
    Person,
    N_("person"),
    {
        "display_name": text(MAX_NAME),
        "preferred_name": text(MAX_NAME),
        "contact": text(300),
        "role": choice(Role),
        "payment_choice": choice(PaymentChoice),
    },
    Role.PARTNER,
    person_field="id",
)
PROJECT = Table(
    "projects",
    Project,
    N_("project"),
    {
        "name": text(MAX_NAME),
        "organisation": text(MAX_NAME),
        "coordinator_name": text(MAX_NAME),
        "coordinator_contact": text(300),
        "start_date": optional(DATE),
        "end_date": optional(DATE),
        "compensation_unit": choice(CompensationUnit),
        "rate_minor": integer(0, MAX_AMOUNT_MINOR),
        "currency": CURRENCY,
        "terms": text(MAX_LONG_TEXT),
    },
    Role.COORDINATOR,
    person_field=None,
)
PRODUCT = Table(
    "products",
    Product,
    N_("product"),
    {
        "project_id": ID,
        "title": text(MAX_TITLE),
        "type": choice(ProductType),
        "audiences": many(choice(Audience), limit=len(Audience)),
        "engagement": choice(EngagementType),
        "status": choice(ProductStatus),
        "completed_on": optional(DATE),
        "location": text(MAX_NOTE),
        "description": text(MAX_LONG_TEXT),
    },
    Role.COORDINATOR,
    person_field=None,
)
CONTRIBUTION = Table(
    "contributions",
    ProductContribution,
    N_("product contribution"),
    {"product_id": ID, "person_id": ID, "role": text(MAX_NAME)},
    Role.COORDINATOR,
)
ACTIVITY = Table(
    "activities",
    Activity,
    N_("time entry"),
    {
        "person_id": ID,
        "project_id": ID,
        "date": DATE,
        "kind": choice(ActivityKind),
        "mode": choice(ActivityMode),
        "minutes": integer(0, MAX_MINUTES),
        "prep_minutes": integer(0, MAX_MINUTES),
        "travel_minutes": integer(0, MAX_MINUTES),
        "note": text(MAX_NOTE),
        "product_ids": many(ID, unique_sorted=True),
    },
    Role.PARTNER,
)
EXPENSE = Table(
    "expenses",
    Expense,
    N_("expense"),
    {
        "person_id": ID,
        "project_id": ID,
        "date": DATE,
        "category": choice(ExpenseCategory),
        "amount_minor": integer(0, MAX_AMOUNT_MINOR),
        "currency": CURRENCY,
        "note": text(MAX_NOTE),
    },
    Role.PARTNER,
)
REFLECTION = Table(
    "reflections",
    Reflection,
    N_("reflection"),
    {
        "person_id": ID,
        "project_id": ID,
        "date": DATE,
        "domain": choice(VavDomain),
        "aspect": choice(ReflectionAspect),
        "text": text(MAX_LONG_TEXT),
        "shared": BOOL,
    },
    Role.PARTNER,
)
CERTIFICATE = Table(
    "certificates",
    Certificate,
    N_("certificate"),
    {
        "person_id": ID,
        "code": text(32),
        "digest": text(64),
        "period_start": optional(DATE),
        "period_end": optional(DATE),
        "project_ids": many(ID),
        "figures": FIGURES,
        "issued_on": DATE,
    },
    Role.PARTNER,
)
PAY_PERIOD = Table(
    "pay_periods",
    PayPeriod,
    N_("pay period"),
    {
        "project_id": ID,
        "period_start": DATE,
        "period_end": DATE,
        "closed_on": DATE,
        "note": text(MAX_NOTE),
    },
    Role.COORDINATOR,
    person_field=None,
)
PAYMENT = Table(
    "payments",
    Payment,
    N_("payment"),
    {
        "person_id": ID,
        "project_id": ID,
        "period_start": DATE,
        "period_end": DATE,
        "amount_minor": integer(0, MAX_AMOUNT_MINOR),
        "currency": CURRENCY,
        "kind": choice(PaymentKind),
        "method": choice(PaymentMethod),
        "paid_on": DATE,
        "reference": text(MAX_NAME),
        "reason": text(MAX_NOTE),
        "voided_at": optional(MOMENT),
        "void_reason": text(MAX_NOTE),
    },
    Role.COORDINATOR,
    added={"reason": "", "voided_at": None, "void_reason": ""},
)

#: The coordinator's review of one activity or expense, as sent in a project file.
REVIEW_FIELDS: dict[str, Field] = {
    "table": text(10),
    "id": ID,
    "person_id": ID,
    "rev": integer(1),
    "review_rev": integer(1),
    "status": choice(ReviewStatus),
    "status_note": text(MAX_NOTE),
    "pay_period_id": optional(ID),
}
REVIEWED = {"activity": Activity, "expense": Expense}
#: The coordinator's answer to a partner's change to a paid entry (format version 2).
CORRECTION_FIELDS: dict[str, Field] = {
    "table": text(10),
    "id": ID,
    "record_id": ID,
    "person_id": ID,
    "status": choice(CorrectionStatus),
    "changes": CHANGES,
    "decided_at": optional(MOMENT),
}
LINK_FIELDS: dict[str, Field] = {"local_project_id": ID, "project_id": ID}

#: In the order they must be written, so every record's references exist first.
PARTNER_FILE = (PERSON, PROJECT, PRODUCT, ACTIVITY, EXPENSE, REFLECTION, CERTIFICATE)
PARTNER_REFERENCES = (PROJECT, PRODUCT)
PROJECT_FILE = (PERSON, PROJECT, PRODUCT, CONTRIBUTION, PAY_PERIOD, PAYMENT)
PROJECT_REFERENCES = (PERSON,)
ALL_TABLES = {t.key: t for t in (*PARTNER_FILE, *PROJECT_FILE)}
