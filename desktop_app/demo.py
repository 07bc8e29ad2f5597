"""Demo data that reproduces the reference project, the same every time.

Four partners living with persistent pain worked with five researchers for about three
and a half years (June 2020 to December 2023). Together they gave 487 hours (about 3.0
hours per partner per month), met 40 times and made 17 products, 12 of them at
involvement or partnership level.

Names and notes are invented. They include accents, Vietnamese and Chinese so that
every screen and PDF is tried with the names people really have.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from desktop_app.model import (
    ActivityKind,
    ActivityMode,
    Audience,
    CompensationUnit,
    EngagementType,
    ExpenseCategory,
    PaymentChoice,
    PaymentKind,
    PaymentMethod,
    Person,
    ProductStatus,
    ProductType,
    RecognitionKind,
    ReflectionAspect,
    ReviewStatus,
    Role,
    VavDomain,
)
from desktop_app.services import activities, expenses, payments, products, profile, reflections
from desktop_app.services.owed import payable_expenses
from desktop_app.services.pay_rules import set_pay_rules
from desktop_app.services.projects import create_project

SEED = 2020
PROJECT_NAME = "Living Well with Persistent Pain"
FIRST_MEETING = date(2020, 7, 8)
LAST_DAY = date(2023, 11, 22)
PAID_UNTIL = date(2023, 6, 30)
APPROVED_UNTIL = date(2023, 9, 30)
RATE_MINOR = 3000  # 30.00 an hour
CURRENCY = "USD"


@dataclass(frozen=True)
class DemoPartner:
    name: str
    preferred: str
    target_minutes: int
    skipped_meetings: tuple[int, ...]
    payment_choice: PaymentChoice = PaymentChoice.PAID


PARTNERS = (
    DemoPartner("Rosa Martínez", "Rosa", 131 * 60 + 30, (5, 17)),
    DemoPartner("Nguyễn Thị Thanh", "Thanh", 118 * 60, (3, 12, 22, 30)),
    DemoPartner("Margaret O'Brien", "Maggie", 124 * 60 + 30, (9, 26), PaymentChoice.DECLINED),
    DemoPartner("陈伟 (Wei Chen)", "Wei", 113 * 60, (2, 14, 19, 27, 33)),
)
RESEARCHERS = ("Dr. Karen Lee", "Sam Okafor", "Dr. Priya Raman", "Julie Tremblay", "Dr. Tom Hale")

MEETING_NOTES = (
    "Monthly team meeting on video.",
    "Team meeting. We planned the next handout.",
    "Check-in and two-way feedback on the last draft.",
    "Team meeting. We talked about what to work on next.",
    "Meeting to agree the plan for the coming months.",
)
OTHER_WORK = (
    (ActivityKind.REVIEWING, "Read the draft and sent my comments."),
    (ActivityKind.REVIEWING, "Checked the handout for plain words."),
    (ActivityKind.WRITING, "Wrote my story for the toolkit."),
    (ActivityKind.WRITING, "Wrote journal prompts with the team."),
    (ActivityKind.PREPARATION, "Read the papers sent before the meeting."),
    (ActivityKind.PRESENTING, "Spoke about our work to a clinic team."),
    (ActivityKind.SURVEY, "Took part in a group talk about the project."),
    (ActivityKind.TRAINING, "Training on how research works."),
    (ActivityKind.OUTREACH, "Shared the toolkit with my support group."),
)

PRODUCTS = (
    (
        "Living Well with Persistent Pain: a toolkit",
        ProductType.TOOLKIT,
        EngagementType.PARTNERSHIP,
        (Audience.PATIENTS,),
        "A 60-page toolkit with stories, journal prompts, trackers and checklists. "
        "Public, organisation and Spanish versions. Accessed electronically 811 times.",
    ),
    (
        "Talking about bias, stigma and racism in pain care",
        ProductType.DISCUSSION_GUIDE,
        EngagementType.PARTNERSHIP,
        (Audience.CARE_TEAMS,),
        "A six-part discussion guide for primary care teams.",
    ),
    (
        "Empathic pain conversations",
        ProductType.TRAINING_SCENARIO,
        EngagementType.PARTNERSHIP,
        (Audience.CARE_TEAMS,),
        "A training scenario that helps care teams talk about pain with empathy.",
    ),
    (
        "Understanding long-term pain",
        ProductType.HANDOUT,
        EngagementType.INVOLVEMENT,
        (Audience.PATIENTS,),
        "A patient handout explaining long-term pain.",
    ),
    (
        "Complementary treatments for pain",
        ProductType.HANDOUT,
        EngagementType.INVOLVEMENT,
        (Audience.PATIENTS,),
        "A patient handout on treatments beside medicine.",
    ),
    (
        "Using opioid medicine for long-term pain",
        ProductType.HANDOUT,
        EngagementType.INVOLVEMENT,
        (Audience.PATIENTS,),
        "A patient handout on using opioid medicine safely over time.",
    ),
    (
        "Talking with your care team about pain",
        ProductType.HANDOUT,
        EngagementType.INVOLVEMENT,
        (Audience.PATIENTS,),
        "A handout to help patients prepare for a visit.",
    ),
    (
        "Sleep and persistent pain",
        ProductType.HANDOUT,
        EngagementType.INVOLVEMENT,
        (Audience.PATIENTS,),
        "A handout with tips for sleeping better with pain.",
    ),
    (
        "Stories of living with pain",
        ProductType.VIDEO,
        EngagementType.INVOLVEMENT,
        (Audience.PATIENTS, Audience.CARE_TEAMS),
        "Short videos of partners' own stories.",
    ),
    (
        "Patient partners in pain research",
        ProductType.WEBINAR,
        EngagementType.INVOLVEMENT,
        (Audience.RESEARCHERS, Audience.CARE_TEAMS),
        "An online talk for research teams.",
    ),
    (
        "Sustaining virtual patient engagement",
        ProductType.ARTICLE,
        EngagementType.INVOLVEMENT,
        (Audience.RESEARCHERS,),
        "A journal article about three and a half years of working together online.",
    ),
    (
        "Pain care resources for patients",
        ProductType.WEB_PAGE,
        EngagementType.INVOLVEMENT,
        (Audience.PATIENTS,),
        "A web page that gathers the handouts and the toolkit.",
    ),
    (
        "Patient experience survey on pain care",
        ProductType.SURVEY,
        EngagementType.CONSULTATION,
        (Audience.RESEARCHERS,),
        "Partners gave feedback on the survey questions.",
    ),
    (
        "Interim findings report",
        ProductType.REPORT,
        EngagementType.CONSULTATION,
        (Audience.RESEARCHERS,),
        "Partners commented on the draft report.",
    ),
    (
        "Conference poster on virtual engagement",
        ProductType.POSTER_OR_TALK,
        EngagementType.CONSULTATION,
        (Audience.RESEARCHERS,),
        "Partners checked the poster before the conference.",
    ),
    (
        "Clinic workflow recommendations",
        ProductType.REPORT,
        EngagementType.CONSULTATION,
        (Audience.CARE_TEAMS,),
        "Partners gave views on the recommended steps.",
    ),
    (
        "Welcome letter for the pain clinic",
        ProductType.HANDOUT,
        EngagementType.CONSULTATION,
        (Audience.PATIENTS,),
        "Partners suggested plainer words for the letter.",
    ),
)

REFLECTIONS = (
    (
        VavDomain.RELATIONSHIP_BUILDING,
        ReflectionAspect.HELPED,
        True,
        "The first minutes of each meeting were for catching up. It helped us get to know each "
        "other.",
    ),
    (
        VavDomain.TRUST,
        ReflectionAspect.HELPED,
        True,
        "I felt safe to say when something did not sit right with me.",
    ),
    (
        VavDomain.UNDERSTANDING,
        ReflectionAspect.HELPED,
        True,
        "The team accepted that my pain changes from day to day.",
    ),
    (
        VavDomain.EDUCATION,
        ReflectionAspect.HARD,
        True,
        "It was hard to find the latest draft in all the e-mails.",
    ),
    (
        VavDomain.SELF_AWARENESS,
        ReflectionAspect.HARD,
        False,
        "I took on too much in the spring and had to pace myself.",
    ),
    (
        VavDomain.EDUCATION,
        ReflectionAspect.HARD,
        True,
        "I was not always sure what to read before a meeting.",
    ),
    (
        VavDomain.TRUST,
        ReflectionAspect.HELPED,
        False,
        "They always came back to tell us what changed because of our ideas.",
    ),
    (
        VavDomain.RELATIONSHIP_BUILDING,
        ReflectionAspect.HARD,
        True,
        "Meeting only on video made it slow to feel like a team at the start.",
    ),
)


def _meeting_dates() -> list[date]:
    """40 monthly meetings from July 2020 to November 2023 (no meeting in December 2021)."""
    dates = []
    year, month = FIRST_MEETING.year, FIRST_MEETING.month
    while (year, month) <= (LAST_DAY.year, LAST_DAY.month):
        if (year, month) != (2021, 12):
            first = date(year, month, 1)
            # the second Wednesday of the month
            offset = (2 - first.weekday()) % 7 + 7
            dates.append(first + timedelta(days=offset))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return dates


def _status_for(day: date) -> ReviewStatus:
    """Entries up to ``PAID_UNTIL`` are approved here and become paid only through the
    payments ``_money`` records for them."""
    if day <= APPROVED_UNTIL:
        return ReviewStatus.APPROVED
    return ReviewStatus.SUBMITTED


def populate(session: Session, owner_role: Role = Role.PARTNER) -> None:
    """Fill an empty, migrated database with the reference project."""
    rng = random.Random(SEED)
    owner = PARTNERS[0].name if owner_role == Role.PARTNER else RESEARCHERS[0]
    profile.setup(
        session,
        owner_role,
        owner,
        preferred_name="Rosa" if owner_role == Role.PARTNER else "",
        payment_choice=PaymentChoice.PAID,
    )
    project = create_project(
        session,
        name=PROJECT_NAME,
        organisation="Integrated Pain Care Research Group",
        coordinator_name=RESEARCHERS[0],
        coordinator_contact="karen.lee@example.org",
        start_date=date(2020, 6, 1),
        end_date=date(2023, 12, 31),
        compensation_unit=CompensationUnit.HOURLY,
        rate_minor=RATE_MINOR,
        currency=CURRENCY,
        terms="Partners are paid $30 an hour for meetings, reading and writing, twice a year. "
        "Costs such as internet or parking are paid back separately.",
    )
    set_pay_rules(
        session, project.id, rate_minor=RATE_MINOR, pay_preparation=True, pay_travel=False
    )
    people = _people(session, owner_role)
    made = _products(session, project.id, people, rng)
    meetings = _meeting_dates()
    for partner, person in zip(PARTNERS, people, strict=True):
        _time(session, project.id, person, partner, meetings, made, rng)
        _money(session, project.id, person, rng)
    _reflections(session, project.id, people)
    for person in people[:2]:
        payments.record_recognition(
            session,
            person_id=person.id,
            project_id=project.id,
            kind=RecognitionKind.CO_AUTHORSHIP,
            title="Sustaining virtual patient engagement",
            date=date(2024, 3, 15),
        )


def _people(session: Session, owner_role: Role) -> list[Person]:
    people = []
    for partner in PARTNERS:
        if owner_role == Role.PARTNER and partner is PARTNERS[0]:
            person = profile.owner(session)
        else:
            person = profile.add_person(session, partner.name, Role.PARTNER)
            person.preferred_name = partner.preferred
        person.payment_choice = partner.payment_choice
        people.append(person)
    for name in RESEARCHERS:
        if owner_role == Role.COORDINATOR and name == RESEARCHERS[0]:
            continue
        profile.add_person(session, name, Role.COORDINATOR)
    return people


def _products(
    session: Session, project_id: str, people: list[Person], rng: random.Random
) -> list[str]:
    made = []
    for index, (title, kind, engagement, audiences, description) in enumerate(PRODUCTS):
        product = products.create_product(
            session,
            title=title,
            type=kind,
            engagement=engagement,
            audiences=audiences,
            status=ProductStatus.PUBLISHED if index % 3 == 0 else ProductStatus.FINAL,
            completed_on=date(2021, 3, 1) + timedelta(days=index * 53),
            location=f"https://example.org/pain-care/{index + 1}",
            description=description,
            project_id=project_id,
        )
        helpers = (
            people
            if engagement == EngagementType.PARTNERSHIP
            else rng.sample(people, rng.randint(2, 4))
        )
        for person in helpers:
            role = "Co-lead" if engagement == EngagementType.PARTNERSHIP else "Reviewer"
            products.add_contribution(session, product.id, person.id, role)
        made.append(product.id)
    return made


def _time(
    session: Session,
    project_id: str,
    person: Person,
    partner: DemoPartner,
    meetings: list[date],
    made: list[str],
    rng: random.Random,
) -> None:
    remaining = partner.target_minutes
    for number, day in enumerate(meetings, start=1):
        if number in partner.skipped_meetings:
            continue
        prep = rng.choice((0, 15, 30))
        activities.record_activity(
            session,
            date=day,
            minutes=90,
            prep_minutes=prep,
            kind=ActivityKind.MEETING,
            mode=ActivityMode.VIDEO,
            note=rng.choice(MEETING_NOTES),
            project_id=project_id,
            person_id=person.id,
            status=_status_for(day),
        )
        remaining -= 90 + prep
    span = (LAST_DAY - FIRST_MEETING).days
    while remaining > 0:
        kind, note = rng.choice(OTHER_WORK)
        minutes = min(remaining, rng.choice((30, 45, 60, 60, 90, 120)))
        day = FIRST_MEETING + timedelta(days=rng.randint(1, span - 1))
        linked = (
            [rng.choice(made)] if kind in (ActivityKind.REVIEWING, ActivityKind.WRITING) else []
        )
        activities.record_activity(
            session,
            date=day,
            minutes=minutes,
            kind=kind,
            mode=ActivityMode.PHONE if kind == ActivityKind.SURVEY else ActivityMode.ON_MY_OWN,
            note=note,
            project_id=project_id,
            person_id=person.id,
            product_ids=linked,
            status=_status_for(day),
        )
        remaining -= minutes


def _money(session: Session, project_id: str, person: Person, rng: random.Random) -> None:
    for year in (2021, 2022, 2023):
        expense = expenses.record_expense(
            session,
            date=date(year, 5, 10),
            category=ExpenseCategory.INTERNET_PHONE,
            amount_minor=rng.choice((2500, 3000, 4000)),
            note="Share of my internet bill",
            project_id=project_id,
            person_id=person.id,
        )
        expense.status = _status_for(expense.date)
    parking = expenses.record_expense(
        session,
        date=date(2023, 10, 4),
        category=ExpenseCategory.PARKING,
        amount_minor=1250,
        note="Parking at the clinic for the talk",
        project_id=project_id,
        person_id=person.id,
    )
    parking.status = ReviewStatus.SUBMITTED
    declined = person.payment_choice == PaymentChoice.DECLINED
    for start, end in (
        (date(2020, 7, 1), date(2020, 12, 31)),
        (date(2021, 1, 1), date(2021, 12, 31)),
        (date(2022, 1, 1), date(2022, 12, 31)),
        (date(2023, 1, 1), PAID_UNTIL),
    ):
        # No amount: each payment pays exactly what its entries are owed (rate x hours).
        payments.record_payment(
            session,
            person_id=person.id,
            project_id=project_id,
            period_start=start,
            period_end=end,
            kind=PaymentKind.COMPENSATION,
            method=PaymentMethod.DECLINED if declined else PaymentMethod.BANK_TRANSFER,
            paid_on=end + timedelta(days=20),
            reference=f"PL-{end.year}-{end.month:02d}",
        )
        if payable_expenses(session, person.id, project_id, start, end):
            payments.record_payment(
                session,
                person_id=person.id,
                project_id=project_id,
                period_start=start,
                period_end=end,
                kind=PaymentKind.REIMBURSEMENT,
                method=PaymentMethod.BANK_TRANSFER,
                paid_on=end + timedelta(days=20),
                reference=f"PL-{end.year}-{end.month:02d}-C",
            )


def _reflections(session: Session, project_id: str, people: list[Person]) -> None:
    for index, (domain, aspect, shared, text) in enumerate(REFLECTIONS):
        person = people[index % len(people)]
        reflections.record_reflection(
            session,
            date=date(2021, 2, 1) + timedelta(days=index * 97),
            domain=domain,
            aspect=aspect,
            text=text,
            shared=shared,
            project_id=project_id,
            person_id=person.id,
        )
