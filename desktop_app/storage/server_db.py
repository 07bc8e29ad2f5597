"""An organisation's PostgreSQL database: its engine, the lock its migrations run under,
and plain words for what a server can refuse.

Several coordinators use one database at once, so:

- every transaction is ``REPEATABLE READ``: its reads all see one moment (a count and a
  total read one after the other agree), and a write to a row that someone else changed
  meanwhile is refused by the server (a *serialization failure*), never lost. Such a
  failure becomes ``TryAgain``, which the callers retry a few times (``storage.retry``);
- migrations run under a transaction-wide advisory lock, in ``READ COMMITTED``, so the
  second coordinator to open a new version waits, then sees the schema already upgraded;
- a server that cannot be reached, or refuses the person, is said in one plain sentence
  that never shows the password (``server_url.redacted``);
- a password libpq does not find in ``PGPASSWORD`` or ``~/.pgpass`` is taken from the
  system keyring, as a connect argument only (``server_password``).

The SQLite-only safety features (the one-window lock, the cloud-folder warning, the
file's integrity check and file backups) do not apply here: IT owns the server.
"""

from __future__ import annotations

import logging
from enum import Enum
from typing import Any, NoReturn

from sqlalchemy import Connection, Engine, create_engine, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from desktop_app.errors import UserFacingError
from desktop_app.i18n import N_, _
from desktop_app.storage.server_password import keyring_connect_args
from desktop_app.storage.server_url import redacted

log = logging.getLogger("partner_log.server")

#: The advisory lock key migrations hold (any fixed 64-bit number; this spells "PLOG").
MIGRATION_LOCK = 0x504C4F47
ISOLATION = "REPEATABLE READ"
CONNECT_TIMEOUT_S = 10
#: The database every PostgreSQL server has, which any login may usually connect to.
MAINTENANCE_DATABASE = "postgres"
#: SQLSTATEs that mean "run the whole transaction again": a serialization failure and a
#: deadlock, both caused by another coordinator saving at the same moment.
RETRY_STATES = frozenset({"40001", "40P01"})
_AUTH_STATES = frozenset({"28000", "28P01"})
_UNIQUE_VIOLATION = "23505"
_INSUFFICIENT_PRIVILEGE = "42501"
_DISK_FULL = "53100"
#: A server (or a copy of it) that accepts no writes, such as a standby.
_READ_ONLY_TRANSACTION = "25006"
#: A ``Session.info`` key: set by work that adds rows another coordinator may add at the
#: same moment (an import of the same file, a payment of the same entries). In such a
#: transaction a duplicate key means the other one saved first, so the work is run again
#: on the records as they are now: an import then finds them there, a payment finds the
#: entries paid. Elsewhere a duplicate key stays a bug.
DUPLICATES_MEAN_RETRY = "partner_log.duplicates_mean_retry"


def others_may_add_the_same(session: Any) -> None:
    """Say that ``session`` adds rows another coordinator may add at the same moment."""
    session.info[DUPLICATES_MEAN_RETRY] = True


class TryAgain(UserFacingError):
    """Another coordinator saved the same records at the same moment. Nothing was
    changed; running the same work again is safe (``storage.retry`` does it)."""

    def __init__(self) -> None:
        super().__init__(
            _("Someone else was saving the same records at the same moment."),
            _("Nothing was changed. Please try again."),
        )


class ServerUnreachable(UserFacingError):
    """The organisation's database could not be reached, or refused the connection."""

    exit_code = 2


class NotAllowed(UserFacingError):
    """The organisation's database did not let this login do that: a read-only role (for
    reports) used to save, or a server open only for reading."""

    exit_code = 2


class ServerFull(UserFacingError):
    """The organisation's database server has no room left on its disk (as a full disk
    here, exit status 1)."""


#: What the server said (its SQLSTATE), in plain words: the error, what the log says
#: happened, the message and the next step.
_PLAIN_ANSWERS: dict[str, tuple[type[UserFacingError], str, str, str]] = {
    _INSUFFICIENT_PRIVILEGE: (
        NotAllowed,
        "did not let this login change the records",
        N_("Your login to the shared database may only read the records."),
        N_(
            "Nothing was changed. To add or change records, ask your IT team for a "
            "login that may save."
        ),
    ),
    _READ_ONLY_TRANSACTION: (
        NotAllowed,
        "is open for reading only",
        N_("The shared database is open only for reading just now."),
        N_("Nothing was changed. Ask your IT team when it can save again."),
    ),
    _DISK_FULL: (
        ServerFull,
        "has no room left on its disk",
        N_("The shared database has no room left on its disk."),
        N_("Nothing was changed. Ask your IT team to make room on the server."),
    ),
}


def driver_missing() -> ServerUnreachable:
    return ServerUnreachable(
        _("This copy of Partner Log cannot use a shared database."),
        _("Ask your IT team to install psycopg, the PostgreSQL driver."),
    )


def connect_args(url: URL) -> dict[str, Any]:
    """psycopg's connect arguments for ``url``, with the keyring's password when libpq
    would find none itself (``server_password``). Never shown or logged."""
    return {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": "Partner Log",
        **keyring_connect_args(url),
    }


def _need_driver() -> None:
    """``ServerUnreachable`` in plain words when psycopg, the driver, is not installed."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise driver_missing() from None


def make_server_engine(url: URL) -> Engine:
    """An engine for the PostgreSQL database at ``url`` (psycopg 3)."""
    _need_driver()
    return create_engine(
        url,
        hide_parameters=True,  # error messages must never carry people's words
        pool_pre_ping=True,
        isolation_level=ISOLATION,
        connect_args=connect_args(url),
    )


def try_login(url: URL) -> None:
    """Log in to the database at ``url`` once, as a start would, and change nothing.
    ``ServerUnreachable`` in plain words if the driver is missing, the server cannot be
    reached, or it turns the login down."""
    _need_driver()
    try:
        _log_in_once(url, url)
    except DBAPIError as exc:
        connect_problem(exc, url)


def _log_in_once(url: URL, as_typed: URL) -> None:
    """Connect to ``url`` once, with the password kept for the address ``as_typed``, and
    let go at once. ``DBAPIError`` if the server turns it down."""
    engine = create_engine(
        url, hide_parameters=True, poolclass=NullPool, connect_args=connect_args(as_typed)
    )
    try:
        with engine.connect():
            pass
    finally:
        engine.dispose()


def migration_engine(url: URL) -> Engine:
    """A one-connection engine for migrations: ``READ COMMITTED``, so that after waiting
    for the lock it reads the schema as the coordinator before it left it."""
    return create_engine(
        url,
        hide_parameters=True,
        poolclass=NullPool,
        isolation_level="READ COMMITTED",
        connect_args=connect_args(url),
    )


def hold_migration_lock(connection: Connection) -> None:
    """Wait for, then hold until the transaction ends, the lock migrations run under."""
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})


def server_revision(connection: Connection) -> str | None:
    """The schema revision stamped in the database (None for an empty database).

    A database that holds other tables and no stamp is not a Partner Log database.
    """
    inspector = inspect(connection)
    if not inspector.has_table("alembic_version"):
        if inspector.get_table_names():
            raise UserFacingError(
                _("That database holds something else, not Partner Log records."),
                _("Ask your IT team for the right database. Nothing was changed."),
            )
        return None
    row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return str(row[0]) if row else None


def sqlstate(exc: BaseException) -> str | None:
    return getattr(getattr(exc, "orig", None), "sqlstate", None)


class Refusal(Enum):
    """Why the server turned a login down."""

    NO_PASSWORD = "the server asked for a password and libpq found none"
    REFUSED = "the server turned the name or password down"


def login_refused(exc: BaseException) -> Refusal | None:
    """Why the server turned the login down, or None if it did not.

    A login turned down while connecting has no SQLSTATE in psycopg (the server's words
    come in a message, in the server's language), so libpq is asked what happened: whether
    the server wanted a password, and whether one was sent. After a password was sent,
    the server also turns down a database that does not exist in the same way, so the
    words for "refused" name the address as well as the password."""
    if not isinstance(exc, DBAPIError):
        return None
    if sqlstate(exc) in _AUTH_STATES:
        return Refusal.REFUSED
    pgconn = getattr(exc.orig, "pgconn", None)
    if pgconn is None or sqlstate(exc) is not None or pgconn.server_version:
        return None  # not while logging in: the server says its version once logged in
    if pgconn.needs_password:
        return Refusal.NO_PASSWORD
    if pgconn.used_password:
        return Refusal.REFUSED
    return None


def is_retryable(exc: BaseException) -> bool:
    return isinstance(exc, DBAPIError) and sqlstate(exc) in RETRY_STATES


def is_connection_problem(exc: BaseException) -> bool:
    """True when the server could not be reached or dropped the connection."""
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    state = sqlstate(exc) or ""
    try:
        import psycopg
    except ImportError:  # pragma: no cover - the engine could not exist without it
        return False
    return isinstance(exc.orig, psycopg.OperationalError) and (
        not state or state.startswith(("08", "57P", "53"))
    )


def raise_server_problem(exc: BaseException, url: URL, duplicates_retry: bool = False) -> None:
    """Raise ``exc`` in plain words if it is a known server problem; else return.

    With ``duplicates_retry`` a duplicate key is another coordinator's row saved first
    (see ``DUPLICATES_MEAN_RETRY``), so it too means "try again".
    """
    if is_retryable(exc) or (duplicates_retry and sqlstate(exc) == _UNIQUE_VIOLATION):
        raise TryAgain() from exc
    refused = login_refused(exc)
    if refused is Refusal.NO_PASSWORD:
        log.warning("the organisation's database asked for a password and none was found")
        raise ServerUnreachable(
            _("The shared database asks for a password, and none was found."),
            _(
                "Save it with \u201cpartner-log database-password\u201d, or put it in "
                "your .pgpass file. Nothing was changed."
            ),
        ) from exc
    if refused is Refusal.REFUSED:
        if _only_the_database_is_missing(url):
            raise no_such_database(url) from exc
        log.warning("the organisation's database refused the login")
        raise ServerUnreachable(
            _("The shared database did not accept your name or password."),
            _(
                "Check the address with your IT team. Then save your password again with "
                "\u201cpartner-log database-password\u201d. Nothing was changed."
            ),
        ) from exc
    answer = _PLAIN_ANSWERS.get(sqlstate(exc) or "")
    if answer is not None:
        kind, what_happened, message, next_step = answer
        log.warning("the organisation's database %s", what_happened)
        raise kind(_(message), _(next_step)) from exc
    if is_connection_problem(exc):
        unreachable(exc, url)


def unreachable(exc: BaseException, url: URL) -> NoReturn:
    log.warning("the organisation's database could not be reached: %s", type(exc).__name__)
    raise ServerUnreachable(
        _("Partner Log could not reach the shared database at {where}.").format(
            where=redacted(url)
        ),
        _("Check your network, or ask your IT team. Nothing was changed."),
    ) from exc


def no_such_database(url: URL) -> ServerUnreachable:
    log.warning("the organisation's database named in the address does not exist")
    return ServerUnreachable(
        _("The database named in {where} does not exist.").format(where=redacted(url)),
        _("Ask your IT team to create it. Nothing was changed."),
    )


def _only_the_database_is_missing(url: URL) -> bool:
    """After a password was sent, the server turns down a wrong password and a database
    that does not exist alike. The same login on the server's own database tells them
    apart: if it works there, only the database named in the address is missing."""
    if url.database in (None, "", MAINTENANCE_DATABASE):
        return False
    try:
        _log_in_once(url.set(database=MAINTENANCE_DATABASE), url)
    except DBAPIError:
        return False
    return True


def connect_problem(exc: BaseException, url: URL) -> NoReturn:
    """Raise the plain error for a failure while first connecting."""
    raise_server_problem(exc, url)
    if isinstance(exc, DBAPIError) and sqlstate(exc) == "3D000":
        raise no_such_database(url) from exc
    raise exc


def describe(engine: Engine) -> dict[str, Any]:
    """What a check reports about the server: its version and the database's size."""
    with engine.connect() as connection:
        version = connection.execute(text("SHOW server_version")).scalar()
        size = connection.execute(text("SELECT pg_database_size(current_database())")).scalar()
    return {"server_version": str(version), "size_bytes": int(size or 0)}
