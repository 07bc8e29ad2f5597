"""``partner-log restore``: put a backup back in place of your records.

Exit status: 0 when the backup was put back (or listed), 1 when nothing was changed
(you said no, the backup is damaged, or the folder is open in the app), 2 when the
command itself cannot be used as given (no such file, or --yes needed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop_app.commands.common import data_dir_of
from desktop_app.errors import InvalidInput, UserFacingError
from desktop_app.i18n import N_, _
from desktop_app.storage.backup import BackupInfo, describe_backup, list_backups, newest_good_backup
from desktop_app.storage.instance_lock import InstanceLock
from desktop_app.storage.restore import restore_backup

COUNT_LABELS = {
    "activity": N_("time entries"),
    "expense": N_("expenses"),
    "product": N_("products"),
    "reflection": N_("reflections"),
    "payment": N_("payments"),
    "person": N_("people"),
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "restore",
        help=_("put a backup back in place of your records"),
        description=_(
            "Put a backup back in place of your records. It shows what the backup "
            "holds and asks first. Your records as they are now are kept in the "
            "backups folder."
        ),
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("file", nargs="?", help=_("the backup file to put back"))
    which.add_argument("--latest", action="store_true", help=_("use the newest good backup"))
    which.add_argument("--list", action="store_true", help=_("only list the backups"))
    parser.add_argument("--yes", action="store_true", help=_("do not ask before replacing"))
    parser.set_defaults(run=run)


def describe(info: BackupInfo) -> list[str]:
    """Lines saying when a backup was taken and what it holds."""
    lines = [
        _("Backup from {when} ({why}).").format(
            when=f"{info.taken_at:%Y-%m-%d %H:%M}", why=info.reason_text
        )
    ]
    if not info.readable:
        return [*lines, _("This backup could not be read.")]
    counts = info.counts
    held = ", ".join(f"{counts[k]} {_(label)}" for k, label in COUNT_LABELS.items() if k in counts)
    lines.append(_("It holds: {held}.").format(held=held or _("no records")))
    if info.latest_entry_date is not None:
        lines.append(_("The latest time entry is from {day}.").format(day=info.latest_entry_date))
    return lines


def _confirmed(assume_yes: bool) -> bool:
    if assume_yes:
        return True
    if not sys.stdin.isatty():
        raise InvalidInput(_("Nothing was changed. To restore without being asked, add --yes."))
    answer = input(_("Replace your records with this backup? Type yes to go on: "))
    return answer.strip().lower() in {"yes", "y", _("yes")}


def run(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(args)
    if args.list:
        backups = list_backups(data_dir)
        if not backups:
            print(_("There are no backups in {folder} yet.").format(folder=data_dir))
        for info in backups:
            print(info.path)
            print("  " + "\n  ".join(describe(info)))
        return 0
    if args.latest:
        newest = newest_good_backup(data_dir)
        if newest is None:
            raise UserFacingError(
                _("No good backup was found in {folder}.").format(folder=data_dir / "backups"),
                _("Nothing was changed."),
            )
        info = newest
    else:
        path = Path(args.file).expanduser().resolve()
        if not path.is_file():
            raise InvalidInput(
                _("There is no backup file at {path}.").format(path=path), _("Nothing was changed.")
            )
        info = describe_backup(path)
    print("\n".join(describe(info)))
    if not _confirmed(args.yes):
        print(_("Nothing was changed."))
        return 1
    data_dir.mkdir(parents=True, exist_ok=True)
    with InstanceLock(data_dir):
        result = restore_backup(data_dir, info.path)
    print(_("Your records now hold this backup."))
    if result.kept_aside is not None:
        print(_("Your records from before are kept at {path}").format(path=result.kept_aside))
    return 0
