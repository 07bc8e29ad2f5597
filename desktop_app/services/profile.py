"""First-run set-up, this installation's owner, and the people in the records."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput, NotFound, UserFacingError
from desktop_app.i18n import _
from desktop_app.model import Installation, PaymentChoice, Person, Role, new_id
from desktop_app.services import lifecycle
from desktop_app.services.projects import create_project
from desktop_app.services.validation import MAX_NAME, check_choice, clean_text


def installation(session: Session) -> Installation | None:
    return session.scalar(select(Installation).limit(1))


def require_installation(session: Session) -> Installation:
    found = installation(session)
    if found is None:
        raise UserFacingError(
            _("Partner Log is not set up yet."),
            _("Open the app to set it up, or use: partner-log setup --role partner --name NAME"),
        )
    return found


def owner(session: Session) -> Person:
    """The person this installation belongs to."""
    person = session.get(Person, require_installation(session).person_id)
    assert person is not None  # the foreign key guarantees it
    return person


def setup(
    session: Session,
    role: Role | str,
    name: str,
    preferred_name: str = "",
    project_name: str = "",
    payment_choice: PaymentChoice | str = PaymentChoice.PAID,
) -> Installation:
    """Set up this installation for its owner. Refused if it is already set up."""
    chosen_role = check_choice(role, Role, "role")
    display = clean_text(name, "name", _("your name"), MAX_NAME, required=True)
    preferred = clean_text(
        preferred_name, "preferred_name", _("the name you like to use"), MAX_NAME, required=False
    )
    choice = check_choice(payment_choice, PaymentChoice, "payment_choice")
    existing = installation(session)
    if existing is not None:
        raise InvalidInput(
            _("Partner Log is already set up here."),
            _("Change your details in Settings instead."),
        )
    installation_row = Installation(id=new_id(), role=chosen_role, person_id="")
    session.info[lifecycle._ORIGIN_KEY] = installation_row.id
    person = lifecycle.stamp_new(
        session,
        Person(
            id=new_id(),
            display_name=display,
            preferred_name=preferred,
            role=chosen_role,
            payment_choice=choice,
        ),
    )
    session.flush()  # the person must exist before the installation points at it
    installation_row.person_id = person.id
    session.add(installation_row)
    session.flush()
    if project_name.strip():
        create_project(session, name=project_name)
    return installation_row


def change_profile(
    session: Session,
    name: str | None = None,
    preferred_name: str | None = None,
    contact: str | None = None,
    payment_choice: PaymentChoice | str | None = None,
) -> Person:
    """Change the owner's own details. Only the fields given are changed."""
    person = owner(session)
    if name is not None:
        person.display_name = clean_text(name, "name", _("your name"), MAX_NAME, required=True)
    if preferred_name is not None:
        person.preferred_name = clean_text(
            preferred_name, "preferred_name", _("the name you like to use"), MAX_NAME, False
        )
    if contact is not None:
        person.contact = clean_text(contact, "contact", _("how to reach you"), 300, False)
    if payment_choice is not None:
        person.payment_choice = check_choice(payment_choice, PaymentChoice, "payment_choice")
    lifecycle.touch(session, person)
    return person


def add_person(session: Session, name: str, role: Role | str = Role.PARTNER) -> Person:
    """Add someone else to the records (a coordinator adding a partner)."""
    display = clean_text(name, "name", _("the person's name"), MAX_NAME, required=True)
    return lifecycle.stamp_new(
        session, Person(id=new_id(), display_name=display, role=check_choice(role, Role, "role"))
    )


def people(session: Session, role: Role | None = None) -> list[Person]:
    query = select(Person).where(Person.deleted_at.is_(None)).order_by(Person.display_name)
    if role is not None:
        query = query.where(Person.role == role)
    return list(session.scalars(query))


def find_person(session: Session, name: str) -> Person:
    """The person whose name or preferred name matches ``name`` (ignoring case)."""
    wanted = name.strip().casefold()
    matches = [
        person
        for person in people(session)
        if wanted in (person.display_name.casefold(), person.preferred_name.casefold())
    ]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFound(
            _("No one called \u201c{name}\u201d is in these records.").format(name=name.strip())
        )
    raise InvalidInput(
        _("More than one person is called \u201c{name}\u201d.").format(name=name.strip())
    )


def count_people(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Person)) or 0
