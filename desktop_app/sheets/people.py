"""Whose row is it: in a partner's app, always the owner's; in a coordinator's app, the
partner the person column names (case and accents folded), or a new partner."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput
from desktop_app.i18n import _
from desktop_app.model import Person, Role
from desktop_app.services import profile
from desktop_app.sheets.words import fold


@dataclass
class People:
    """Finds the person a row names."""

    role: Role
    owner: Person
    #: Folded name -> person id (partners in a coordinator's app; the owner in a partner's).
    known: dict[str, str] = field(default_factory=dict)
    #: Folded name -> the name as first written, for partners still to be added.
    new: dict[str, str] = field(default_factory=dict)
    #: The person every row without a name belongs to (None: the row must name someone).
    default: str | None = None

    @classmethod
    def load(cls, session: Session, person: str | None) -> People:
        here = profile.require_installation(session)
        owner = profile.owner(session)
        found = cls(here.role, owner)
        if here.role == Role.PARTNER:
            for name in (owner.display_name, owner.preferred_name):
                if name.strip():
                    found.known[fold(name)] = owner.id
            found.default = owner.id
            if person and fold(person) not in found.known:
                raise InvalidInput(
                    _("In your own app, every record is yours."),
                    _("Leave out the person, or bring the sheet in on a coordinator's app."),
                    field="person",
                )
            return found
        for partner in profile.people(session, Role.PARTNER):
            for name in (partner.display_name, partner.preferred_name):
                if name.strip():
                    found.known.setdefault(fold(name), partner.id)
        if person:
            found.default = found.known.get(fold(person))
            if found.default is None:
                found.new.setdefault(fold(person), person.strip())
                found.default = "new:" + fold(person)
        return found

    def person_of(self, written: str) -> tuple[str | None, str]:
        """(the person id, or "new:<folded name>" for a new partner, or None; and the
        reason when the row cannot be used)."""
        name = " ".join(written.split())
        if not name:
            if self.default is None:
                return None, _("This row does not say whose record it is.")
            return self.default, ""
        key = fold(name)
        if key in self.known:
            return self.known[key], ""
        if self.role == Role.PARTNER:
            return None, _("This row is for {name}, not for you.").format(name=name)
        self.new.setdefault(key, name)
        return "new:" + key, ""

    def name_of(self, key: str, session: Session) -> str:
        if key.startswith("new:"):
            return self.new[key[4:]]
        if key == self.owner.id:
            return self.owner.name
        person = session.get(Person, key)
        return person.name if person is not None else ""
