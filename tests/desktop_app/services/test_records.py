"""The "My records" list: pages read one after another give every entry once, in order."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from desktop_app.model import Activity, Project, Role
from desktop_app.services import activities, expenses, profile, projects, records


def _fill(session: Session) -> str:
    """30 time entries and 6 expenses on 5 days, some typed in at the very same moment."""
    other = profile.add_person(session, "Ben Carter", Role.PARTNER)
    made = []
    for n in range(30):
        entry = activities.record_activity(
            session, date=date(2024, 3, 1) + timedelta(days=n % 5), minutes=30 + n, kind="reviewing"
        )
        made.append(entry.id)
        activities.record_activity(
            session, date=date(2024, 3, 2), minutes=15, kind="other", person_id=other.id
        )
    for n in range(6):
        expenses.record_expense(
            session,
            date=date(2024, 3, 1) + timedelta(days=n % 5),
            category="parking",
            amount_minor=500 + n,
        )
    same_moment = datetime(2024, 3, 9, 12, 0, tzinfo=UTC)
    session.execute(
        update(Activity).where(Activity.id.in_(made[:12])).values(created_at=same_moment)
    )
    activities.delete_activity(session, made[-1])
    session.flush()
    return other.id


def _key(row: records.EntryRow) -> tuple[object, ...]:
    return (-row.date.toordinal(), -row.created_at.timestamp(), row.id)


def test_pages_after_the_last_row_cover_the_list_once_in_order(
    session: Session, partner: Project
) -> None:
    _fill(session)
    me = profile.owner(session).id
    everything = records.entry_rows(session, me, limit=1000)
    assert len(everything) == records.count_entries(session, me) == 29 + 6
    assert everything == sorted(everything, key=_key)
    paged: list[records.EntryRow] = []
    after = None
    while page := records.entry_rows(session, me, limit=7, after=after):
        paged += page
        after = page[-1]
    assert paged == everything
    by_offset = [
        row for start in range(0, 35, 7) for row in records.entry_rows(session, me, None, start, 7)
    ]
    assert by_offset == everything


def test_the_list_without_a_person_holds_everyone(session: Session, partner: Project) -> None:
    other = _fill(session)
    everyone = records.entry_rows(session, None, limit=1000)
    assert len(everyone) == records.count_entries(session, None) == 29 + 30 + 6
    assert sum(1 for row in everyone if row.type == records.EXPENSE) == 6
    ben = records.entry_rows(session, other, limit=1000)
    assert [row.minutes for row in ben] == [15] * 30
    last_page = records.entry_rows(session, None, limit=50, after=everyone[49])
    assert last_page == everyone[50:]


def test_time_and_expenses_share_one_list_for_one_project(
    session: Session, partner: Project
) -> None:
    other = projects.create_project(session, name="Sleep study")
    activities.record_activity(
        session,
        date=date(2024, 3, 4),
        minutes=60,
        prep_minutes=15,
        kind="meeting",
        note="Planning",
        project_id=partner.id,
    )
    expenses.record_expense(
        session,
        date=date(2024, 3, 5),
        category="parking",
        amount_minor=1250,
        project_id=partner.id,
    )
    activities.record_activity(
        session, date=date(2024, 3, 6), minutes=30, kind="writing", project_id=other.id
    )
    me = profile.owner(session).id
    rows = records.entry_rows(session, me, partner.id)
    assert [(r.type, r.what, r.minutes, r.amount_minor, r.currency) for r in rows] == [
        (records.EXPENSE, "parking", 0, 1250, "CAD"),
        (records.TIME, "meeting", 75, 0, ""),
    ]
    assert (rows[1].note, rows[1].status) == ("Planning", "draft")
    assert records.count_entries(session, me, partner.id) == 2
    assert records.count_entries(session, me) == 3
