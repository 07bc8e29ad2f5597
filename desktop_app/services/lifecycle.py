"""The life of a synced record: who changed it, its revision, deletion and undo.

Nothing that syncs is hard-deleted. Deleting sets a tombstone; undo clears it. Both
raise ``rev`` so the change travels to other installations.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.errors import NotFound
from desktop_app.i18n import _
from desktop_app.model import Installation, Synced, utcnow

S = TypeVar("S", bound=Synced)

_ORIGIN_KEY = "partner_log.origin"


def origin_of(session: Session) -> str:
    """This installation's id ("" before set-up), looked up once per session."""
    if _ORIGIN_KEY not in session.info:
        installation_id = session.scalar(select(Installation.id).limit(1))
        if installation_id is None:
            return ""
        session.info[_ORIGIN_KEY] = installation_id
    return str(session.info[_ORIGIN_KEY])


def stamp_new(session: Session, record: S) -> S:
    """Mark a new record as made here and add it to the session."""
    now = utcnow()
    record.created_at = now
    record.updated_at = now
    record.rev = 1
    record.origin = origin_of(session)
    session.add(record)
    return record


def touch(session: Session, record: Synced) -> None:
    """Record that ``record`` changed here: raise its revision and stamp the time."""
    record.rev = (record.rev or 0) + 1
    record.updated_at = utcnow()
    record.origin = origin_of(session)


def get_live(session: Session, model: type[S], record_id: str, what: str) -> S:
    """Fetch a record that has not been deleted, or explain that it is not there."""
    record = session.get(model, record_id)
    if record is None or record.deleted_at is not None:
        raise NotFound(
            _("That {what} could not be found. It may have been deleted.").format(what=what)
        )
    return record


def check_changeable(
    model: type[Synced], changes: Mapping[str, object], changeable: Collection[str]
) -> None:
    """Refuse to change a field that is not for changing: a bug in the caller, not the
    person's mistake, so a ``TypeError`` and not a ``UserFacingError``."""
    unknown = set(changes) - set(changeable)
    if unknown:
        raise TypeError(f"unknown {model.__name__.lower()} fields: {sorted(unknown)}")


def change(
    session: Session,
    model: type[S],
    record_id: str,
    what: str,
    changes: Mapping[str, object],
    changeable: Collection[str],
    validate: Callable[[S], object],
) -> S:
    """Set the ``changes`` on a live record, check it again and raise its revision."""
    check_changeable(model, changes, changeable)
    record = get_live(session, model, record_id, what)
    for field, value in changes.items():
        setattr(record, field, value)
    validate(record)
    touch(session, record)
    return record


def delete(session: Session, model: type[S], record_id: str, what: str) -> S:
    """Delete by tombstone. Returns the record so the caller can offer Undo."""
    record = get_live(session, model, record_id, what)
    record.deleted_at = utcnow()
    touch(session, record)
    return record


def undo_delete(session: Session, model: type[S], record_id: str, what: str) -> S:
    """Bring a deleted record back exactly as it was."""
    record = session.get(model, record_id)
    if record is None:
        raise NotFound(_("That {what} could not be found.").format(what=what))
    if record.deleted_at is not None:
        record.deleted_at = None
        touch(session, record)
    return record
