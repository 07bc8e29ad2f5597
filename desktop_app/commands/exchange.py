"""Sending and receiving files and reviewing: ``export``, ``sent``, ``import``, ``review``,
``conflicts``, ``finance-export`` and ``project-file``. Paying has its own commands
(``rates``, ``owed``, ``pay``, ``payments``, ``void-payment``, ``close-period``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app import exchange
from desktop_app.commands.common import print_json, session_for
from desktop_app.errors import InvalidInput
from desktop_app.exchange import conflicts, finance
from desktop_app.i18n import _, ngettext
from desktop_app.services import profile, review
from desktop_app.services.projects import default_project


def _passphrase(args: argparse.Namespace) -> str | None:
    source = getattr(args, "passphrase_file", None)
    if not source:
        return None
    try:
        text = Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise InvalidInput(_("The passphrase file could not be read.")) from None
    lines = text.splitlines()
    phrase = lines[0] if lines else ""
    if not phrase:
        raise InvalidInput(_("The passphrase file is empty."))
    return phrase


def _link(text: str) -> tuple[str, str]:
    old, sep, new = text.partition("=")
    if not sep or not old.strip() or not new.strip():
        raise argparse.ArgumentTypeError(_("Use --link THEIR_PROJECT_ID=YOUR_PROJECT_NAME."))
    return old.strip(), new.strip()


def register(subparsers: Any) -> None:
    send = subparsers.add_parser(
        "export",
        help=_("send my records: make a file for your coordinator"),
        description=_("Make a file of your records to send to your coordinator."),
    )
    send.add_argument("--out", required=True, help=_("the file (or folder) to save it in"))
    send.add_argument(
        "--since-last",
        action="store_true",
        help=_("only what changed since you last said a file was sent"),
    )
    send.add_argument("--passphrase-file", help=_("protect the file with the passphrase in F"))
    send.set_defaults(run=run_export)

    gone = subparsers.add_parser(
        "sent",
        help=_("say that you have sent the file you made"),
        description=_("Mark the entries in your last file as sent, once it has gone."),
    )
    gone.set_defaults(run=run_sent)

    receive = subparsers.add_parser(
        "import",
        help=_("open files from partners or from your coordinator"),
        description=_(
            "Open one or more Partner Log files. A backup is made first, and nothing is "
            "changed if any file is refused."
        ),
    )
    receive.add_argument("files", nargs="+", metavar="FILE")
    receive.add_argument("--dry-run", action="store_true", help=_("only show what would change"))
    receive.add_argument("--json", action="store_true", help=_("print the counts in JSON"))
    receive.add_argument("--passphrase-file", help=_("the passphrase is in this file"))
    receive.add_argument("--yes", action="store_true", help=_("go ahead even with big changes"))
    receive.add_argument(
        "--link",
        action="append",
        type=_link,
        default=[],
        metavar="ID=PROJECT",
        help=_("file a partner's own project under one of your projects"),
    )
    receive.add_argument(
        "--keep-separate",
        action="store_true",
        help=_("keep partners' projects apart, even when one has the name of yours"),
    )
    receive.set_defaults(run=run_import)

    check = subparsers.add_parser(
        "review",
        help=_("approve, query or reject entries and expenses"),
        description=_("Approve, query (with a note) or reject entries and expenses by id."),
    )
    decision = check.add_mutually_exclusive_group(required=True)
    for name in ("approve", "query", "reject"):
        decision.add_argument(f"--{name}", nargs="+", metavar="ID")
    decision.add_argument(
        "--undo-reject",
        nargs="+",
        metavar="ID",
        help=_("put rejected entries back, if no file has gone to the partner since"),
    )
    check.add_argument(
        "--note", default="", help=_("your note (needed to query, or to say why you reject)")
    )
    check.set_defaults(run=run_review)

    clash = subparsers.add_parser(
        "conflicts",
        help=_("show or settle records that changed in two places"),
        description=_("List conflicts, or keep one version or both."),
    )
    settle = clash.add_mutually_exclusive_group()
    settle.add_argument("--keep-mine", metavar="ID")
    settle.add_argument("--keep-theirs", metavar="ID")
    settle.add_argument("--keep-both", metavar="ID")
    clash.add_argument("--json", action="store_true")
    clash.set_defaults(run=run_conflicts)

    money = subparsers.add_parser(
        "finance-export",
        help=_("payments for the finance office, as CSV or XLSX"),
        description=_("Save the payments as a .csv or .xlsx file for the finance office."),
    )
    money.add_argument("--out", required=True, metavar="FILE")
    money.add_argument("--person")
    money.set_defaults(run=run_finance)

    back = subparsers.add_parser(
        "project-file",
        help=_("make a file of projects, reviews and payments for partners"),
        description=_(
            "Make one project file for each partner in a folder, or one file for one "
            "partner with --person. Each file holds only that partner's own records."
        ),
    )
    back.add_argument(
        "--out",
        required=True,
        help=_("the folder for the files (with --person: a file or a folder)"),
    )
    back.add_argument("--person")
    back.add_argument("--passphrase-file")
    back.set_defaults(run=run_project_file)


def run_export(args: argparse.Namespace) -> int:
    phrase = _passphrase(args)
    with session_for(args, must_exist=True) as session:
        made = exchange.export_partner_file(
            session, args.out, since_last=args.since_last, passphrase=phrase
        )
    print(_("Saved {path}").format(path=made.path))
    print(_("It holds: {what}.").format(what=made.description))
    print(_("When you have sent it, run: partner-log sent"))
    return 0


def run_sent(args: argparse.Namespace) -> int:
    with session_for(args, must_exist=True) as session:
        moved = exchange.confirm_sent(session)
    print(
        ngettext(
            "{n} entry is now marked as sent.", "{n} entries are now marked as sent.", moved
        ).format(n=moved)
    )
    return 0


def _print_preview(preview: exchange.Preview) -> None:
    for item in preview.files:
        c = item.counts
        print(
            _(
                "{file} (from {who}): new: {new}; {changed} changed, {dup} already here, "
                "{conflict} to sort out, {older} older"
            ).format(
                file=item.label,
                who=item.author_name,
                new=item.new_words(),
                changed=c.changed,
                dup=c.duplicate,
                conflict=c.conflict,
                older=c.older,
            )
        )
        for words in item.filed_words():
            print("  " + words)
        if item.left_out:
            print("  " + item.left_out_words())
        for project_id, name in item.unknown_projects:
            print(
                _(
                    "  New project \u201c{name}\u201d ({id}). To file it under one of yours: "
                    "--link {id}=PROJECT"
                ).format(name=name, id=project_id)
            )


def run_import(args: argparse.Namespace) -> int:
    phrase = _passphrase(args)
    with session_for(args, must_exist=True) as session:
        links = {old: default_project(session, name).id for old, name in args.link}
        preview = exchange.preview(session, args.files, phrase, links, args.keep_separate)
        backed_up = False
        if not args.dry_run:
            backed_up = exchange.apply(session, preview, confirm=args.yes).backup is not None
    if args.json:
        print_json({**preview.as_dict(), "applied": not args.dry_run})
        return 0
    _print_preview(preview)
    if preview.files and any(item.filed_under for item in preview.files):
        print(_("To keep their projects apart from yours, use --keep-separate."))
    if args.dry_run:
        print(_("Nothing was changed (dry run)."))
        if preview.needs_confirmation:
            print(preview.reason)
    elif backed_up:
        print(_("Done. A backup was made first."))
    else:  # on an organisation's database, its IT team keeps the backups
        print(_("Done."))
    return 0


def run_review(args: argparse.Namespace) -> int:
    if args.undo_reject:
        with session_for(args, must_exist=True) as session:
            for entry_id in args.undo_reject:
                review.undo_reject(session, entry_id)
        n = len(args.undo_reject)
        print(ngettext("{n} rejection is undone.", "{n} rejections are undone.", n).format(n=n))
        return 0
    decision, ids = next(
        (name, getattr(args, name))
        for name in ("approve", "query", "reject")
        if getattr(args, name)
    )
    with session_for(args, must_exist=True) as session:
        done = review.review(session, ids, decision, args.note)
    print(_("{n} reviewed.").format(n=len(done)))
    return 0


def run_conflicts(args: argparse.Namespace) -> int:
    with session_for(args, must_exist=True) as session:
        if args.keep_mine:
            conflicts.keep_mine(session, args.keep_mine)
        elif args.keep_theirs:
            conflicts.keep_theirs(session, args.keep_theirs)
        elif args.keep_both:
            conflicts.keep_both(session, args.keep_both)
        views = conflicts.list_conflicts(session)
    if args.json:
        print_json([view.__dict__ for view in views])
        return 0
    if not views:
        print(_("There are no conflicts."))
    for view in views:
        print(f"{view.id}  {view.what}  {view.record_id}  {view.reason}  {view.source_name}")
    return 0


def run_finance(args: argparse.Namespace) -> int:
    with session_for(args, must_exist=True) as session:
        person = profile.find_person(session, args.person) if args.person else None
        path = finance.export_finance(session, args.out, person.id if person else None)
    print(_("Saved {path}").format(path=path))
    return 0


def run_project_file(args: argparse.Namespace) -> int:
    phrase = _passphrase(args)
    with session_for(args, must_exist=True) as session:
        if args.person:
            person = profile.find_person(session, args.person)
            made = exchange.export_project_file(
                session, args.out, person_id=person.id, passphrase=phrase
            )
            print(_("Saved {path}").format(path=made.path))
            print(_("It holds: {what}.").format(what=made.description))
            return 0
        files = exchange.export_project_files(session, args.out, passphrase=phrase)
    print(
        ngettext(
            "Saved {n} project file in {folder}:",
            "Saved {n} project files in {folder}, one for each partner:",
            len(files),
        ).format(n=len(files), folder=args.out)
    )
    for made in files:
        print("  " + exchange.partner_file_words(made))
    print(_("Send each partner only their own file."))
    return 0
