"""Making exchange files: "Send my records" for partners, project files for coordinators.

    made = export_partner_file(session, folder_or_path, since_last=True, passphrase=None)
    made.path, made.description   # "23 time entries, 2 expenses, ..."
    confirm_sent(session)         # once the partner says the file has gone

Making the file marks the entries in it "Ready to send". Only the partner's word that the
file has gone (``confirm_sent``) marks them "Sent" and moves the point that "only what is
new since I last sent" counts from: a file that was made but never sent is never taken
as sent, so nothing is left out of the next file.

Files are written atomically. Only reflections the partner chose to share ever leave
the machine (one they stop sharing travels as an empty tombstone so the coordinator
drops it).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.errors import InvalidInput
from desktop_app.exchange import container, privacy, store
from desktop_app.exchange.fields import META, MOMENT, to_wire
from desktop_app.exchange.tables import (
    ACTIVITY,
    CERTIFICATE,
    CONTRIBUTION,
    EXPENSE,
    PAY_PERIOD,
    PAYMENT,
    PERSON,
    PRODUCT,
    PROJECT,
    REFLECTION,
    Table,
)
from desktop_app.i18n import _, ngettext
from desktop_app.model import (
    Activity,
    ExchangeState,
    Expense,
    PaymentChoice,
    Person,
    Project,
    ProjectLink,
    ReviewStatus,
    Role,
    utcnow,
)
from desktop_app.services import corrections, profile, review
from desktop_app.storage.atomic import atomic_write_bytes
from desktop_app.storage.faults import explained
from desktop_app.storage.file_names import clean_text, file_name

LAST_SENT = "last_sent_at"
#: When the newest file not yet confirmed as sent was made.
READY_AT = "ready_made_at"
SENT_REFLECTIONS = "sent_reflection_ids"
EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass(frozen=True)
class ExportedFile:
    path: Path
    counts: dict[str, int]
    description: str
    #: The coordinators' e-mail addresses for the projects in the file (may be empty).
    coordinator_emails: tuple[str, ...] = ()
    #: A project file's partner, and how many products they helped make.
    person_id: str | None = None
    person_name: str = ""
    shared_products: int = 0


def _wire_rows(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**to_wire(row, META), **to_wire(row, table.fields)} for row in rows]


def describe(counts: dict[str, int], kind: str = "partner", contact: bool = False) -> str:
    """What a file holds, in plain words: "23 time entries, 2 expenses, ...".

    A partner file always carries the partner's name; ``contact`` says whether it also
    carries contact details (only when the partner gave some)."""
    parts = []
    phrases = (
        ("activities", "{n} time entry", "{n} time entries"),
        ("expenses", "{n} expense", "{n} expenses"),
        ("reflections", "{n} reflection you chose to share", "{n} reflections you chose to share"),
        ("certificates", "{n} certificate", "{n} certificates"),
        ("projects", "{n} project", "{n} projects"),
        ("products", "{n} product", "{n} products"),
        ("reviews", "{n} review result", "{n} review results"),
        ("payments", "{n} payment", "{n} payments"),
        ("pay_periods", "{n} closed pay period", "{n} closed pay periods"),
        ("corrections", "{n} answer to a change", "{n} answers to changes"),
    )
    for key, one, many in phrases:
        if kind == "partner" and key == "projects":
            continue
        n = counts.get(key, 0)
        if n or (kind == "partner" and key == "activities"):
            parts.append(ngettext(one, many, n).format(n=n))
    if kind == "partner":
        parts.append(_("your name and contact details") if contact else _("your name"))
    return ", ".join(parts)


def _safe_name(text: str) -> str:
    """A person's name as part of a file name: no forbidden characters, 80 at most."""
    return clean_text(clean_text(text)[:80]) or "Partner"


def suggested_name(who: str, today: date | None = None) -> str:
    """E.g. "Partner Log - Rosa Martinez - 2026-11-26.partnerlog"."""
    day = (today or clock.today()).isoformat()
    return file_name(f"Partner Log - {_safe_name(who)} - {day}", container.SUFFIX)


def _target(out: Path | str, who: str) -> Path:
    path = Path(out)
    return path / suggested_name(who) if path.is_dir() else path


def _author(session: Session) -> dict[str, str]:
    here = profile.require_installation(session)
    person = profile.owner(session)
    return {
        "installation_id": here.id,
        "person_id": person.id,
        "name": person.display_name,
        "role": here.role.value,
    }


def _state(session: Session, key: str) -> str:
    row = session.get(ExchangeState, key)
    return row.value if row is not None else ""


def _set_state(session: Session, key: str, value: str) -> None:
    session.merge(ExchangeState(key=key, value=value))


def partner_data(
    session: Session, person_id: str, since: datetime | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The records a partner file carries for ``person_id`` (all, or changed since)."""

    def mine(table: Table) -> list[dict[str, Any]]:
        model = table.model
        where = model.person_id == person_id
        if since is not None:
            where = where & (model.updated_at > since)
        return store.select_rows(session, table, where)

    sent_before = set(json.loads(_state(session, SENT_REFLECTIONS) or "[]"))
    reflections = []
    for row in mine(REFLECTION):
        if row["shared"] and row["deleted_at"] is None:
            reflections.append(row)
        elif row["id"] in sent_before:  # withdrawn: send an empty tombstone only
            reflections.append(
                {
                    **row,
                    "text": "",
                    "shared": False,
                    "deleted_at": row["deleted_at"] or row["updated_at"],
                }
            )
    data = {
        "people": store.select_rows(session, PERSON, Person.id == person_id),
        "activities": mine(ACTIVITY),
        "expenses": mine(EXPENSE),
        "reflections": reflections,
        "certificates": mine(CERTIFICATE),
    }
    project_ids = {
        r["project_id"] for k in ("activities", "expenses", "reflections") for r in data[k]
    }
    product_ids = {p for a in data["activities"] for p in a["product_ids"]}
    products = store.select_rows(session, PRODUCT, PRODUCT.model.id.in_(sorted(product_ids)))
    project_ids |= {p["project_id"] for p in products}
    data["projects"] = store.select_rows(
        session, PROJECT, PROJECT.model.id.in_(sorted(project_ids))
    )
    data["products"] = products
    return data


def _pack(
    session: Session,
    kind: str,
    tables: tuple[Table, ...],
    rows: dict[str, list[dict[str, Any]]],
    passphrase: str | None,
    extra: dict[str, Any],
    tail: dict[str, list[dict[str, Any]]] | None = None,
) -> tuple[bytes, dict[str, int]]:
    data: dict[str, Any] = {t.key: _wire_rows(t, rows[t.key]) for t in tables}
    data.update(tail or {})
    counts = {t.key: len(rows[t.key]) for t in tables}
    counts["reviews"] = len(data.get("reviews", []))
    if data.get("corrections"):
        counts["corrections"] = len(data["corrections"])
    manifest = container.new_manifest(kind, _author(session), counts, **extra)
    return container.pack(manifest, data, passphrase), counts


def export_partner_file(
    session: Session,
    out: Path | str,
    *,
    since_last: bool = False,
    passphrase: str | None = None,
) -> ExportedFile:
    """ "Send my records": write this partner's records to ``out`` (a file, or a folder
    to put a sensibly named file in). Entries not sent before are marked "Ready to send"
    until the partner confirms the file has gone (``confirm_sent``).

    ``since_last`` leaves out what has not changed since the last *confirmed* send."""
    here = profile.require_installation(session)
    if here.role != Role.PARTNER:
        raise InvalidInput(
            _("Only a partner can send their records."),
            _("As a coordinator, make a project file instead."),
        )
    owner = profile.owner(session)
    last = _state(session, LAST_SENT)
    since = MOMENT.check(last) if since_last and last else None
    now = utcnow()
    rows = partner_data(session, owner.id, since)
    tables = (PERSON, PROJECT, PRODUCT, ACTIVITY, EXPENSE, REFLECTION, CERTIFICATE)
    extra = {"recipient": None, "since": MOMENT.wire(since)}
    payload, counts = _pack(session, "partner", tables, rows, passphrase, extra)
    path = _target(out, owner.display_name)
    atomic_write_bytes(path, payload)
    _move_status(session, owner.id, ReviewStatus.DRAFT, ReviewStatus.READY)
    sent = set(json.loads(_state(session, SENT_REFLECTIONS) or "[]"))
    sent |= {r["id"] for r in rows["reflections"] if r["shared"]}
    sent -= {r["id"] for r in rows["reflections"] if not r["shared"]}
    _set_state(session, SENT_REFLECTIONS, json.dumps(sorted(sent)))
    _set_state(session, READY_AT, MOMENT.wire(now) or "")
    session.flush()
    contact = any(p["contact"].strip() for p in rows["people"])
    emails = coordinator_emails(session, [p["id"] for p in rows["projects"]])
    return ExportedFile(path, counts, describe(counts, "partner", contact), emails)


def _move_status(session: Session, person_id: str, old: ReviewStatus, new: ReviewStatus) -> int:
    """Change this partner's entries from ``old`` to ``new`` (the review revision is
    unchanged: only the partner's own view of where an entry is moves)."""
    moved = 0
    for model in (Activity, Expense):
        result = session.execute(
            update(model)
            .where(model.person_id == person_id, model.status == old)
            .values(status=new)
            .execution_options(synchronize_session="fetch")
        )
        moved += result.rowcount or 0  # type: ignore[attr-defined]
    return moved


def waiting_to_send(session: Session) -> bool:
    """Whether a file was made that the partner has not yet said they sent."""
    return bool(_state(session, READY_AT))


def confirm_sent(session: Session) -> int:
    """The partner says the file has gone: entries "Ready to send" become "Sent", and
    "only what is new" counts from when that file was made. Returns how many entries
    changed. Doing it twice changes nothing."""
    owner = profile.owner(session)
    made = _state(session, READY_AT)
    moved = _move_status(session, owner.id, ReviewStatus.READY, ReviewStatus.SUBMITTED)
    if made:
        _set_state(session, LAST_SENT, made)
        _set_state(session, READY_AT, "")
    session.flush()
    return moved


def coordinator_emails(session: Session, project_ids: list[str] | None = None) -> tuple[str, ...]:
    """The e-mail addresses found in the coordinator contact of these projects (or of
    every project when none of these has one), in a stable order, without repeats."""

    def found(where: Any) -> tuple[str, ...]:
        query = select(Project.coordinator_contact).where(Project.deleted_at.is_(None))
        if where is not None:
            query = query.where(where)
        seen: dict[str, None] = {}
        for contact in session.scalars(query.order_by(Project.name, Project.id)):
            for address in EMAIL.findall(contact or ""):
                seen.setdefault(address, None)
        return tuple(seen)

    mine = found(Project.id.in_(sorted(project_ids))) if project_ids else ()
    return mine or found(None)


def _review_rows(session: Session, person_id: str) -> list[dict[str, Any]]:
    reviews = []
    for name, model in (("activity", Activity), ("expense", Expense)):
        query = select(
            model.id,
            model.person_id,
            model.rev,
            model.review_rev,
            model.status,
            model.status_note,
            model.pay_period_id,
        ).where(model.review_rev > 0, model.person_id == person_id)
        for row in session.execute(query.order_by(model.id)):
            reviews.append(
                {
                    "table": name,
                    "id": row.id,
                    "person_id": row.person_id,
                    "rev": row.rev,
                    "review_rev": row.review_rev,
                    "status": row.status.value,
                    "status_note": row.status_note,
                    "pay_period_id": row.pay_period_id,
                }
            )
    return reviews


def project_file_data(session: Session, person_id: str) -> privacy.PartnerView:
    """What a project file for ``person_id`` holds: their own reviews, answers, payments
    and person record, and the shared project data (see ``privacy``)."""
    rows: dict[str, list[dict[str, Any]]] = {
        PROJECT.key: store.select_rows(session, PROJECT),
        PRODUCT.key: store.select_rows(session, PRODUCT),
        PAY_PERIOD.key: store.select_rows(session, PAY_PERIOD),
    }
    own = store.select_rows(session, CONTRIBUTION, CONTRIBUTION.model.person_id == person_id)
    mine = sorted({c["product_id"] for c in own if c["deleted_at"] is None})
    co = store.select_rows(
        session,
        CONTRIBUTION,
        CONTRIBUTION.model.product_id.in_(mine) & (CONTRIBUTION.model.person_id != person_id),
    )
    rows[CONTRIBUTION.key] = sorted([*own, *co], key=lambda c: c["id"])
    rows[PAYMENT.key] = store.select_rows(session, PAYMENT, PAYMENT.model.person_id == person_id)
    people_ids = {person_id} | {c["person_id"] for c in co}
    people = store.select_rows(session, PERSON, Person.id.in_(sorted(people_ids)))
    for person in people:  # contact details and payment choices never travel back
        person["contact"] = ""
        person["payment_choice"] = PaymentChoice.PAID
    rows[PERSON.key] = people
    reviews = _review_rows(session, person_id)
    answers = corrections.answers_for(session, person_id)
    # The queries above already hold only this partner's records; the same rule the
    # partner's app applies on opening the file makes sure of it.
    return privacy.for_partner(rows, reviews, answers, person_id)


def _check_coordinator(session: Session) -> None:
    here = profile.require_installation(session)
    if here.role != Role.COORDINATOR:
        raise InvalidInput(
            _("Only a coordinator can make a project file."),
            _("As a partner, use Send my records instead."),
        )


def _write_project_file(
    session: Session, path: Path, recipient: Person, passphrase: str | None
) -> ExportedFile:
    view = project_file_data(session, recipient.id)
    links = [
        {"local_project_id": link.local_project_id, "project_id": link.project_id}
        for link in session.scalars(select(ProjectLink).order_by(ProjectLink.local_project_id))
    ]
    tables = (PERSON, PROJECT, PRODUCT, CONTRIBUTION, PAY_PERIOD, PAYMENT)
    extra = {"recipient": recipient.id, "since": None}
    tail = {
        "reviews": view.reviews,
        "project_links": links,
        "corrections": view.corrections,
    }
    payload, counts = _pack(session, "project", tables, view.records, passphrase, extra, tail)
    atomic_write_bytes(path, payload)
    review.file_sent_to(session, recipient.id)
    return ExportedFile(
        path,
        counts,
        describe(counts, "project"),
        person_id=recipient.id,
        person_name=recipient.display_name,
        shared_products=privacy.shared_products(view.records, recipient.id),
    )


def export_project_file(
    session: Session,
    out: Path | str,
    *,
    person_id: str,
    passphrase: str | None = None,
) -> ExportedFile:
    """A project file for one partner, to ``out`` (a file, or a folder to put a sensibly
    named file in): the projects, the product catalogue and pay periods, and that
    partner's own review results, answers and payments. Nothing of other partners."""
    _check_coordinator(session)
    recipient = session.get(Person, person_id)
    if recipient is None or recipient.deleted_at is not None:
        raise InvalidInput(_("That person could not be found."))
    path = _target(out, f"Project file for {recipient.display_name}")
    return _write_project_file(session, path, recipient, passphrase)


def partner_file_names(names: list[str], day: date | None = None) -> list[str]:
    """One file name per partner, in order: "Rosa Martínez – 2026-09-30.partnerlog".

    Characters Windows forbids are left out and accents kept. Two partners with the same
    name (ignoring case, as Windows and macOS do) get "(2)", "(3)" after the name."""
    when = (day or clock.today()).isoformat()
    made: list[str] = []
    taken: set[str] = set()
    for name in names:
        base = _safe_name(name)
        # "Con. Smith" would be the device CON on Windows: file_name puts "Partner" first.
        candidate, number = file_name(f"{base} \u2013 {when}", container.SUFFIX), 1
        while candidate.casefold() in taken:
            number += 1
            candidate = file_name(f"{base} ({number}) \u2013 {when}", container.SUFFIX)
        taken.add(candidate.casefold())
        made.append(candidate)
    return made


def export_project_files(
    session: Session,
    folder: Path | str,
    *,
    person_ids: list[str] | None = None,
    passphrase: str | None = None,
) -> list[ExportedFile]:
    """One project file per partner (every partner, or those in ``person_ids``) in
    ``folder``, made if missing. Each file holds only its own partner's records."""
    _check_coordinator(session)
    partners = profile.people(session, Role.PARTNER)
    if person_ids is not None:
        wanted = set(person_ids)
        partners = [p for p in partners if p.id in wanted]
    if not partners:
        raise InvalidInput(
            _("There is no partner to make a file for."),
            _("Open a partner's file first, or add a partner."),
        )
    target = Path(folder)
    if target.is_file() or (target.suffix == container.SUFFIX and not target.is_dir()):
        raise InvalidInput(
            _("To make a file for each partner, choose a folder, not a file."),
            _("For one partner only, choose who the file is for."),
        )
    with explained(target):
        target.mkdir(parents=True, exist_ok=True)
    names = partner_file_names([p.display_name for p in partners])
    return [
        _write_project_file(session, target / name, person, passphrase)
        for person, name in zip(partners, names, strict=True)
    ]


def partner_file_words(made: ExportedFile) -> str:
    """What a partner's project file holds, in one plain line:
    "Rosa Martínez – 2026-09-30.partnerlog: 12 entries, 2 payments and 3 shared products,
    for Rosa Martínez only." """
    entries = ngettext("{n} entry", "{n} entries", made.counts.get("reviews", 0))
    paid = ngettext("{n} payment", "{n} payments", made.counts.get(PAYMENT.key, 0))
    shared = ngettext("{n} shared product", "{n} shared products", made.shared_products)
    return _("{file}: {entries}, {payments} and {products}, for {name} only.").format(
        file=made.path.name,
        entries=entries.format(n=made.counts.get("reviews", 0)),
        payments=paid.format(n=made.counts.get(PAYMENT.key, 0)),
        products=shared.format(n=made.shared_products),
        name=made.person_name,
    )
