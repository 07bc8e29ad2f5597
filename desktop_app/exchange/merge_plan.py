"""A planned merge: every change it would make, held in memory, and the writing of it.

``merge.Planner`` fills the plan by the merge's rules and only reads the database.
``Plan.write`` then makes every change at once, with a handful of bulk statements, in
the caller's transaction: all of it is kept, or none of it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from desktop_app.exchange import store
from desktop_app.exchange.conflicts_found import ConflictsFound
from desktop_app.exchange.tables import PARTNER_FILE, PROJECT_FILE
from desktop_app.model import (
    Activity,
    CorrectionRequest,
    CorrectionStatus,
    ExchangeConflict,
    Expense,
    Project,
    ProjectLink,
    Reflection,
    Role,
    utcnow,
)
from desktop_app.services import lifecycle


class Plan:
    """What a merge will change: records by table, reviews, conflicts, correction
    requests and projects to file under another, all written by ``write``."""

    def __init__(self, session: Session, role: Role, owner_id: str) -> None:
        self.session = session
        self.role = role
        self.owner_id = owner_id
        self.current: dict[str, dict[str, dict[str, Any] | None]] = defaultdict(dict)
        self.existed: dict[str, set[str]] = defaultdict(set)
        self.dirty: dict[str, set[str]] = defaultdict(set)
        self.review_dirty: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        self.conflicts = ConflictsFound(session)
        #: Decided correction requests from a coordinator's file, by id (partner side).
        self.replies: dict[str, dict[str, Any]] = {}
        self.repoint: list[tuple[str, str]] = []

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
        found = self.conflicts
        for (key, record_id), stored in found.stored.items():
            if stored.dropped:
                waiting = (
                    ExchangeConflict.table_name == key,
                    ExchangeConflict.record_id == record_id,
                    ExchangeConflict.content_hash.in_(sorted(stored.dropped)),
                    ExchangeConflict.resolved_at.is_(None),
                )
                dropped = select(ExchangeConflict.id).where(*waiting)
                self.session.execute(
                    delete(CorrectionRequest).where(
                        CorrectionRequest.conflict_id.in_(dropped),
                        CorrectionRequest.status == CorrectionStatus.OPEN,
                    )
                )
                self.session.execute(delete(ExchangeConflict).where(*waiting))
        if found.new_conflicts:
            self.session.execute(insert(ExchangeConflict), list(found.new_conflicts.values()))
        corrections = [*found.new_corrections.values(), *self.replies.values()]
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
