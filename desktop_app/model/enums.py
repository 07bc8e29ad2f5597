"""The fixed choices of the domain. Their plain-language labels live in ``labels.py``."""

from __future__ import annotations

import enum


class StrEnum(enum.StrEnum):
    """An enum whose values are stable lowercase strings, stored as text."""


class Role(StrEnum):
    PARTNER = "partner"
    COORDINATOR = "coordinator"


class PaymentChoice(StrEnum):
    """How a partner would like to be paid for their time."""

    PAID = "paid"
    DECLINED = "declined"
    DONATE = "donate"


class CompensationUnit(StrEnum):
    HOURLY = "hourly"
    PER_MEETING = "per_meeting"
    PER_DAY = "per_day"
    FLAT = "flat"
    NONE = "none"


class PayBasis(StrEnum):
    """What a pay rule pays for. Only by the hour for now; per meeting (and rates that
    depend on the engagement level) can be added as new members and new rule rows."""

    PER_HOUR = "per_hour"


class ActivityKind(StrEnum):
    MEETING = "meeting"
    PREPARATION = "preparation"
    REVIEWING = "reviewing"
    WRITING = "writing"
    PRESENTING = "presenting"
    SURVEY = "survey"
    COMMITTEE = "committee"
    TRAINING = "training"
    OUTREACH = "outreach"
    TRAVEL = "travel"
    OTHER = "other"


class ActivityMode(StrEnum):
    VIDEO = "video"
    PHONE = "phone"
    IN_PERSON = "in_person"
    ON_MY_OWN = "on_my_own"


class ReviewStatus(StrEnum):
    """Where an entry is on its way from the partner to being paid."""

    DRAFT = "draft"
    #: In a file the partner made but has not said they sent yet (only on their computer).
    READY = "ready"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    QUERIED = "queried"
    REJECTED = "rejected"
    PAID = "paid"


class CorrectionStatus(StrEnum):
    """A coordinator's answer to a change made to an entry already paid or locked."""

    OPEN = "open"
    #: The difference will be paid (it shows in what is owed).
    TO_PAY = "to_pay"
    #: The paid version stays, and the partner is told.
    KEPT = "kept"


class ProductType(StrEnum):
    TOOLKIT = "toolkit"
    HANDOUT = "handout"
    DISCUSSION_GUIDE = "discussion_guide"
    TRAINING_SCENARIO = "training_scenario"
    VIDEO = "video"
    WEBINAR = "webinar"
    ARTICLE = "article"
    POSTER_OR_TALK = "poster_or_talk"
    REPORT = "report"
    WEB_PAGE = "web_page"
    SURVEY = "survey"
    OTHER = "other"


class Audience(StrEnum):
    PATIENTS = "patients"
    CARE_TEAMS = "care_teams"
    RESEARCHERS = "researchers"
    LEADERS = "leaders"
    PUBLIC = "public"


class EngagementType(StrEnum):
    """Carman et al.'s continuum of engagement."""

    CONSULTATION = "consultation"
    INVOLVEMENT = "involvement"
    PARTNERSHIP = "partnership"


class ProductStatus(StrEnum):
    IDEA = "idea"
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    FINAL = "final"
    PUBLISHED = "published"


class ExpenseCategory(StrEnum):
    MILEAGE = "mileage"
    PARKING = "parking"
    TRANSIT = "transit"
    CAREGIVER = "caregiver"
    INTERNET_PHONE = "internet_phone"
    MEALS = "meals"
    OTHER = "other"


class PaymentKind(StrEnum):
    COMPENSATION = "compensation"
    REIMBURSEMENT = "reimbursement"


class PaymentMethod(StrEnum):
    BANK_TRANSFER = "bank_transfer"
    CHEQUE = "cheque"
    GIFT_CARD = "gift_card"
    DECLINED = "declined"
    DONATED = "donated"


class VavDomain(StrEnum):
    """The five domains of the Valuing All Voices reflection framework."""

    RELATIONSHIP_BUILDING = "relationship_building"
    TRUST = "trust"
    UNDERSTANDING = "understanding"
    EDUCATION = "education"
    SELF_AWARENESS = "self_awareness"


class ReflectionAspect(StrEnum):
    HELPED = "helped"
    HARD = "hard"


class RecognitionKind(StrEnum):
    CO_AUTHORSHIP = "co_authorship"
    ACKNOWLEDGEMENT = "acknowledgement"
    TRAINING = "training"
    CONFERENCE = "conference"
