"""What the home screen shows, gathered in one call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.model import Role
from desktop_app.services import profile, projects
from desktop_app.services.summaries import summarise


@dataclass(frozen=True)
class HomeFigures:
    set_up: bool
    name: str = ""
    role: Role = Role.PARTNER
    month_minutes: int = 0
    total_minutes: int = 0
    meetings: int = 0
    products: int = 0
    partners: int = 0
    project_count: int = 0


def home_figures(session: Session, today: date | None = None) -> HomeFigures:
    """A partner sees their own figures; a coordinator sees every partner's."""
    installation = profile.installation(session)
    if installation is None:
        return HomeFigures(set_up=False)
    me = profile.owner(session)
    today = today or clock.today()
    person_id = me.id if installation.role == Role.PARTNER else None
    month = summarise(session, person_id=person_id, start=today.replace(day=1), end=today)
    total = summarise(session, person_id=person_id)
    return HomeFigures(
        set_up=True,
        name=me.name,
        role=installation.role,
        month_minutes=month.total_minutes,
        total_minutes=total.total_minutes,
        meetings=total.meetings,
        products=total.products,
        partners=total.partners,
        project_count=len(projects.projects(session)),
    )
