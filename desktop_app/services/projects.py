"""Projects: what partners give their time to, and on what terms."""

from __future__ import annotations

import unicodedata
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput, NotFound
from desktop_app.i18n import _
from desktop_app.model import CompensationUnit, Project, new_id
from desktop_app.services import lifecycle
from desktop_app.services.validation import (
    MAX_LONG_TEXT,
    MAX_NAME,
    check_amount,
    check_choice,
    check_currency,
    check_period,
    clean_text,
)

WHAT = "project"
_FIELDS = {
    "name",
    "organisation",
    "coordinator_name",
    "coordinator_contact",
    "start_date",
    "end_date",
    "compensation_unit",
    "rate_minor",
    "currency",
    "terms",
}


def fold(name: str) -> str:
    """A name as compared: case, accents and spacing left aside ("Pain Care" and
    "  páin care" are the same name)."""
    decomposed = unicodedata.normalize("NFKD", name.strip())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def _validated(project: Project, session: Session) -> Project:
    project.name = clean_text(project.name, "name", _("the project name"), MAX_NAME, True)
    project.organisation = clean_text(
        project.organisation, "organisation", _("the organisation"), MAX_NAME, False
    )
    project.coordinator_name = clean_text(
        project.coordinator_name, "coordinator_name", _("the coordinator's name"), MAX_NAME, False
    )
    project.coordinator_contact = clean_text(
        project.coordinator_contact,
        "coordinator_contact",
        _("how to reach the coordinator"),
        300,
        False,
    )
    project.terms = clean_text(project.terms, "terms", _("the agreed terms"), MAX_LONG_TEXT, False)
    check_period(project.start_date, project.end_date)
    project.compensation_unit = check_choice(
        project.compensation_unit, CompensationUnit, "compensation_unit"
    )
    project.rate_minor = check_amount(project.rate_minor, "rate_minor")
    project.currency = check_currency(project.currency)
    wanted = fold(project.name)
    others = session.execute(
        select(Project.id, Project.name).where(
            Project.deleted_at.is_(None), Project.id != project.id
        )
    )
    if any(fold(name) == wanted for _id, name in others):
        raise InvalidInput(_("There is already a project with that name."), field="name")
    return project


def create_project(
    session: Session,
    name: str,
    organisation: str = "",
    coordinator_name: str = "",
    coordinator_contact: str = "",
    start_date: date | None = None,
    end_date: date | None = None,
    compensation_unit: CompensationUnit | str = CompensationUnit.NONE,
    rate_minor: int = 0,
    currency: str = "CAD",
    terms: str = "",
) -> Project:
    project = Project(
        id=new_id(),
        name=name,
        organisation=organisation,
        coordinator_name=coordinator_name,
        coordinator_contact=coordinator_contact,
        start_date=start_date,
        end_date=end_date,
        compensation_unit=compensation_unit,
        rate_minor=rate_minor,
        currency=currency,
        terms=terms,
    )
    _validated(project, session)
    return lifecycle.stamp_new(session, project)


def change_project(session: Session, project_id: str, **changes: object) -> Project:
    return lifecycle.change(
        session,
        Project,
        project_id,
        _("project"),
        changes,
        _FIELDS,
        lambda project: _validated(project, session),
    )


def delete_project(session: Session, project_id: str) -> Project:
    return lifecycle.delete(session, Project, project_id, _("project"))


def undo_delete_project(session: Session, project_id: str) -> Project:
    return lifecycle.undo_delete(session, Project, project_id, _("project"))


def projects(session: Session) -> list[Project]:
    return list(
        session.scalars(select(Project).where(Project.deleted_at.is_(None)).order_by(Project.name))
    )


def matching_projects(session: Session, name: str) -> list[Project]:
    """The live projects whose name is ``name``, leaving case and accents aside."""
    wanted = fold(name)
    return [project for project in projects(session) if fold(project.name) == wanted]


def find_project(session: Session, name: str) -> Project:
    found = matching_projects(session, name)
    if found:
        return found[0]
    raise NotFound(
        _("No project called \u201c{name}\u201d is in these records.").format(name=name.strip())
    )


def default_project(session: Session, name: str | None = None) -> Project:
    """The project named, or the only project when there is just one."""
    if name:
        return find_project(session, name)
    found = projects(session)
    if len(found) == 1:
        return found[0]
    if not found:
        raise InvalidInput(
            _("There is no project yet."),
            _("Add one in Settings, or open a file from your coordinator."),
            field="project",
        )
    raise InvalidInput(_("Choose which project this is for."), field="project")
