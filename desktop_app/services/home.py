"""What the home screen shows, gathered in one call."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.model import Role
from desktop_app.services import profile, projects
from desktop_app.services.home_figures import HomeFigures
from desktop_app.services.summaries import summarise

__all__ = ["HomeFigures", "home_figures"]


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
