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

The planner only reads the database; ``Plan.write`` makes every change at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from desktop_app.exchange import store
from desktop_app.exchange.document import ExchangeFile
from desktop_app.exchange.fields import META, to_wire
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
from desktop_app.model import (
    Activity,
    CorrectionRequest,
    CorrectionStatus,
    ExchangeConflict,
    Expense,
    Project,
    ProjectLink,
    Reflection,
    ReviewStatus,
    Role,
    new_id,
    utcnow,
)
from desktop_app.services import lifecycle
from desktop_app.services.review import is_locked

ENTRY_TABLES = (ACTIVITY, EXPENSE)
MINUTE_FIELDS = ("minutes", "prep_minutes", "travel_minutes")
RESET_ON_CHANGE = {ReviewStatus.APPROVED, ReviewStatus.QUERIED, ReviewStatus.REJECTED}
META_FIELDS = ("rev", "origin", "updated_at", "created_at", "deleted_at")


@dataclass
class Counts:
    new: int = 0
    changed: int = 0
    duplicate: int = 0
    conflict: int = 0
    older: int = 0
    deleted: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)

    def add(self, other: Counts) -> None:
        for key, value in other.__dict__.items():
            setattr(self, key, getattr(self, key) + value)


@dataclass
class Tally:
    """Counts for one file, overall and per person whose records it carried."""

    #: Who records that belong to no one in particular (projects...) are counted for.
    default_person: str = ""
    total: Counts = field(default_factory=Counts)
    by_person: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    #: New records by table key ("activities": 3, "people": 1...), for honest words.
    new_by_table: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def bump(
        self, person_id: str | None, what: str, deleted: bool = False, table: str = ""
    ) -> None:
        if what == "new" and table:
            self.new_by_table[table] += 1
        for counts in (self.total, self.by_person[person_id or self.default_person]):
            setattr(counts, what, getattr(counts, what) + 1)
            if deleted:
                counts.deleted += 1


@dataclass
class _Stored:
    """Conflict versions already kept for one record: hash -> (rev, resolved)."""

    versions: dict[str, tuple[int, bool]] = field(default_factory=dict)
    dropped: set[str] = field(default_factory=set)

    def pending_max(self) -> int | None:
        revs = [rev for rev, resolved in self.versions.values() if not resolved]
        return max(revs) if revs else None


class Planner:
    """Works out the effect of several files on one database, without writing."""

    def __init__(
        self, session: Session, self_id: str, role: Role, owner_id: str, links: dict[str, str]
    ) -> None:
        self.session = session
        self.self_id = self_id
        self.role = role
        self.owner_id = owner_id
        self.links = dict(links)
        self.current: dict[str, dict[str, dict[str, Any] | None]] = defaultdict(dict)
        self.existed: dict[str, set[str]] = defaultdict(set)
        self.dirty: dict[str, set[str]] = defaultdict(set)
        self.review_dirty: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        self.stored: dict[tuple[str, str], _Stored] = {}
        self.new_conflicts: dict[tuple[str, str, str], dict[str, Any]] = {}
        #: Correction requests for locked entries, by the conflict version they explain.
        self.new_corrections: dict[tuple[str, str, str], dict[str, Any]] = {}
        #: Decided correction requests from a coordinator's file, by id (partner side).
        self.replies: dict[str, dict[str, Any]] = {}
        self.affected: set[tuple[str, str]] = set()
        self.persons: set[str] = set()
        self.repoint: list[tuple[str, str]] = []
        self.conflict_tables: dict[str, bool] = {}

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
            if self._any_conflicts(table):
                self._load_conflicts(table, wanted)

    def _any_conflicts(self, table: Table) -> bool:
        if table.key not in self.conflict_tables:
            found = self.session.scalar(
                select(ExchangeConflict.id).where(ExchangeConflict.table_name == table.key).limit(1)
            )
            self.conflict_tables[table.key] = found is not None
        return self.conflict_tables[table.key]

    def _load_conflicts(self, table: Table, ids: list[str]) -> None:
        for part in store.chunks(ids):
            rows = self.session.execute(
                select(
                    ExchangeConflict.record_id,
                    ExchangeConflict.content_hash,
                    ExchangeConflict.rev,
                    ExchangeConflict.resolved_at,
                ).where(
                    ExchangeConflict.table_name == table.key,
                    ExchangeConflict.record_id.in_(part),
                )
            )
            for record_id, content_hash, rev, resolved_at in rows:
                stored = self.stored.setdefault((table.key, record_id), _Stored())
                stored.versions[content_hash] = (rev, resolved_at is not None)

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

    def _plan_correction(
        self, table: Table, local: dict[str, Any], record: dict[str, Any], digest: str
    ) -> None:
        """A partner changed a locked entry: the entry stays; the coordinator is asked."""
        conflict = self.new_conflicts[(table.key, record["id"], digest)]
        mine, theirs = _wire(table, local), _wire(table, record)
        changes = {
            name: [mine[name], theirs[name]]
            for name in (*table.fields, "deleted_at")
            if mine[name] != theirs[name]
        }
        if table is ACTIVITY and any(name in changes for name in MINUTE_FIELDS):
            changes["total_minutes"] = [
                sum(mine[name] for name in MINUTE_FIELDS),
                sum(theirs[name] for name in MINUTE_FIELDS),
            ]
        self.new_corrections[(table.key, record["id"], digest)] = {
            "id": new_id(),
            "table_name": table.key,
            "record_id": record["id"],
            "person_id": local["person_id"],
            "conflict_id": conflict["id"],
            "source_name": conflict["source_name"],
            "changes": changes,
            "status": CorrectionStatus.OPEN,
            "received_at": conflict["received_at"],
            "decided_at": None,
        }

    def _keep_conflict(
        self, table: Table, record: dict[str, Any], digest: str, reason: str, doc: ExchangeFile
    ) -> bool:
        """Keep ``record`` apart as a conflict version; False if it is an older one."""
        stored = self.stored.setdefault((table.key, record["id"]), _Stored())
        top = stored.pending_max()
        if top is not None and record["rev"] < top:
            return False
        if top is not None and record["rev"] > top:
            for old_hash, (_rev, resolved) in list(stored.versions.items()):
                if not resolved:
                    del stored.versions[old_hash]
                    stored.dropped.add(old_hash)
                    self.new_conflicts.pop((table.key, record["id"], old_hash), None)
                    self.new_corrections.pop((table.key, record["id"], old_hash), None)
        stored.versions[digest] = (record["rev"], False)
        stored.dropped.discard(digest)
        self.new_conflicts[(table.key, record["id"], digest)] = {
            "id": new_id(),
            "table_name": table.key,
            "record_id": record["id"],
            "field_group": "owner",
            "rev": record["rev"],
            "content_hash": digest,
            "payload": _wire(table, record),
            "reason": reason,
            "source_name": doc.author_name[:200],
            "source_installation": doc.author_installation,
            "received_at": utcnow(),
            "resolved_at": None,
            "resolution": "",
        }
        return True

    def _drop_pending_below(self, table: Table, record_id: str, rev: int) -> None:
        stored = self.stored.get((table.key, record_id))
        if stored is None:
            return
        for old_hash, (old_rev, resolved) in list(stored.versions.items()):
            if not resolved and old_rev < rev:
                del stored.versions[old_hash]
                stored.dropped.add(old_hash)
                self.new_conflicts.pop((table.key, record_id, old_hash), None)
                self.new_corrections.pop((table.key, record_id, old_hash), None)

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
        stored = self.stored.get((table.key, record["id"]))
        if stored is not None and digest in stored.versions:
            tally.bump(person, "duplicate")
            return
        conflicts_here = self.role == Role.COORDINATOR
        locked = conflicts_here and self._locked(table, local)
        changed_here = conflicts_here and local["origin"] == self.self_id
        if locked or changed_here:
            if record["rev"] < local["rev"] or not self._keep_conflict(
                table, record, digest, "locked" if locked else "diverged", doc
            ):
                tally.bump(person, "older")
            else:
                if locked:
                    self._plan_correction(table, local, record, digest)
                tally.bump(person, "conflict")
            return
        if record["rev"] > local["rev"]:
            self._take(table, local, record)
            self._drop_pending_below(table, record["id"], record["rev"])
            tally.bump(person, "changed", deleted and local["deleted_at"] is None)
            return
        if record["rev"] < local["rev"] or not conflicts_here:
            tally.bump(person, "older")
            return
        # Same revision, different content: keep both; the larger fingerprint shows.
        local_digest = table.content_hash(local)
        if digest > local_digest:
            self._keep_conflict(table, local, local_digest, "diverged", doc)
            self._take(table, local, record)
        else:
            self._keep_conflict(table, record, digest, "diverged", doc)
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

    # -- writing -----------------------------------------------------------------------
    def write(self, new_links: dict[str, str]) -> None:
        order = PARTNER_FILE if self.role == Role.COORDINATOR else PROJECT_FILE
        for table in order:
            ids = self.dirty.get(table.key, set())
            records = [self.current[table.key][i] for i in sorted(ids)]
            fresh = [r for r in records if r is not None and r["id"] not in self.existed[table.key]]
            known = [r for r in records if r is not None and r["id"] in self.existed[table.key]]
            store.insert_rows(self.session, table, fresh)
            store.update_rows(self.session, table, known)
        for name, rows in self.review_dirty.items():
            store.update_review(self.session, name, list(rows.values()))
        self._write_conflicts()
        for old, new in sorted(new_links.items()):
            self.session.merge(ProjectLink(local_project_id=old, project_id=new))
        self._write_repoint()

    def _write_conflicts(self) -> None:
        for (key, record_id), stored in self.stored.items():
            if stored.dropped:
                dropped = select(ExchangeConflict.id).where(
                    ExchangeConflict.table_name == key,
                    ExchangeConflict.record_id == record_id,
                    ExchangeConflict.content_hash.in_(sorted(stored.dropped)),
                    ExchangeConflict.resolved_at.is_(None),
                )
                self.session.execute(
                    delete(CorrectionRequest).where(
                        CorrectionRequest.conflict_id.in_(dropped),
                        CorrectionRequest.status == CorrectionStatus.OPEN,
                    )
                )
                self.session.execute(
                    delete(ExchangeConflict).where(
                        ExchangeConflict.table_name == key,
                        ExchangeConflict.record_id == record_id,
                        ExchangeConflict.content_hash.in_(sorted(stored.dropped)),
                        ExchangeConflict.resolved_at.is_(None),
                    )
                )
        if self.new_conflicts:
            self.session.execute(insert(ExchangeConflict), list(self.new_conflicts.values()))
        corrections = [*self.new_corrections.values(), *self.replies.values()]
        if corrections:
            self.session.execute(insert(CorrectionRequest), corrections)

    def _write_repoint(self) -> None:
        for old, new in self.repoint:
            for model in (Activity, Expense, Reflection):
                self.session.execute(
                    update(model)
                    .where(model.project_id == old, model.person_id == self.owner_id)
                    .values(project_id=new)
                    .execution_options(synchronize_session=False)
                )
            project = self.session.get(Project, old)
            if project is not None and project.deleted_at is None:
                project.deleted_at = utcnow()
                lifecycle.touch(self.session, project)


def _wire(table: Table, record: dict[str, Any]) -> dict[str, Any]:
    return {**to_wire(record, META), **to_wire(record, table.fields)}
