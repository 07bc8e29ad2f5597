"""The merge: decide, record by record, what an incoming file changes.

Rules (see docs/exchange-format.md):
- only the field group the file's author owns is taken; a higher revision wins;
- the same revision with different content, or a record changed here on the owner's
  behalf, makes a *conflict*: both versions are kept and the coordinator chooses;
- a locked entry (``review.is_locked``: paid, or in a closed pay period) is never
  changed by a file: the incoming version is kept apart and explained in a
  *correction request*, which the coordinator answers;
- tombstones are content, so an older file never brings a deleted record back;
- every decision depends only on the set of versions seen, so importing a file twice
  changes nothing and the order of files does not matter.

The planner only reads the database and fills a plan (``merge_plan``); the conflicts it
finds are kept in ``conflicts_found``; ``Plan.write`` makes every change at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.exchange import store
from desktop_app.exchange.document import ExchangeFile
from desktop_app.exchange.merge_plan import Plan
from desktop_app.exchange.tables import (
    ACTIVITY,
    CERTIFICATE,
    EXPENSE,
    PARTNER_FILE,
    PARTNER_REFERENCES,
    PAYMENT,
    PERSON,
    PROJECT,
    PROJECT_FILE,
    PROJECT_REFERENCES,
    REFLECTION,
    REVIEWED,
    Table,
)
from desktop_app.exchange.tally import Tally
from desktop_app.model import Activity, CorrectionRequest, ReviewStatus, Role, utcnow
from desktop_app.services.review import is_locked

ENTRY_TABLES = (ACTIVITY, EXPENSE)
RESET_ON_CHANGE = {ReviewStatus.APPROVED, ReviewStatus.QUERIED, ReviewStatus.REJECTED}
META_FIELDS = ("rev", "origin", "updated_at", "created_at", "deleted_at")


class Planner(Plan):
    """Works out the effect of several files on one database, without writing (the
    plan it fills is written by ``Plan.write``)."""

    def __init__(
        self, session: Session, self_id: str, role: Role, owner_id: str, links: dict[str, str]
    ) -> None:
        super().__init__(session, role, owner_id)
        self.self_id = self_id
        self.links = dict(links)
        self.affected: set[tuple[str, str]] = set()
        self.persons: set[str] = set()

    # -- loading -----------------------------------------------------------------------
    def _load(self, table: Table, ids: Iterable[str]) -> None:
        wanted = [i for i in set(ids) if i not in self.current[table.key]]
        if not wanted:
            return
        found = store.load(self.session, table, wanted)
        for record_id in wanted:
            record = found.get(record_id)
            self.current[table.key][record_id] = record
            if record is not None:
                self.existed[table.key].add(record_id)
        if self.role == Role.COORDINATOR and table.owner == Role.PARTNER:
            self.conflicts.load(table, wanted)

    # -- helpers -----------------------------------------------------------------------
    def _map(self, table: Table, record: dict[str, Any]) -> dict[str, Any]:
        if not self.links:
            return record
        record = dict(record)
        if "project_id" in record and table is not PROJECT:
            record["project_id"] = self.links.get(record["project_id"], record["project_id"])
        if table is CERTIFICATE:
            record["project_ids"] = [self.links.get(p, p) for p in record["project_ids"]]
        return record

    def _set(self, table: Table, record: dict[str, Any]) -> None:
        self.current[table.key][record["id"]] = record
        self.dirty[table.key].add(record["id"])

    def _locked(self, table: Table, local: dict[str, Any]) -> bool:
        return table in ENTRY_TABLES and is_locked(local)

    def _take(self, table: Table, local: dict[str, Any], record: dict[str, Any]) -> None:
        """Replace the owner's field group and its revision stamp with ``record``'s."""
        merged = dict(local)
        for name in (*table.fields, *META_FIELDS):
            merged[name] = record[name]
        if table in ENTRY_TABLES and merged.get("status") in RESET_ON_CHANGE:
            merged["status"] = ReviewStatus.SUBMITTED
            merged["review_rev"] = (merged.get("review_rev") or 0) + 1
        self._set(table, merged)
        self.affected.add((table.key, record["id"]))

    # -- the rules ---------------------------------------------------------------------
    def merge_owned(
        self, table: Table, record: dict[str, Any], doc: ExchangeFile, tally: Tally
    ) -> None:
        """A record whose field group the file's author owns."""
        record = self._map(table, record)
        person = record.get(table.person_field) if table.person_field else None
        local = self.current[table.key].get(record["id"])
        deleted = record["deleted_at"] is not None
        if local is None:
            self._set(table, dict(record))
            tally.bump(person, "new", table=table.key)
            return
        digest = table.content_hash(record)
        if digest == table.content_hash(local):
            if record["rev"] > local["rev"]:
                adopted = dict(local)
                adopted.update({name: record[name] for name in META_FIELDS})
                self._set(table, adopted)
            tally.bump(person, "duplicate")
            return
        if self.conflicts.seen(table, record["id"], digest):
            tally.bump(person, "duplicate")
            return
        conflicts_here = self.role == Role.COORDINATOR
        locked = conflicts_here and self._locked(table, local)
        changed_here = conflicts_here and local["origin"] == self.self_id
        if locked or changed_here:
            if record["rev"] < local["rev"] or not self.conflicts.keep(
                table, record, digest, "locked" if locked else "diverged", doc
            ):
                tally.bump(person, "older")
            else:
                if locked:
                    self.conflicts.plan_correction(table, local, record, digest)
                tally.bump(person, "conflict")
            return
        if record["rev"] > local["rev"]:
            self._take(table, local, record)
            self.conflicts.drop_pending_below(table, record["id"], record["rev"])
            tally.bump(person, "changed", deleted and local["deleted_at"] is None)
            return
        if record["rev"] < local["rev"] or not conflicts_here:
            tally.bump(person, "older")
            return
        # Same revision, different content: keep both; the larger fingerprint shows.
        local_digest = table.content_hash(local)
        if digest > local_digest:
            self.conflicts.keep(table, local, local_digest, "diverged", doc)
            self._take(table, local, record)
        else:
            self.conflicts.keep(table, record, digest, "diverged", doc)
        tally.bump(person, "conflict")

    def merge_reference(self, table: Table, record: dict[str, Any], tally: Tally) -> None:
        """A record that only rides along: added if missing, never changed."""
        if table is PROJECT and record["id"] in self.links:
            return
        record = self._map(table, record)
        person = record["id"] if table is PERSON else None
        if self.current[table.key].get(record["id"]) is None:
            self._set(table, dict(record))
            tally.bump(person, "new", table=table.key)

    def merge_review(self, review: dict[str, Any], tally: Tally) -> None:
        """A coordinator's review of one of this partner's entries."""
        table = ACTIVITY if review["table"] == "activity" else EXPENSE
        local = self.current[table.key].get(review["id"])
        if local is None or local["person_id"] != self.owner_id:
            return
        if review["review_rev"] <= (local.get("review_rev") or 0):
            tally.bump(local["person_id"], "duplicate")
            return
        if local["rev"] > review["rev"]:
            tally.bump(local["person_id"], "older")  # changed here since it was reviewed
            return
        values = {k: review[k] for k in ("status", "status_note", "pay_period_id", "review_rev")}
        local = {**local, **values}
        self.current[table.key][review["id"]] = local
        self.review_dirty[review["table"]][review["id"]] = {"id": review["id"], **values}
        tally.bump(local["person_id"], "changed")

    # -- one file ----------------------------------------------------------------------
    def add_file(self, doc: ExchangeFile) -> Tally:
        tally = Tally(default_person=doc.author_person)
        tables: tuple[Table, ...] = PROJECT_FILE
        references: tuple[Table, ...] = PROJECT_REFERENCES
        if doc.kind == "partner":
            self.persons.add(doc.author_person)
            tables, references = PARTNER_FILE, PARTNER_REFERENCES
        for table in tables:
            rows = doc.records[table.key]
            if doc.kind == "project" and table is PAYMENT:
                rows = [row for row in rows if row["person_id"] == self.owner_id]
            self._load(table, [self.links.get(r["id"], r["id"]) for r in rows])
            for row in rows:
                if table in references:
                    self.merge_reference(table, row, tally)
                else:
                    self.merge_owned(table, row, doc, tally)
        if doc.kind == "project":
            for name, model in REVIEWED.items():
                table = ACTIVITY if model is Activity else EXPENSE
                self._load(table, [r["id"] for r in doc.reviews if r["table"] == name])
            for review in doc.reviews:
                self.merge_review(review, tally)
            self._plan_replies(doc, tally)
            self._plan_repoint(doc, tally)
        return tally

    def _plan_replies(self, doc: ExchangeFile, tally: Tally) -> None:
        """The coordinator's answers to this partner's changes to paid entries."""
        mine = [c for c in doc.corrections if c["person_id"] == self.owner_id]
        if not mine:
            return
        known = set(
            self.session.scalars(
                select(CorrectionRequest.id).where(
                    CorrectionRequest.id.in_([c["id"] for c in mine])
                )
            )
        )
        for reply in mine:
            if reply["id"] in known or reply["id"] in self.replies:
                tally.bump(self.owner_id, "duplicate")
                continue
            self.replies[reply["id"]] = {
                "id": reply["id"],
                "table_name": ACTIVITY.key if reply["table"] == "activity" else EXPENSE.key,
                "record_id": reply["record_id"],
                "person_id": reply["person_id"],
                "conflict_id": None,
                "source_name": doc.author_name[:200],
                "changes": reply["changes"],
                "status": reply["status"],
                "received_at": utcnow(),
                "decided_at": reply["decided_at"],
            }
            tally.bump(self.owner_id, "changed")

    def _plan_repoint(self, doc: ExchangeFile, tally: Tally) -> None:
        """The coordinator linked a project this partner made to one of theirs: file
        the partner's own records under the coordinator's project."""
        for link in doc.links:
            old, new = link["local_project_id"], link["project_id"]
            self._load(PROJECT, [old, new])
            project = self.current[PROJECT.key].get(old)
            if project is None or project["deleted_at"] is not None or (old, new) in self.repoint:
                continue
            self.repoint.append((old, new))
            tally.bump(self.owner_id, "changed")

    # -- the guard ---------------------------------------------------------------------
    def guard_base(self) -> int:
        tables = (
            (ACTIVITY, EXPENSE, REFLECTION, CERTIFICATE, PERSON)
            if self.role == Role.COORDINATOR
            else PROJECT_FILE[1:]
        )
        persons = self.persons if self.role == Role.COORDINATOR else None
        return sum(store.count_live(self.session, table, persons) for table in tables)
