"""Shared fixtures: every test gets its own data folder and never sees the real one, and
every test runs on the same day, whatever the computer's calendar says."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from desktop_app import clock, i18n  # noqa: E402
from desktop_app.model import Project, Role  # noqa: E402
from desktop_app.services import profile  # noqa: E402
from desktop_app.services.projects import default_project  # noqa: E402
from desktop_app.storage import paths  # noqa: E402
from desktop_app.storage.db import Database, open_database  # noqa: E402
from tests.helpers.days import TEST_DAY  # noqa: E402
from tests.helpers.postgres_server import NoServer, ThrowawayServer, start_server  # noqa: E402

#: Test folders whose tests that use the ``database`` fixture run twice: on a SQLite file
#: and on the PostgreSQL test server (``engine``).
BOTH_ENGINES = (
    "tests/desktop_app/services/",
    "tests/desktop_app/exchange/",
    "tests/desktop_app/reports/",
    "tests/desktop_app/storage/test_postgres",
)
#: ...except these: PDF text escaping never reads the records, and a certificate is a
#: partner's own document (partners keep their records file; only coordinators share a
#: server). This keeps the PostgreSQL run within about three minutes on two cores.
SQLITE_ONLY = (
    "tests/desktop_app/reports/test_text.py",
    "tests/desktop_app/reports/test_certificate.py",
)
ENGINES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run the chosen folders' tests on both engines (``-k sqlite`` or ``-k postgresql``
    picks one)."""
    if "engine" not in metafunc.fixturenames:
        return
    where = metafunc.definition.path.as_posix()
    if any(folder in where for folder in BOTH_ENGINES) and not any(
        path in where for path in SQLITE_ONLY
    ):
        metafunc.parametrize("engine", ENGINES, indirect=True)


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every user folder (data, logs, demo) at a fresh temporary home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("PARTNER_LOG_HOME", raising=False)
    # On Windows platformdirs asks the system for the folders and ignores the variables
    # above, so the paths module is pointed at the temporary home on every platform.
    monkeypatch.setattr(paths.platformdirs, "user_data_dir", _under(home / "data"))
    monkeypatch.setattr(paths.platformdirs, "user_log_dir", _under(home / "state", "log"))
    return home


def _under(root: Path, *tail: str) -> Callable[..., str]:
    """A stand-in for a platformdirs folder function, rooted at ``root``."""

    def folder(appname: str | None = None, *_args: object, **_kwargs: object) -> str:
        return str(root.joinpath(appname or "", *tail))

    return folder


@pytest.fixture(autouse=True)
def english_system(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts on an English system, in English, and leaves it so."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    yield
    i18n.set_run_language(None)
    i18n.set_language("en")


@pytest.fixture(autouse=True)
def today() -> Iterator[date]:
    """Pin the app's today to ``TEST_DAY`` for the test; ask for it to use the date."""
    with clock.pinned(TEST_DAY):
        yield TEST_DAY


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "records"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[ThrowawayServer]:
    """A real PostgreSQL server for the whole run, with a migrated template database.

    Skips the test when the server programs or the psycopg driver are missing; set
    ``PARTNER_LOG_NEED_POSTGRES=1`` (as ``make test`` does) to fail instead.
    """
    try:
        server = start_server()
    except NoServer as problem:
        if os.environ.get("PARTNER_LOG_NEED_POSTGRES"):
            pytest.fail(str(problem))
        pytest.skip(str(problem))
    try:
        server.make_template()
        yield server
    finally:
        server.stop()


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """The database engine of this run of the test: "sqlite" unless parametrised."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def database_url(engine: str, request: pytest.FixtureRequest) -> Iterator[str | None]:
    """None for a SQLite file; else the address of a migrated PostgreSQL database with
    no records (emptied for each test)."""
    if engine != "postgresql":
        yield None
        return
    server: ThrowawayServer = request.getfixturevalue("postgres_server")
    yield server.url(server.emptied_database()).render_as_string(hide_password=False)


@pytest.fixture
def database(data_dir: Path, database_url: str | None) -> Iterator[Database]:
    db = open_database(data_dir, database_url)
    yield db
    db.close()


@pytest.fixture
def session(database: Database) -> Iterator[Session]:
    """A session whose work is committed at the end of the test (like one user action)."""
    with database.session() as s:
        yield s


@pytest.fixture
def partner(session: Session) -> Project:
    """A partner's installation with one project; returns the project."""
    profile.setup(
        session, Role.PARTNER, "Ana Souza", preferred_name="Ana", project_name="Better Pain Care"
    )
    return default_project(session)
