"""Valuing All Voices reflections: private unless the partner chooses to share."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.i18n import _
from desktop_app.model import Reflection, ReflectionAspect, VavDomain, new_id
from desktop_app.services import lifecycle
from desktop_app.services.profile import owner
from desktop_app.services.projects import default_project
from desktop_app.services.scope import in_scope
from desktop_app.services.validation import MAX_LONG_TEXT, check_choice, check_date, clean_text

_CHANGEABLE = {"date", "domain", "aspect", "text", "shared"}


def _what() -> str:
    return _("reflection")


def _validate(reflection: Reflection) -> None:
    reflection.date = check_date(reflection.date)
    reflection.domain = check_choice(reflection.domain, VavDomain, "domain")
    reflection.aspect = check_choice(reflection.aspect, ReflectionAspect, "aspect")
    reflection.text = clean_text(reflection.text, "text", _("your thoughts"), MAX_LONG_TEXT, True)
    reflection.shared = bool(reflection.shared)


def record_reflection(
    session: Session,
    *,
    date: date,
    domain: VavDomain | str,
    aspect: ReflectionAspect | str,
    text: str,
    shared: bool = False,
    project_id: str | None = None,
    person_id: str | None = None,
) -> Reflection:
    reflection = Reflection(
        id=new_id(),
        person_id=person_id or owner(session).id,
        project_id=project_id or default_project(session).id,
        date=date,
        domain=domain,
        aspect=aspect,
        text=text,
        shared=shared,
    )
    _validate(reflection)
    return lifecycle.stamp_new(session, reflection)


def change_reflection(session: Session, reflection_id: str, **changes: object) -> Reflection:
    return lifecycle.change(
        session, Reflection, reflection_id, _what(), changes, _CHANGEABLE, _validate
    )


def delete_reflection(session: Session, reflection_id: str) -> Reflection:
    return lifecycle.delete(session, Reflection, reflection_id, _what())


def undo_delete_reflection(session: Session, reflection_id: str) -> Reflection:
    return lifecycle.undo_delete(session, Reflection, reflection_id, _what())


def list_reflections(
    session: Session,
    person_id: str | None = None,
    project_id: str | None = None,
    shared_only: bool = False,
    start: date | None = None,
    end: date | None = None,
) -> list[Reflection]:
    query = select(Reflection).where(in_scope(Reflection, person_id, project_id, start, end))
    if shared_only:
        query = query.where(Reflection.shared.is_(True))
    return list(session.scalars(query.order_by(Reflection.date.desc(), Reflection.id)))
