"""Plain-language labels for every enum, in one translatable place.

Screens and PDFs call ``label(value)``; nothing else spells these words out.
"""

from __future__ import annotations

from enum import Enum

from desktop_app.i18n import N_, _
from desktop_app.model.enums import (
    ActivityKind,
    ActivityMode,
    Audience,
    CompensationUnit,
    CorrectionStatus,
    EngagementType,
    ExpenseCategory,
    PaymentChoice,
    PaymentKind,
    PaymentMethod,
    ProductStatus,
    ProductType,
    RecognitionKind,
    ReflectionAspect,
    ReviewStatus,
    Role,
    VavDomain,
)

_SOURCE: tuple[tuple[Enum, str], ...] = (
    (Role.PARTNER, N_("Patient partner")),
    (Role.COORDINATOR, N_("Coordinator")),
    (PaymentChoice.PAID, N_("I would like to be paid")),
    (PaymentChoice.DECLINED, N_("I prefer not to be paid")),
    (PaymentChoice.DONATE, N_("I would like to give my pay to a good cause")),
    (CompensationUnit.HOURLY, N_("By the hour")),
    (CompensationUnit.PER_MEETING, N_("By the meeting")),
    (CompensationUnit.PER_DAY, N_("By the day")),
    (CompensationUnit.FLAT, N_("One set amount")),
    (CompensationUnit.NONE, N_("No payment")),
    (ActivityKind.MEETING, N_("Meeting")),
    (ActivityKind.PREPARATION, N_("Getting ready or reading")),
    (ActivityKind.REVIEWING, N_("Reviewing papers")),
    (ActivityKind.WRITING, N_("Writing")),
    (ActivityKind.PRESENTING, N_("Giving a talk")),
    (ActivityKind.SURVEY, N_("Survey, interview or group talk")),
    (ActivityKind.COMMITTEE, N_("Committee")),
    (ActivityKind.TRAINING, N_("Training")),
    (ActivityKind.OUTREACH, N_("Reaching out to others")),
    (ActivityKind.TRAVEL, N_("Travel")),
    (ActivityKind.OTHER, N_("Something else")),
    (ActivityMode.VIDEO, N_("Video call")),
    (ActivityMode.PHONE, N_("Phone")),
    (ActivityMode.IN_PERSON, N_("In person")),
    (ActivityMode.ON_MY_OWN, N_("On my own")),
    (ReviewStatus.DRAFT, N_("Not sent yet")),
    (ReviewStatus.READY, N_("Ready to send")),
    (ReviewStatus.SUBMITTED, N_("Sent")),
    (ReviewStatus.APPROVED, N_("Approved")),
    (ReviewStatus.QUERIED, N_("Question from coordinator")),
    (ReviewStatus.REJECTED, N_("Not accepted")),
    (ReviewStatus.PAID, N_("Paid")),
    (CorrectionStatus.OPEN, N_("Waiting for your answer")),
    (CorrectionStatus.TO_PAY, N_("The difference will be paid")),
    (CorrectionStatus.KEPT, N_("The paid version was kept")),
    (ProductType.TOOLKIT, N_("Toolkit")),
    (ProductType.HANDOUT, N_("Handout")),
    (ProductType.DISCUSSION_GUIDE, N_("Discussion guide")),
    (ProductType.TRAINING_SCENARIO, N_("Training scenario")),
    (ProductType.VIDEO, N_("Video")),
    (ProductType.WEBINAR, N_("Online talk")),
    (ProductType.ARTICLE, N_("Article or summary")),
    (ProductType.POSTER_OR_TALK, N_("Poster or talk")),
    (ProductType.REPORT, N_("Report")),
    (ProductType.WEB_PAGE, N_("Web page")),
    (ProductType.SURVEY, N_("Survey")),
    (ProductType.OTHER, N_("Something else")),
    (Audience.PATIENTS, N_("Patients and families")),
    (Audience.CARE_TEAMS, N_("Health care teams")),
    (Audience.RESEARCHERS, N_("Researchers")),
    (Audience.LEADERS, N_("Leaders and policy makers")),
    (Audience.PUBLIC, N_("The public")),
    (EngagementType.CONSULTATION, N_("I gave my views when asked")),
    (EngagementType.INVOLVEMENT, N_("I helped shape the work")),
    (EngagementType.PARTNERSHIP, N_("I shared decisions and leadership")),
    (ProductStatus.IDEA, N_("Idea")),
    (ProductStatus.DRAFT, N_("Draft")),
    (ProductStatus.IN_REVIEW, N_("Being checked")),
    (ProductStatus.FINAL, N_("Finished")),
    (ProductStatus.PUBLISHED, N_("Shared with the world")),
    (ExpenseCategory.MILEAGE, N_("Driving (distance)")),
    (ExpenseCategory.PARKING, N_("Parking")),
    (ExpenseCategory.TRANSIT, N_("Bus, train or taxi")),
    (ExpenseCategory.CAREGIVER, N_("Care for someone while I worked")),
    (ExpenseCategory.INTERNET_PHONE, N_("Internet or phone")),
    (ExpenseCategory.MEALS, N_("Meals")),
    (ExpenseCategory.OTHER, N_("Something else")),
    (PaymentKind.COMPENSATION, N_("Pay for my time")),
    (PaymentKind.REIMBURSEMENT, N_("Money back for costs")),
    (PaymentMethod.BANK_TRANSFER, N_("Bank transfer")),
    (PaymentMethod.CHEQUE, N_("Cheque")),
    (PaymentMethod.GIFT_CARD, N_("Gift card")),
    (PaymentMethod.DECLINED, N_("Not paid, by choice")),
    (PaymentMethod.DONATED, N_("Given to a good cause")),
    (VavDomain.RELATIONSHIP_BUILDING, N_("Getting to know each other")),
    (VavDomain.TRUST, N_("Trust")),
    (VavDomain.UNDERSTANDING, N_("Understanding each other")),
    (VavDomain.EDUCATION, N_("Learning and clear talk")),
    (VavDomain.SELF_AWARENESS, N_("Knowing myself")),
    (ReflectionAspect.HELPED, N_("Something that helped")),
    (ReflectionAspect.HARD, N_("Something that was hard")),
    (RecognitionKind.CO_AUTHORSHIP, N_("Named as an author")),
    (RecognitionKind.ACKNOWLEDGEMENT, N_("Thanked by name")),
    (RecognitionKind.TRAINING, N_("Training")),
    (RecognitionKind.CONFERENCE, N_("Conference")),
)

# Members of different enums can share a value ("draft"), and str-valued members compare
# equal across enums, so labels are keyed by (enum class, value).
_LABELS: dict[tuple[type[Enum], str], str] = {(type(k), k.value): v for k, v in _SOURCE}

#: Formal names of the Carman engagement types, for coordinators' reports.
ENGAGEMENT_FORMAL: dict[EngagementType, str] = {
    EngagementType.CONSULTATION: N_("Consultation"),
    EngagementType.INVOLVEMENT: N_("Involvement"),
    EngagementType.PARTNERSHIP: N_("Partnership and shared leadership"),
}


def label(value: Enum) -> str:
    """The translated, plain-language label of an enum member."""
    return _(_LABELS[(type(value), value.value)])


def formal_engagement(value: EngagementType) -> str:
    """The formal (Carman) name of an engagement type, translated."""
    return _(ENGAGEMENT_FORMAL[value])


def all_labels() -> list[tuple[Enum, str]]:
    """Every label in its source language (for the reading-level checks)."""
    return list(_SOURCE)


#: Plain names for the fields of records, for screens that show a record's details
#: (two versions side by side). Never show a field's own (column) name.
_FIELDS: dict[str, str] = {
    "id": N_("Record number"),
    "created_at": N_("Made on"),
    "updated_at": N_("Last changed"),
    "rev": N_("Version"),
    "origin": N_("Made on which computer"),
    "deleted_at": N_("Deleted"),
    "display_name": N_("Name"),
    "preferred_name": N_("Name they like to be called"),
    "contact": N_("How to reach them"),
    "role": N_("Role"),
    "payment_choice": N_("Pay"),
    "name": N_("Name"),
    "organisation": N_("Organisation"),
    "coordinator_name": N_("Coordinator"),
    "coordinator_contact": N_("How to reach the coordinator"),
    "start_date": N_("Start"),
    "end_date": N_("End"),
    "compensation_unit": N_("How pay is counted"),
    "rate_minor": N_("Rate"),
    "currency": N_("Currency"),
    "terms": N_("Agreed terms"),
    "project_id": N_("Project"),
    "project_ids": N_("Projects"),
    "person_id": N_("Person"),
    "product_id": N_("Product"),
    "product_ids": N_("Products"),
    "title": N_("Title"),
    "type": N_("Kind of product"),
    "audiences": N_("Who it is for"),
    "engagement": N_("How partners took part"),
    "status": N_("Where it is"),
    "completed_on": N_("Finished on"),
    "location": N_("Where the latest version is"),
    "description": N_("Description"),
    "date": N_("Date"),
    "kind": N_("What was done"),
    "mode": N_("How"),
    "minutes": N_("How long"),
    "prep_minutes": N_("Time getting ready"),
    "travel_minutes": N_("Travel time"),
    "total_minutes": N_("Time in all"),
    "note": N_("Note"),
    "category": N_("What it was for"),
    "amount_minor": N_("Amount"),
    "domain": N_("Theme"),
    "aspect": N_("Helped or hard"),
    "text": N_("Text"),
    "shared": N_("Shared with the coordinator"),
    "code": N_("Check code"),
    "digest": N_("Fingerprint"),
    "period_start": N_("Period start"),
    "period_end": N_("Period end"),
    "figures": N_("Figures"),
    "issued_on": N_("Made on"),
    "closed_on": N_("Closed on"),
    "method": N_("How it was paid"),
    "paid_on": N_("Paid on"),
    "reference": N_("Reference"),
}


def field_label(name: str) -> str:
    """The translated, plain name of a record's field ("prep_minutes" -> "Time getting
    ready"). A field with no plain name is a bug: every shown field needs one."""
    return _(_FIELDS[name])


def all_field_labels() -> list[str]:
    """Every field name in its source language (for the reading-level checks)."""
    return list(_FIELDS.values())
