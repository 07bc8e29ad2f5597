"""Several coordinators changing the same records: no change is lost.

Each synced row carries a revision (``rev``; a review has its own, ``review_rev``). A
change is written only if the row is still at the revision the person saw::

    UPDATE activity SET status = ..., review_rev = :seen + 1
    WHERE id = :id AND review_rev = :seen

If someone else changed it first, nothing is written and ``ChangedFirst`` says what
changed, in plain words; the screen shows it and loads the records again. (On
PostgreSQL a write that collides *while* both are saving is refused by the server and
the whole change is tried again: ``storage.retry``.)
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from desktop_app.errors import UserFacingError
from desktop_app.i18n import _


class ChangedFirst(UserFacingError):
    """Someone else changed this record after it was shown. Nothing was saved."""

    def __init__(self, what: str) -> None:
        super().__init__(
            _("Someone else changed this first: {what}.").format(what=what),
            _("Nothing was saved. The list now shows their change: check it, then decide again."),
        )


def write_if_unchanged(
    session: Session, record: Any, rev_field: str, seen: int, values: dict[str, Any], what: str
) -> None:
    """Write ``values`` to ``record`` and raise its ``rev_field``, only if that is still
    ``seen`` in the database; else raise ``ChangedFirst`` with ``what`` changed."""
    model = type(record)
    column = getattr(model, rev_field)
    result = session.execute(
        update(model)
        .where(model.id == record.id, column == seen)
        .values({**values, rev_field: seen + 1})
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        session.expire(record)
        raise ChangedFirst(what)
    for name, value in {**values, rev_field: seen + 1}.items():
        set_committed_value(record, name, value)
