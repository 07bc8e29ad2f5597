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
