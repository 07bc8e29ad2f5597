"""A real PostgreSQL server for the tests, started in a temporary folder.

It uses the server programs of the system's ``postgresql`` package (``initdb`` and
``pg_ctl`` on the PATH, or the newest ``/usr/lib/postgresql/*/bin``). ``initdb`` refuses to
run as root, so under root (as in CI) the server runs as the ``postgres`` user, in a folder
that user owns. It listens on a private port on 127.0.0.1 and on a socket in that folder,
trusts local connections, and skips the disk flushes a throwaway server does not need.

Each test gets a database of its own, copied from a migrated template in a few
milliseconds (``CREATE DATABASE ... TEMPLATE``), and dropped afterwards.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import URL, create_engine, text
from sqlalchemy.pool import NullPool

TEMPLATE = "partner_log_template"
SUPERUSER = "postgres"


class NoServer(Exception):
    """PostgreSQL's server programs or the psycopg driver are not on this machine."""


def server_bin_dir() -> Path:
    """The folder that holds ``initdb`` and ``pg_ctl``."""
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(os.path.realpath(on_path)).parent

    def version(path: str) -> int:
        name = Path(path).parent.parent.name
        return int(name) if name.isdigit() else 0

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=version)
    if not found:
        raise NoServer("PostgreSQL's server programs (initdb, pg_ctl) were not found")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(argv: list[str]) -> list[str]:
    """Run ``argv`` as the ``postgres`` user when this process is root."""
    if os.geteuid() != 0:
        return argv
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", SUPERUSER, "--", *argv]
    return ["su", SUPERUSER, "-s", "/bin/sh", "-c", " ".join(argv)]


@dataclass
class ThrowawayServer:
    """A running throwaway PostgreSQL server."""

    folder: Path
    port: int
    bin_dir: Path
    _names: Iterator[int] = field(default_factory=itertools.count)
    _shared: str | None = None

    @property
    def socket_dir(self) -> str:
        return str(self.folder)

    def url(self, database: str = "postgres", *, tcp: bool = False) -> URL:
        """A psycopg URL for ``database``: through the socket, or TCP on 127.0.0.1."""
        if tcp:
            return URL.create(
                "postgresql+psycopg",
                username=SUPERUSER,
                host="127.0.0.1",
                port=self.port,
                database=database,
            )
        return URL.create(
            "postgresql+psycopg",
            username=SUPERUSER,
            database=database,
            query={"host": self.socket_dir, "port": str(self.port)},
        )

    def libpq_url(self, database: str) -> str:
        """The same database as a plain libpq URL, as IT would write it."""
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def admin(self, *statements: str) -> None:
        """Run statements on the server's own database, outside a transaction."""
        engine = create_engine(self.url(), poolclass=NullPool, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                for statement in statements:
                    connection.execute(text(statement))
        finally:
            engine.dispose()

    def add_login(self, name: str, password: str, database: str, may_save: bool = True) -> str:
        """A role that must give ``password`` over TCP (SCRAM), with full use of the tables
        of ``database`` (or, unless ``may_save``, only reading them, as IT's role for
        reports); returns the libpq address IT would give (no password in it).

        Every other login stays trusted: the rule is added above the others and the
        server reloads its rules."""
        self.admin(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'")
        engine = create_engine(self.url(database), poolclass=NullPool, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                for what in ("TABLES", "SEQUENCES"):
                    allowed = "ALL" if may_save else "SELECT"
                    connection.execute(
                        text(f'GRANT {allowed} ON ALL {what} IN SCHEMA public TO "{name}"')
                    )
        finally:
            engine.dispose()
        rules = self.folder / "data" / "pg_hba.conf"
        kept = rules.read_text(encoding="utf-8")
        rules.write_text(f"host all {name} 127.0.0.1/32 scram-sha-256\n{kept}", encoding="utf-8")
        self.admin("SELECT pg_reload_conf()")
        self._wait_until_refused(name, database)
        return f"postgresql://{name}@127.0.0.1:{self.port}/{database}"

    def _wait_until_refused(self, name: str, database: str) -> None:
        """The server reloads its rules when signalled: wait until a wrong password is
        refused (it was trusted until then)."""
        import psycopg

        for _ in range(100):
            try:
                psycopg.connect(
                    host="127.0.0.1",
                    port=self.port,
                    user=name,
                    dbname=database,
                    password="not-the-password",
                    connect_timeout=5,
                ).close()
            except psycopg.OperationalError:
                return
            time.sleep(0.05)
        raise AssertionError(f"the server still trusts {name} after reloading its rules")

    def make_template(self) -> None:
        """A database with the whole schema, migrated once and copied for each test."""
        from desktop_app.storage.db import open_database_url

        self.admin(f'DROP DATABASE IF EXISTS "{TEMPLATE}"', f'CREATE DATABASE "{TEMPLATE}"')
        open_database_url(self.url(TEMPLATE)).close()

    def new_database(self, empty: bool = False) -> str:
        """The name of a fresh database: migrated (from the template), or ``empty``."""
        name = f"test_{os.getpid()}_{next(self._names)}"
        template = "template0" if empty else TEMPLATE
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def emptied_database(self) -> str:
        """A migrated database with no rows, shared by the tests one after another.

        Emptying every table (``TRUNCATE``) takes a few milliseconds, where copying the
        template takes a few hundred. A test that left the tables locked gets a new one.
        """
        if self._shared is None:
            self._shared = self.new_database()
        from desktop_app.model import Base

        names = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
        engine = create_engine(self.url(self._shared), poolclass=NullPool)
        try:
            with engine.begin() as connection:
                connection.execute(text("SET LOCAL lock_timeout = '5s'"))
                connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        except Exception:
            self._shared = self.new_database()
        finally:
            engine.dispose()
        return self._shared

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        pg_ctl = str(self.bin_dir / "pg_ctl")
        subprocess.run(
            _as_server_user([pg_ctl, "-D", str(self.folder / "data"), "-m", "immediate", "stop"]),
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def start_server() -> ThrowawayServer:
    """Make a new cluster in a temporary folder and start it. Raises ``NoServer``."""
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise NoServer("the psycopg driver is not installed") from exc
    bin_dir = server_bin_dir()
    folder = Path(tempfile.mkdtemp(prefix="partner-log-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, SUPERUSER, SUPERUSER)
    data = folder / "data"
    port = _free_port()
    try:
        subprocess.run(
            _as_server_user(
                [
                    str(bin_dir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    SUPERUSER,
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--locale=C",
                    "--no-sync",
                ]
            ),
            capture_output=True,
            check=True,
            cwd=folder,
        )
        options = (
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        subprocess.run(
            _as_server_user(
                [
                    str(bin_dir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    options,
                    "-l",
                    str(folder / "server.log"),
                    "-w",
                    "start",
                ]
            ),
            capture_output=True,
            check=True,
            cwd=folder,
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        with contextlib.suppress(OSError):
            detail += (folder / "server.log").read_bytes()
        shutil.rmtree(folder, ignore_errors=True)
        raise NoServer(f"the test server did not start: {detail.decode(errors='replace')}") from exc
    return ThrowawayServer(folder=folder, port=port, bin_dir=bin_dir)
