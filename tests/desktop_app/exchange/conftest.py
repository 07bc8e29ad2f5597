"""Installations for exchange tests: each with its own data folder and database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop_app.model import Role
from desktop_app.services.projects import create_project
from tests.helpers.sites import Site


@pytest.fixture
def sites(tmp_path: Path) -> Iterator[Callable[..., Site]]:
    made: list[Site] = []

    def make(label: str, role: Role, name: str, url: str | None = None) -> Site:
        site = Site(tmp_path / label, role, name, url)
        made.append(site)
        return site

    yield make
    for site in made:
        site.close()


@pytest.fixture
def coordinator(sites: Callable[..., Site], database_url: str | None) -> Site:
    """The coordinator: on SQLite, and again on the PostgreSQL test server."""
    site = sites("coordinator", Role.COORDINATOR, "Karen Lee", database_url)
    site.call(
        lambda s: create_project(
            s, name="Pain Care", compensation_unit="hourly", rate_minor=3000, currency="CAD"
        )
    )
    return site


@pytest.fixture
def partner(sites: Callable[..., Site]) -> Site:
    site = sites("partner", Role.PARTNER, "Rosa Martínez")
    site.call(lambda s: create_project(s, name="My own project"))
    return site
