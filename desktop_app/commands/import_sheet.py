"""``partner-log import-sheet``: bring in old records from a spreadsheet (CSV, XLSX, ODS).

It shows what it would add and asks first; ``--dry-run`` changes nothing. A backup is
made before anything is saved, and everything is saved in one go or not at all. The same
sheet brought in again adds nothing. ``--undo IMPORT`` takes an import back out, as long
as none of its entries has been sent; ``--list`` shows the imports and their numbers.

Exit status: 0 when done (or only shown), 1 when you said no, 2 when the file or the
options cannot be used (not a sheet, no date column, the date order or a unit not known,
or ``--yes`` needed), with one plain line and nothing changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop_app.commands.common import print_json, session_for
from desktop_app.errors import InvalidInput
from desktop_app.i18n import _
from desktop_app.sheets import (
    AmbiguousDateOrder,
    DateOrder,
    Field,
    ImportOptions,
    Plan,
    UnitNeeded,
    apply_plan,
    list_imports,
    make_plan,
    undo_import,
)
from desktop_app.sheets.apply import new_people_words
from desktop_app.sheets.values import Unit


def _column(text: str) -> tuple[Field, str]:
    name, sep, header = text.partition("=")
    try:
        return Field(name.strip().lower()), header.strip()
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("\u201c{name}\u201d is not a field. Use one of: {fields}.").format(
                name=name, fields=", ".join(f.value for f in Field)
            )
        ) from None


def _unit(text: str) -> tuple[Field, Unit]:
    wanted, header = _column(text)
    try:
        return wanted, Unit(header.lower())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("Say hours, minutes or days, like --unit time=hours.")
        ) from None


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import-sheet",
        help=_("bring in old records from a spreadsheet"),
        description=_(
            "Bring in old records from a spreadsheet: CSV, Excel (.xlsx) or OpenDocument "
            "(.ods). It shows what it would add and asks first. A backup is made first."
        ),
    )
    parser.add_argument("file", nargs="?", help=_("the spreadsheet file"))
    parser.add_argument(
        "--sheet", metavar="NAME", help=_("the sheet to read (the first if left out)")
    )
    parser.add_argument(
        "--column",
        action="append",
        type=_column,
        default=[],
        metavar="FIELD=HEADER",
        help=_("which column holds a field, like --column hours=Tiempo (empty: no column)"),
    )
    parser.add_argument(
        "--unit",
        action="append",
        type=_unit,
        default=[],
        metavar="FIELD=hours|minutes|days",
        help=_(
            "what bare numbers in a time column count, like --unit time=hours "
            "(days: parts of a day, as 0.0625 for 1:30)"
        ),
    )
    parser.add_argument(
        "--date-order",
        choices=[o.value for o in DateOrder],
        help=_("how dates written in numbers are ordered: dmy (day first), mdy or ymd"),
    )
    parser.add_argument("--person", metavar="NAME", help=_("whose records these are"))
    parser.add_argument("--project", metavar="NAME", help=_("the project they are for"))
    parser.add_argument("--dry-run", action="store_true", help=_("only show what would happen"))
    parser.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    parser.add_argument(
        "--yes", action="store_true", help=_("do not ask first (and add new partners)")
    )
    parser.add_argument("--undo", metavar="IMPORT", help=_("undo the import with this number"))
    parser.add_argument("--list", action="store_true", help=_("list the imports made so far"))
    parser.set_defaults(run=run)


def _options(args: argparse.Namespace) -> ImportOptions:
    return ImportOptions(
        sheet=args.sheet,
        columns=dict(args.column),
        units=dict(args.unit),
        date_order=DateOrder(args.date_order) if args.date_order else None,
        person=args.person,
        project=args.project,
    )


def _plan(session: Any, path: Path, args: argparse.Namespace) -> Plan:
    try:
        return make_plan(session, path, _options(args))
    except AmbiguousDateOrder as problem:
        raise InvalidInput(
            problem.message,
            _("Add --date-order dmy (day first) or --date-order mdy (month first)."),
        ) from None
    except UnitNeeded as problem:
        step = (
            _("Add --unit {field}=hours, {field}=minutes, or {field}=days for parts of a day.")
            if problem.day_parts
            else _("Add --unit {field}=hours or --unit {field}=minutes.")
        )
        raise InvalidInput(problem.message, step.format(field=problem.column)) from None


def _print_plan(plan: Plan) -> None:
    print(
        _("Rows read: {read}. New: {new}. Already here: {same}. Skipped: {skipped}.").format(
            read=plan.read,
            new=len(plan.new_rows),
            same=len(plan.rows) - len(plan.new_rows),
            skipped=len(plan.problems),
        )
    )
    for problem in plan.problems:
        print(_("  Row {row}: {reason}").format(row=problem.row, reason=problem.reason))
    if plan.new_people:
        print(new_people_words(plan.new_people))


def _confirmed(args: argparse.Namespace) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise InvalidInput(
            _("Nothing was changed. To bring these in without being asked, add --yes.")
        )
    answer = input(_("Add these records? Type yes to go on: "))
    return answer.strip().lower() in {"yes", "y", _("yes")}


def _run_list(args: argparse.Namespace) -> int:
    with session_for(args, must_exist=True) as session:
        found = [
            {
                "import": batch.id,
                "file": batch.file_name,
                "made_at": batch.made_at.isoformat(),
                "time_entries": batch.activities,
                "expenses": batch.expenses,
                "undone": batch.undone_at is not None,
            }
            for batch in list_imports(session)
        ]
    if args.json:
        print_json(found)
        return 0
    if not found:
        print(_("No sheets have been brought in yet."))
    for item in found:
        state = _(" (undone)") if item["undone"] else ""
        print(
            _("{id}  {file}: {n} time entries, {m} expenses{state}").format(
                id=item["import"],
                file=item["file"],
                n=item["time_entries"],
                m=item["expenses"],
                state=state,
            )
        )
    return 0


def _run_undo(args: argparse.Namespace) -> int:
    with session_for(args, must_exist=True) as session:
        done = undo_import(session, args.undo)
    if args.json:
        print_json(
            {
                "undone": True,
                "time_entries": done.activities,
                "expenses": done.expenses,
                "people": done.people,
            }
        )
        return 0
    print(
        _("Undone: {n} time entries and {m} expenses were taken out.").format(
            n=done.activities, m=done.expenses
        )
    )
    return 0


def run(args: argparse.Namespace) -> int:
    if args.list:
        return _run_list(args)
    if args.undo:
        return _run_undo(args)
    if not args.file:
        raise InvalidInput(_("Name the spreadsheet file to bring in."))
    path = Path(args.file).expanduser()
    if not path.is_file():
        raise InvalidInput(
            _("There is no file at {path}.").format(path=path), _("Nothing was changed.")
        )
    with session_for(args, must_exist=True) as session:
        plan = _plan(session, path, args)
        if args.dry_run:
            if args.json:
                print_json({**plan.as_dict(), "applied": False})
            else:
                _print_plan(plan)
                print(_("Nothing was changed (dry run)."))
            return 0
        if not args.json:
            _print_plan(plan)
        if not _confirmed(args):
            print(_("Nothing was changed."))
            return 1
        done = apply_plan(session, plan, add_people=True)
    if args.json:
        print_json(
            {
                **plan.as_dict(),
                "applied": True,
                "import": done.import_id or None,
                "added_time_entries": done.activities,
                "added_expenses": done.expenses,
            }
        )
        return 0
    if not done.import_id:
        print(_("There is nothing new to add. Nothing was changed."))
        return 0
    print(
        _("Done: {n} time entries and {m} expenses added. A backup was made first.").format(
            n=done.activities, m=done.expenses
        )
    )
    print(_("To undo it: partner-log import-sheet --undo {id}").format(id=done.import_id))
    return 0
