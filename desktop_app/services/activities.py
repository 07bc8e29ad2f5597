"""Time entries: record, change, delete with undo, and list."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput
from desktop_app.i18n import _
from desktop_app.model import (
    Activity,
    ActivityKind,
    ActivityMode,
    Person,
    Product,
    Project,
    ReviewStatus,
    new_id,
)
from desktop_app.services import lifecycle
from desktop_app.services.profile import owner
from desktop_app.services.projects import default_project
from desktop_app.services.scope import in_scope
from desktop_app.services.validation import (
    MAX_NOTE,
    check_choice,
    check_date,
    check_minutes,
    check_total_minutes,
    clean_text,
)

_CHANGEABLE = {
    "date",
    "minutes",
    "prep_minutes",
    "travel_minutes",
    "kind",
    "mode",
    "note",
    "project_id",
    "product_ids",
}


def _what() -> str:
    return _("time entry")


class TimeFields(Protocol):
    """What a time entry says: a saved ``Activity`` or one of many still to be saved."""

    kind: ActivityKind
    mode: ActivityMode
    date: date
    minutes: int
    prep_minutes: int
    travel_minutes: int
    note: str


def check_fields(entry: TimeFields) -> None:
    """Check what a time entry says (not whose or which project it is), and tidy it."""
    entry.kind = check_choice(entry.kind, ActivityKind, "kind")
    entry.mode = check_choice(entry.mode, ActivityMode, "mode")
    entry.date = check_date(entry.date)
    entry.minutes = check_minutes(entry.minutes)
    entry.prep_minutes = check_minutes(entry.prep_minutes, "prep_minutes", allow_zero=True)
    entry.travel_minutes = check_minutes(entry.travel_minutes, "travel_minutes", allow_zero=True)
    check_total_minutes(entry.minutes, entry.prep_minutes, entry.travel_minutes)
    entry.note = clean_text(entry.note, "note", _("the note"), MAX_NOTE, required=False)


def _validate(session: Session, activity: Activity) -> None:
    check_fields(activity)
    lifecycle.get_live(session, Project, activity.project_id, _("project"))
    lifecycle.get_live(session, Person, activity.person_id, _("person"))


def _products(session: Session, product_ids: Sequence[str]) -> list[Product]:
    return [lifecycle.get_live(session, Product, pid, _("product")) for pid in product_ids]


def record_activity(
    session: Session,
    *,
    date: date,
    minutes: int,
    kind: ActivityKind | str,
    mode: ActivityMode | str = ActivityMode.VIDEO,
    prep_minutes: int = 0,
    travel_minutes: int = 0,
    note: str = "",
    project_id: str | None = None,
    person_id: str | None = None,
    product_ids: Sequence[str] = (),
    status: ReviewStatus = ReviewStatus.DRAFT,
) -> Activity:
    """Save a new time entry. The person defaults to this installation's owner and the
    project to the only project there is."""
    activity = Activity(
        id=new_id(),
        person_id=person_id or owner(session).id,
        project_id=project_id or default_project(session).id,
        date=date,
        minutes=minutes,
        kind=kind,
        mode=mode,
        prep_minutes=prep_minutes,
        travel_minutes=travel_minutes,
        note=note,
        status=status,
        status_note="",
    )
    _validate(session, activity)
    activity.products = _products(session, product_ids)
    lifecycle.stamp_new(session, activity)
    session.flush()
    return activity


def change_activity(session: Session, activity_id: str, **changes: object) -> Activity:
    """Change a time entry. A changed entry goes back to "not sent yet", so the
    coordinator sees it again; a paid entry cannot be changed."""
    lifecycle.check_changeable(Activity, changes, _CHANGEABLE)
    activity = lifecycle.get_live(session, Activity, activity_id, _what())
    if activity.status == ReviewStatus.PAID:
        raise InvalidInput(
            _("This entry has been paid, so it cannot be changed."),
            _("Ask your coordinator if something is wrong."),
        )
    if activity.pay_period_id is not None:
        raise InvalidInput(
            _("This entry is in a closed pay period, so it cannot be changed."),
            _("Ask your coordinator if something is wrong."),
        )
    product_ids = changes.pop("product_ids", None)
    for field, value in changes.items():
        setattr(activity, field, value)
    _validate(session, activity)
    if product_ids is not None:
        activity.products = _products(session, list(product_ids))  # type: ignore[call-overload]
    if activity.status != ReviewStatus.DRAFT:
        activity.status = ReviewStatus.DRAFT
    lifecycle.touch(session, activity)
    session.flush()
    return activity


def delete_activity(session: Session, activity_id: str) -> Activity:
    activity = lifecycle.get_live(session, Activity, activity_id, _what())
    if activity.status == ReviewStatus.PAID:
        raise InvalidInput(
            _("This entry has been paid, so it cannot be deleted."),
            _("Ask your coordinator if something is wrong."),
        )
    if activity.pay_period_id is not None:
        raise InvalidInput(
            _("This entry is in a closed pay period, so it cannot be deleted."),
            _("Ask your coordinator if something is wrong."),
        )
    return lifecycle.delete(session, Activity, activity_id, _what())


def undo_delete_activity(session: Session, activity_id: str) -> Activity:
    return lifecycle.undo_delete(session, Activity, activity_id, _what())


def get_activity(session: Session, activity_id: str) -> Activity:
    return lifecycle.get_live(session, Activity, activity_id, _what())


def _filtered(
    query: Select[tuple[Activity]],
    person_id: str | None,
    project_id: str | None,
    start: date | None,
    end: date | None,
) -> Select[tuple[Activity]]:
    return query.where(in_scope(Activity, person_id, project_id, start, end))


def list_activities(
    session: Session,
    person_id: str | None = None,
    project_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> list[Activity]:
    """Live time entries, newest first, optionally one page at a time."""
    query = _filtered(select(Activity), person_id, project_id, start, end)
    query = query.order_by(Activity.date.desc(), Activity.created_at.desc(), Activity.id)
    query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def count_activities(
    session: Session,
    person_id: str | None = None,
    project_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> int:
    query = _filtered(select(Activity), person_id, project_id, start, end)
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0
