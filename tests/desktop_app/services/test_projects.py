"""Projects: unique names, sensible periods and currencies, and the default project."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput, NotFound
from desktop_app.model import Project
from desktop_app.services import projects


def test_projects_need_unique_names_and_valid_periods(session: Session, partner: Project) -> None:
    with pytest.raises(InvalidInput, match="already a project"):
        projects.create_project(session, name="better pain care".title())
    with pytest.raises(InvalidInput, match="end date"):
        projects.create_project(
            session, name="Second", start_date=date(2024, 5, 1), end_date=date(2024, 1, 1)
        )
    with pytest.raises(InvalidInput, match="three letters"):
        projects.create_project(session, name="Second", currency="dollars")
    second = projects.create_project(
        session, name="Second", compensation_unit="hourly", rate_minor=2500
    )
    with pytest.raises(InvalidInput, match="Choose which project"):
        projects.default_project(session)
    assert projects.find_project(session, " second ").id == second.id
    projects.change_project(session, second.id, rate_minor=4000)
    projects.delete_project(session, second.id)
    with pytest.raises(NotFound):
        projects.find_project(session, "Second")
    projects.undo_delete_project(session, second.id)
    assert projects.find_project(session, "Second").rate_minor == 4000
