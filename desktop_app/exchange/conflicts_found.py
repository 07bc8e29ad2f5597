"""The conflicts a merge finds, planned but not yet written.

An incoming version that cannot simply win is kept apart for the coordinator to choose
(``conflicts``). A change to a locked entry also gets a correction request that explains
it. Versions kept by earlier imports are read first, so a version seen before is known
again, and a newer one replaces those still waiting. ``merge_plan`` writes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.exchange import store
from desktop_app.exchange.document import ExchangeFile
from desktop_app.exchange.fields import META, to_wire
from desktop_app.exchange.tables import ACTIVITY, Table
from desktop_app.model import CorrectionStatus, ExchangeConflict, new_id, utcnow
from desktop_app.services.corrections import MINUTE_FIELDS


@dataclass
class KeptVersions:
    """Conflict versions already kept for one record: hash -> (rev, resolved)."""

    versions: dict[str, tuple[int, bool]] = field(default_factory=dict)
    dropped: set[str] = field(default_factory=set)

    def pending_max(self) -> int | None:
        revs = [rev for rev, resolved in self.versions.values() if not resolved]
        return max(revs) if revs else None


class ConflictsFound:
    """Conflict versions and correction requests, by record, as the merge finds them."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.stored: dict[tuple[str, str], KeptVersions] = {}
        self.new_conflicts: dict[tuple[str, str, str], dict[str, Any]] = {}
        #: Correction requests for locked entries, by the conflict version they explain.
        self.new_corrections: dict[tuple[str, str, str], dict[str, Any]] = {}
        #: Whether a table has any conflict kept at all, by table key.
        self.tables: dict[str, bool] = {}

    # -- loading -----------------------------------------------------------------------
    def load(self, table: Table, ids: list[str]) -> None:
        """Read the versions already kept for the records ``ids`` of ``table``."""
        if not self._any(table):
            return
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
                stored = self.stored.setdefault((table.key, record_id), KeptVersions())
                stored.versions[content_hash] = (rev, resolved_at is not None)

    def _any(self, table: Table) -> bool:
        if table.key not in self.tables:
            found = self.session.scalar(
                select(ExchangeConflict.id).where(ExchangeConflict.table_name == table.key).limit(1)
            )
            self.tables[table.key] = found is not None
        return self.tables[table.key]

    # -- the versions ------------------------------------------------------------------
    def seen(self, table: Table, record_id: str, digest: str) -> bool:
        """True when this version of the record is kept already."""
        stored = self.stored.get((table.key, record_id))
        return stored is not None and digest in stored.versions

    def keep(
        self, table: Table, record: dict[str, Any], digest: str, reason: str, doc: ExchangeFile
    ) -> bool:
        """Keep ``record`` apart as a conflict version; False if it is an older one."""
        stored = self.stored.setdefault((table.key, record["id"]), KeptVersions())
        top = stored.pending_max()
        if top is not None and record["rev"] < top:
            return False
        if top is not None and record["rev"] > top:
            self.drop_pending_below(table, record["id"], record["rev"])
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

    def drop_pending_below(self, table: Table, record_id: str, rev: int) -> None:
        """Versions still waiting for a choice that are older than ``rev`` are dropped."""
        stored = self.stored.get((table.key, record_id))
        if stored is None:
            return
        for old_hash, (old_rev, resolved) in list(stored.versions.items()):
            if not resolved and old_rev < rev:
                del stored.versions[old_hash]
                stored.dropped.add(old_hash)
                self.new_conflicts.pop((table.key, record_id, old_hash), None)
                self.new_corrections.pop((table.key, record_id, old_hash), None)

    # -- correction requests -----------------------------------------------------------
    def plan_correction(
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


def _wire(table: Table, record: dict[str, Any]) -> dict[str, Any]:
    return {**to_wire(record, META), **to_wire(record, table.fields)}
