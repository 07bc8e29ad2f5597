"""``partner-log add-time`` and ``partner-log list``."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.commands.common import (
    add_day_argument,
    add_period,
    print_json,
    session_for,
    whole_number,
)
from desktop_app.i18n import _, ngettext
from desktop_app.labels import label
from desktop_app.model import (
    Activity,
    ActivityKind,
    ActivityMode,
    Expense,
    Person,
    Project,
    ReviewStatus,
)
from desktop_app.reports.formatting import hours
from desktop_app.services import activities, expenses, profile
from desktop_app.services.money_text import money
from desktop_app.services.projects import default_project


def register(subparsers: Any) -> None:
    add = subparsers.add_parser(
        "add-time",
        help=_("add time you gave"),
        description=_("Add time you gave to a project: a meeting, reading, writing and so on."),
    )
    add_day_argument(add)
    add.add_argument(
        "--minutes",
        required=True,
        type=whole_number,
        help=_("how long it took, in minutes (1 to 1440)"),
    )
    add.add_argument(
        "--kind", required=True, choices=[k.value for k in ActivityKind], help=_("what you did")
    )
    add.add_argument(
        "--mode",
        default=None,
        choices=[m.value for m in ActivityMode],
        help=_("how: video, phone, in_person or on_my_own"),
    )
    add.add_argument("--project", help=_("the project name (needed if there is more than one)"))
    add.add_argument("--person", help=_("whose time this is (you, if left out)"))
    add.add_argument(
        "--prep-minutes",
        type=whole_number,
        default=0,
        help=_("time spent getting ready, in minutes"),
    )
    add.add_argument(
        "--travel-minutes",
        type=whole_number,
        default=0,
        help=_("time spent travelling, in minutes"),
    )
    add.add_argument("--note", default="", help=_("a short note"))
    add.set_defaults(run=run_add_time)

    show = subparsers.add_parser(
        "list",
        help=_("show your entries"),
        description=_("Show the time and expenses in these records, newest first."),
    )
    add_period(show)
    show.add_argument("--person", help=_("only this person's entries"))
    show.add_argument(
        "--json", action="store_true", help=_("print every detail in JSON, for other programs")
    )
    show.set_defaults(run=run_list)


def run_add_time(args: argparse.Namespace) -> int:
    with session_for(args) as session:
        profile.require_installation(session)
        person = profile.find_person(session, args.person) if args.person else None
        project = default_project(session, args.project)
        kind = ActivityKind(args.kind)
        mode = args.mode or (
            ActivityMode.VIDEO if kind == ActivityKind.MEETING else ActivityMode.ON_MY_OWN
        )
        activity = activities.record_activity(
            session,
            date=args.date,
            minutes=args.minutes,
            kind=kind,
            mode=mode,
            prep_minutes=args.prep_minutes,
            travel_minutes=args.travel_minutes,
            note=args.note,
            project_id=project.id,
            person_id=person.id if person else None,
        )
        print(
            _("Saved: {kind} on {day}, {hours} hours, for {project}.").format(
                kind=label(activity.kind),
                day=activity.date.isoformat(),
                hours=hours(activity.total_minutes),
                project=project.name,
            )
        )
    return 0


def _names(session: Session) -> tuple[dict[str, str], dict[str, str]]:
    people = {p.id: p.display_name for p in session.query(Person)}
    projects = {p.id: p.name for p in session.query(Project)}
    return people, projects


def activity_dict(a: Activity, people: dict[str, str], projects: dict[str, str]) -> dict[str, Any]:
    return {
        "type": "time",
        "id": a.id,
        "date": a.date.isoformat(),
        "person": people.get(a.person_id, ""),
        "person_id": a.person_id,
        "project": projects.get(a.project_id, ""),
        "project_id": a.project_id,
        "kind": a.kind.value,
        "mode": a.mode.value,
        "minutes": a.minutes,
        "prep_minutes": a.prep_minutes,
        "travel_minutes": a.travel_minutes,
        "total_minutes": a.total_minutes,
        "note": a.note,
        "status": a.status.value,
        "status_note": a.status_note,
        "product_ids": [p.id for p in a.products],
        "created_at": a.created_at.isoformat(),
        "updated_at": a.updated_at.isoformat(),
        "rev": a.rev,
        "origin": a.origin,
    }


def expense_dict(e: Expense, people: dict[str, str], projects: dict[str, str]) -> dict[str, Any]:
    return {
        "type": "expense",
        "id": e.id,
        "date": e.date.isoformat(),
        "person": people.get(e.person_id, ""),
        "person_id": e.person_id,
        "project": projects.get(e.project_id, ""),
        "project_id": e.project_id,
        "category": e.category.value,
        "amount_minor": e.amount_minor,
        "currency": e.currency,
        "note": e.note,
        "receipt": bool(e.receipt_path),
        "status": e.status.value,
        "status_note": e.status_note,
        "created_at": e.created_at.isoformat(),
        "updated_at": e.updated_at.isoformat(),
        "rev": e.rev,
        "origin": e.origin,
    }


def run_list(args: argparse.Namespace) -> int:
    with session_for(args, must_exist=True) as session:
        people, projects = _names(session)
        who = profile.find_person(session, args.person).id if args.person else None
        time_entries = activities.list_activities(
            session, person_id=who, start=args.start, end=args.end
        )
        costs = expenses.list_expenses(session, person_id=who, start=args.start, end=args.end)
        if args.json:
            rows = [activity_dict(a, people, projects) for a in time_entries]
            rows += [expense_dict(e, people, projects) for e in costs]
            rows.sort(key=lambda row: row["date"], reverse=True)
            print_json(rows)
            return 0
        if not time_entries and not costs:
            print(_("There are no entries yet."))
            return 0
        for a in time_entries:
            print(
                f"{a.date.isoformat()}  {hours(a.total_minutes):>5} h  "
                f"{label(a.kind):<28} {label(a.status):<26} {people.get(a.person_id, '')}"
                + (f"  \u2014 {a.note}" if a.note else "")
            )
        for e in costs:
            print(
                f"{e.date.isoformat()}  {money(e.amount_minor, e.currency):>14}  "
                f"{label(e.category):<28} {label(e.status):<26} {people.get(e.person_id, '')}"
            )
        counted = [a for a in time_entries if a.status != ReviewStatus.REJECTED]
        print(
            ngettext(
                "{count} time entry, {hours} hours in all.",
                "{count} time entries, {hours} hours in all.",
                len(counted),
            ).format(count=len(counted), hours=hours(sum(a.total_minutes for a in counted)))
        )
        left_out = len(time_entries) - len(counted)
        if left_out:
            print(
                ngettext(
                    "Not counted: {count} entry that was not accepted.",
                    "Not counted: {count} entries that were not accepted.",
                    left_out,
                ).format(count=left_out)
            )
    return 0
