"""Opening exchange files: a preview first, then one transaction that applies them.

    preview = importing.preview(session, [path1, path2], passphrase)
    ...show preview.files (per file, per person: new, changed, duplicate, conflict)...
    result = importing.apply(session, preview, confirm=preview.needs_confirmation)

``apply`` works the plan out again inside its own transaction (so nothing that changed
since the preview is overwritten), takes a verified backup, then writes everything at
once. The caller's transaction commits it; any error leaves the database as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.exchange import document, privacy
from desktop_app.exchange.document import ExchangeFile
from desktop_app.exchange.errors import (
    BadExchangeFile,
    LargeChangeNeedsConfirmation,
    OwnFile,
    WrongKindOfFile,
)
from desktop_app.exchange.merge import Planner
from desktop_app.exchange.tally import Counts
from desktop_app.i18n import _, ngettext
from desktop_app.model import Person, Project, ProjectLink, Role
from desktop_app.services import lifecycle, profile
from desktop_app.services.projects import matching_projects
from desktop_app.storage.backup import snapshot
from desktop_app.storage.server_db import others_may_add_the_same
from desktop_app.storage.sqlite_uri import database_file

log = logging.getLogger("partner_log.exchange")

#: Ask first when an import would change or delete at least this many existing
#: records, and at least this share of the records it could touch.
GUARD_MIN_RECORDS = 10
GUARD_SHARE = 0.3


@dataclass
class PersonPreview:
    person_id: str
    name: str
    counts: Counts


@dataclass
class FilePreview:
    """What one file would do."""

    label: str
    kind: str
    author_name: str
    author_installation: str
    created_at: datetime
    protected: bool
    counts: Counts
    by_person: list[PersonPreview]
    #: Projects in a partner file that this database does not have and that are not
    #: linked: (id, name). Offer to link them to one of yours (``links`` in ``apply``).
    unknown_projects: list[tuple[str, str]] = field(default_factory=list)
    #: Projects in a partner file filed under one of yours by default, because the names
    #: are the same (leaving case and accents aside): (id, their name, your project id,
    #: your project's name). Opt out with ``keep_separate``.
    filed_under: list[tuple[str, str, str, str]] = field(default_factory=list)
    #: New records by kind ("activities": 3, "people": 1, "projects": 1).
    new_records: dict[str, int] = field(default_factory=dict)
    #: Records about other people that a partner's app left out of a project file.
    left_out: int = 0

    def new_words(self) -> str:
        return new_words(self.new_records)

    def filed_words(self) -> list[str]:
        """ "Filed under your project Pain care", once per project of yours."""
        names = dict.fromkeys(name for _pid, _theirs, _mine, name in self.filed_under)
        return [_("Filed under your project {name}").format(name=name) for name in names]

    def left_out_words(self) -> str:
        """ "Left out 3 records about other people; this file should not have them." """
        if not self.left_out:
            return ""
        return ngettext(
            "Left out {n} record about another person; this file should not have it.",
            "Left out {n} records about other people; this file should not have them.",
            self.left_out,
        ).format(n=self.left_out)


def new_words(new: Mapping[str, int]) -> str:
    """What is new, in plain words: "3 time entries, plus the partner and the project"."""
    main_phrases = (
        ("activities", "{n} time entry", "{n} time entries"),
        ("expenses", "{n} expense", "{n} expenses"),
        ("reflections", "{n} shared reflection", "{n} shared reflections"),
        ("certificates", "{n} certificate", "{n} certificates"),
        ("payments", "{n} payment", "{n} payments"),
        ("pay_periods", "{n} closed pay period", "{n} closed pay periods"),
        ("contributions", "{n} product contribution", "{n} product contributions"),
    )
    extra_phrases = (
        ("people", "the partner", "{n} people"),
        ("projects", "the project", "{n} projects"),
        ("products", "{n} product", "{n} products"),
    )
    main = [
        ngettext(one, many, new[key]).format(n=new[key])
        for key, one, many in main_phrases
        if new.get(key)
    ]
    extra = [
        ngettext(one, many, new[key]).format(n=new[key])
        for key, one, many in extra_phrases
        if new.get(key)
    ]
    if not main and not extra:
        return _("nothing new")
    if not main:
        return _(" and ").join(extra)
    words = ", ".join(main)
    if extra:
        words = _("{main}, plus {extra}").format(main=words, extra=_(" and ").join(extra))
    return words


@dataclass
class Preview:
    files: list[FilePreview]
    counts: Counts
    #: True when the import would change or delete a large share of the records.
    needs_confirmation: bool
    reason: str
    links: dict[str, str]
    documents: list[ExchangeFile] = field(repr=False, default_factory=list)
    #: True when the partner's projects were kept apart from yours (``keep_separate``).
    keep_separate: bool = False
    #: The plan and the transaction it was made in: reused by ``apply`` in that same
    #: transaction, worked out again in any other.
    _plan: tuple[object, Planner] | None = field(repr=False, default=None)

    def as_dict(self) -> dict[str, object]:
        return {
            "files": [
                {
                    "file": f.label,
                    "kind": f.kind,
                    "from": f.author_name,
                    "made": f.created_at.isoformat(),
                    **f.counts.as_dict(),
                    "people": [
                        {"person": p.name, "person_id": p.person_id, **p.counts.as_dict()}
                        for p in f.by_person
                    ],
                    "unknown_projects": [
                        {"id": pid, "name": name} for pid, name in f.unknown_projects
                    ],
                    "filed_under": [
                        {"id": pid, "name": theirs, "project_id": mine, "project": name}
                        for pid, theirs, mine, name in f.filed_under
                    ],
                    "new_records": dict(f.new_records),
                    "left_out_about_others": f.left_out,
                }
                for f in self.files
            ],
            "total": self.counts.as_dict(),
            "needs_confirmation": self.needs_confirmation,
            "reason": self.reason,
        }


@dataclass
class ImportResult:
    preview: Preview
    backup: Path | None


def read_files(
    files: Sequence[Path | str | ExchangeFile], passphrase: str | None = None
) -> list[ExchangeFile]:
    """Read and check every file; the first bad one refuses the lot, named in the message."""
    docs = []
    for item in files:
        if isinstance(item, ExchangeFile):
            docs.append(item)
            continue
        try:
            docs.append(document.read_file(item, passphrase))
        except BadExchangeFile as problem:
            problem.message = f"{Path(item).name}: {problem.message}"
            raise
    return docs


def _check_allowed(session: Session, docs: list[ExchangeFile]) -> tuple[str, Role, str]:
    here = profile.require_installation(session)
    for doc in docs:
        if doc.author_installation == here.id:
            raise OwnFile(
                _("{name}: this file was made by this copy of Partner Log.").format(name=doc.label),
                _("Open files that other people sent you. Nothing was changed."),
            )
        if here.role == Role.COORDINATOR and doc.kind != "partner":
            raise WrongKindOfFile(
                _("{name}: this is a project file, meant for partners.").format(name=doc.label),
                _("Open the files your partners sent you. Nothing was changed."),
            )
        if here.role == Role.PARTNER and doc.kind != "project":
            raise WrongKindOfFile(
                _("{name}: this is a partner's file, meant for a coordinator.").format(
                    name=doc.label
                ),
                _("Open the file your coordinator sent you. Nothing was changed."),
            )
        if doc.kind == "project" and doc.recipient not in (None, here.person_id):
            raise WrongKindOfFile(
                _("{name}: this project file was made for someone else.").format(name=doc.label),
                _("Ask your coordinator for your own file. Nothing was changed."),
            )
    return here.id, here.role, here.person_id


def _only_mine(doc: ExchangeFile, owner_id: str) -> tuple[ExchangeFile, int]:
    """A project file cut down to what its partner may keep (see ``privacy``): a file
    from an older version held every partner's reviews, payments and names."""
    view = privacy.for_partner(doc.records, doc.reviews, doc.corrections, owner_id)
    if not view.left_out:
        return doc, 0
    kept = replace(doc, records=view.records, reviews=view.reviews, corrections=view.corrections)
    log.info("left out %d record(s) about other people from a project file", view.left_out)
    return kept, view.left_out


def _all_links(session: Session, links: Mapping[str, str] | None) -> dict[str, str]:
    stored = {row.local_project_id: row.project_id for row in session.scalars(select(ProjectLink))}
    for old, new in (links or {}).items():
        lifecycle.get_live(session, Project, new, _("project"))
        stored[old] = new
    return stored


def _same_names(
    session: Session, docs: list[ExchangeFile], known: set[str], mapping: Mapping[str, str]
) -> dict[str, str]:
    """Partners' projects that are new here and named like exactly one of yours (case
    and accents aside): their id -> your project's id. Asked once for the whole batch."""
    found: dict[str, str] = {}
    for doc in docs:
        if doc.kind != "partner":
            continue
        for project in doc.records["projects"]:
            if project["id"] in known or project["id"] in mapping:
                continue
            same = matching_projects(session, project["name"])
            if len(same) == 1:
                found[project["id"]] = same[0].id
    return found


def _plan(
    session: Session,
    docs: list[ExchangeFile],
    links: Mapping[str, str] | None,
    keep_separate: bool = True,
) -> tuple[Planner, Preview]:
    self_id, role, owner_id = _check_allowed(session, docs)
    left_out = [0] * len(docs)
    if role == Role.PARTNER:
        kept = [_only_mine(doc, owner_id) for doc in docs]
        docs = [doc for doc, _n in kept]
        left_out = [n for _doc, n in kept]
    mapping = _all_links(session, links)
    known_projects = set(session.scalars(select(Project.id)))
    automatic = {} if keep_separate else _same_names(session, docs, known_projects, mapping)
    mapping.update(automatic)
    mine = {p.id: p.name for p in session.scalars(select(Project))}
    planner = Planner(session, self_id, role, owner_id, mapping)
    files, total = [], Counts()
    names = {p.id: p.display_name for p in session.scalars(select(Person))}
    for number, doc in enumerate(docs):
        names.update(
            {p["id"]: p["display_name"] for p in doc.records["people"] if p["id"] not in names}
        )
        filed = [
            (p["id"], p["name"], automatic[p["id"]], mine[automatic[p["id"]]])
            for p in doc.records["projects"]
            if doc.kind == "partner" and p["id"] in automatic
        ]
        unknown = [
            (p["id"], p["name"])
            for p in doc.records["projects"]
            if doc.kind == "partner" and p["id"] not in known_projects and p["id"] not in mapping
        ]
        tally = planner.add_file(doc)
        total.add(tally.total)
        files.append(
            FilePreview(
                label=doc.label,
                kind=doc.kind,
                author_name=doc.author_name,
                author_installation=doc.author_installation,
                created_at=doc.created_at,
                protected=doc.protected,
                counts=tally.total,
                by_person=[
                    PersonPreview(pid, names.get(pid, doc.author_name), counts)
                    for pid, counts in sorted(tally.by_person.items())
                ],
                unknown_projects=unknown,
                filed_under=filed,
                new_records=dict(tally.new_by_table),
                left_out=left_out[number],
            )
        )
    affected = len(planner.affected)
    base = planner.guard_base() if affected >= GUARD_MIN_RECORDS else 0
    large = affected >= GUARD_MIN_RECORDS and affected >= GUARD_SHARE * max(base, 1)
    reason = (
        _(
            "This would change or delete {n} of the {total} records already here. "
            "Check that these are the right files."
        ).format(n=affected, total=base)
        if large
        else ""
    )
    chosen = {**dict(links or {}), **automatic}
    preview = Preview(files, total, large, reason, chosen, docs, keep_separate)
    preview._plan = (session.get_transaction(), planner)
    return planner, preview


def preview(
    session: Session,
    files: Sequence[Path | str | ExchangeFile],
    passphrase: str | None = None,
    links: Mapping[str, str] | None = None,
    keep_separate: bool = False,
) -> Preview:
    """Read and check ``files`` and say what importing them would do. Changes nothing.

    A partner's new project named like exactly one of yours (case and accents aside) is
    filed under yours (``FilePreview.filed_under``), unless ``keep_separate``."""
    docs = read_files(files, passphrase)
    return _plan(session, docs, links, keep_separate)[1]


def _backup(session: Session) -> Path | None:
    path = database_file(session.get_bind().engine.url)
    if path is None:
        return None
    session.flush()
    return snapshot(path.parent, path, "before-import")


def apply(
    session: Session,
    preview: Preview,
    *,
    links: Mapping[str, str] | None = None,
    confirm: bool = False,
    backup: bool = True,
) -> ImportResult:
    """Apply the previewed files in the caller's transaction, after a verified backup.

    ``links`` maps a project id in a partner's file to one of this database's projects
    (a project the partner made before joining). Raises
    ``LargeChangeNeedsConfirmation`` unless ``confirm`` when the import is large.
    """
    chosen = dict(preview.links if links is None else links)
    made = preview._plan
    transaction = session.get_transaction()
    if (
        made is not None
        and transaction is not None
        and made[0] is transaction
        and (chosen == preview.links)
    ):
        planner, fresh = made[1], preview
    else:
        planner, fresh = _plan(session, preview.documents, chosen)
        for was, now in zip(preview.files, fresh.files, strict=True):
            now.left_out = was.left_out  # the documents were already cut down
    preview._plan = None  # a plan is written once
    if fresh.needs_confirmation and not confirm:
        raise LargeChangeNeedsConfirmation(
            fresh.reason, _("Nothing was changed. Confirm to go ahead (--yes).")
        )
    saved = _backup(session) if backup else None
    # Another coordinator may import the same file at this moment: whoever saves second
    # runs the import again, and then finds every record already here.
    others_may_add_the_same(session)
    planner.write(chosen)
    session.flush()
    session.expire_all()
    log.info("imported %d file(s)", len(fresh.files))
    return ImportResult(fresh, saved)
