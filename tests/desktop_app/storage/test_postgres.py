"""One schema on both engines: the same models and migrations on SQLite and PostgreSQL,
migrations under an advisory lock, a newer database refused, and the type differences
(time zones, yes/no values, case in searches, ids) giving the same answers."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session

from desktop_app.errors import NewerDatabase
from desktop_app.model import Activity, PayRule, Person, Role
from desktop_app.services import pay_rules, profile
from desktop_app.services.projects import default_project
from desktop_app.storage.db import SCHEMA_HEAD, Database, open_database_url
from desktop_app.storage.workspace import Workspace
from tests.helpers.postgres_server import ThrowawayServer
from tests.helpers.sites import add_time

ROOT = Path(__file__).resolve().parents[3]


def test_the_same_schema_on_both_engines(database: Database, engine: str) -> None:
    with database.engine.connect() as connection:
        stamp = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert stamp == SCHEMA_HEAD
    assert database.on_server is (engine == "postgresql")


def test_moments_come_back_as_utc_whatever_zone_they_were_saved_in(
    session: Session, partner: object
) -> None:
    entry = session.get(Activity, add_time(session))
    assert entry is not None
    montreal = timezone(timedelta(hours=-4))
    entry.updated_at = datetime(2026, 9, 30, 20, 30, tzinfo=montreal)
    session.flush()
    session.expire_all()
    again = session.get(Activity, entry.id)
    assert again is not None
    assert again.updated_at == datetime(2026, 10, 1, 0, 30, tzinfo=UTC)
    assert again.updated_at.utcoffset() == timedelta(0)
    assert again.created_at.tzinfo is not None
    later = session.scalars(
        select(Activity.id).where(Activity.updated_at > datetime(2026, 10, 1, tzinfo=UTC))
    ).all()
    assert later == [entry.id]


def test_yes_and_no_are_true_booleans(session: Session, partner: object) -> None:
    project = default_project(session)
    pay_rules.set_pay_rules(session, project.id, rate_minor=2500, pay_travel=False)
    session.expire_all()
    rule = session.scalars(select(PayRule)).one()
    assert rule.pay_travel is False and rule.pay_preparation is True
    assert session.scalar(select(func.count()).where(PayRule.pay_travel.is_(False))) == 1


def test_searching_names_ignores_case_on_both_engines(session: Session, partner: object) -> None:
    profile.add_person(session, "Rosa Martínez", Role.PARTNER)
    found = session.scalars(select(Person.display_name).where(Person.display_name.ilike("rosa%")))
    assert list(found) == ["Rosa Martínez"]
    assert profile.find_person(session, "ROSA MARTÍNEZ").display_name == "Rosa Martínez"


def test_ids_are_uuids_kept_as_text(session: Session, partner: object) -> None:
    entry_id = add_time(session)
    assert len(entry_id) == 36 and entry_id == entry_id.lower()
    stored = session.scalar(select(Activity.id).where(Activity.id == entry_id))
    assert isinstance(stored, str) and stored == entry_id


# -- PostgreSQL only ---------------------------------------------------------------


def test_a_newer_database_is_refused_and_left_untouched(
    postgres_server: ThrowawayServer,
) -> None:
    name = postgres_server.new_database()
    url = postgres_server.url(name)
    try:
        raw = create_engine(url)
        with raw.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        with pytest.raises(NewerDatabase):
            open_database_url(url)
        with raw.connect() as connection:
            stamp = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert stamp == "9999"
        raw.dispose()
    finally:
        postgres_server.drop_database(name)


def test_coordinators_opening_a_new_database_at_once_migrate_it_once(
    postgres_server: ThrowawayServer,
) -> None:
    name = postgres_server.new_database(empty=True)
    url = postgres_server.url(name).render_as_string(hide_password=False)
    script = (
        "import sys; from desktop_app.storage.db import open_database_url; "
        "open_database_url(sys.argv[1]).close()"
    )
    try:
        runs = [
            subprocess.Popen(
                [sys.executable, "-c", script, url],
                cwd=ROOT,
                env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            for _ in range(4)
        ]
        results = [(run.communicate(timeout=120)[1], run.returncode) for run in runs]
        assert all(status == 0 for _err, status in results), results
        raw = create_engine(postgres_server.url(name))
        with raw.connect() as connection:
            stamps = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        raw.dispose()
        assert stamps == [(SCHEMA_HEAD,)]
    finally:
        postgres_server.drop_database(name)


def test_many_windows_may_open_the_same_server_records(
    postgres_server: ThrowawayServer, tmp_path: Path
) -> None:
    name = postgres_server.new_database()
    url = postgres_server.url(name).render_as_string(hide_password=False)
    try:
        first = Workspace.open(tmp_path / "one", url=url)
        second = Workspace.open(tmp_path / "one", url=url)  # no one-window lock here
        first.call(profile.setup, Role.COORDINATOR, "Karen Lee")
        assert second.call(lambda s: profile.owner(s).display_name) == "Karen Lee"
        backup = second.backup_now()
        assert backup.parent == tmp_path / "one" / "backups" and backup.stat().st_size > 0
        first.close()
        second.close()
    finally:
        postgres_server.drop_database(name)


def test_every_migration_runs_down_and_up_again_on_postgresql(
    postgres_server: ThrowawayServer,
) -> None:
    from alembic import command

    from desktop_app.storage.db import _alembic_config

    name = postgres_server.new_database()
    raw = create_engine(postgres_server.url(name))
    try:
        with raw.begin() as connection:
            command.downgrade(_alembic_config(connection), "base")
            command.upgrade(_alembic_config(connection), "head")
            stamp = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert stamp == SCHEMA_HEAD
    finally:
        raw.dispose()
        postgres_server.drop_database(name)
