"""Conflicts kept by the merge, and the coordinator's choices: keep mine, keep theirs,
or keep both (the incoming version becomes a separate record).

A change to a locked entry (paid, or in a closed pay period) is not a conflict but a
correction request (``services.corrections``): it is not listed here, and no choice
here ever rewrites a locked entry."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput, NotFound
from desktop_app.exchange import store
from desktop_app.exchange.fields import META, to_wire
from desktop_app.exchange.tables import ACTIVITY, ALL_TABLES, EXPENSE, REFLECTION, Table
from desktop_app.i18n import _
from desktop_app.model import CorrectionRequest, ExchangeConflict, ReviewStatus, new_id, utcnow
from desktop_app.services import lifecycle
from desktop_app.services.review import is_locked

KEEP_BOTH_TABLES = (ACTIVITY, EXPENSE, REFLECTION)


#: Fields that say nothing to a person (ids, clocks, revisions, fingerprints).
HIDDEN = frozenset(
    {
        "id",
        "origin",
        "rev",
        "created_at",
        "updated_at",
        "person_id",
        "project_id",
        "digest",
        "figures",
    }
)


@dataclass(frozen=True)
class Detail:
    """One field of both versions: its name (for lookups, never shown), and the two
    values as Python values (enums, dates, numbers), for a screen to put in words."""

    name: str
    mine: Any
    theirs: Any

    @property
    def different(self) -> bool:
        return bool(self.mine != self.theirs)


@dataclass(frozen=True)
class ConflictView:
    """One open conflict, with both versions as plain field dicts, for a screen."""

    id: str
    what: str
    record_id: str
    reason: str
    source_name: str
    mine: dict[str, Any]
    theirs: dict[str, Any]
    can_keep_both: bool
    #: Whether the record here is locked (paid...): then only "keep mine" or "keep both".
    locked: bool = False
    #: The exchange table the record belongs to ("activities"...).
    table_key: str = ""

    def details(self) -> list[Detail]:
        """The fields a person can read, in the record's own order, as Python values."""
        table = ALL_TABLES[self.table_key]
        fields = {**table.fields, "deleted_at": META["deleted_at"]}
        found = []
        for name, field in fields.items():
            if name in HIDDEN:
                continue
            found.append(
                Detail(
                    name, _value(field, self.mine.get(name)), _value(field, self.theirs.get(name))
                )
            )
        return found


def _value(field: Any, wire: Any) -> Any:
    try:
        return None if wire is None else field.check(wire)
    except (KeyError, ValueError, TypeError):
        return wire


def _conflict(session: Session, conflict_id: str) -> tuple[ExchangeConflict, Table]:
    conflict = session.get(ExchangeConflict, conflict_id)
    if conflict is None or conflict.resolved_at is not None:
        raise NotFound(_("That conflict could not be found. It may be resolved already."))
    return conflict, ALL_TABLES[conflict.table_name]


def _wire(table: Table, record: dict[str, Any]) -> dict[str, Any]:
    return {**to_wire(record, META), **to_wire(record, table.fields)}


def list_conflicts(session: Session) -> list[ConflictView]:
    explained = select(CorrectionRequest.conflict_id).where(
        CorrectionRequest.conflict_id.is_not(None)
    )
    rows = session.scalars(
        select(ExchangeConflict)
        .where(ExchangeConflict.resolved_at.is_(None), ExchangeConflict.id.not_in(explained))
        .order_by(ExchangeConflict.received_at, ExchangeConflict.id)
    )
    views = []
    for conflict in rows:
        table = ALL_TABLES[conflict.table_name]
        local = store.load(session, table, [conflict.record_id]).get(conflict.record_id)
        views.append(
            ConflictView(
                id=conflict.id,
                what=_(table.what),
                record_id=conflict.record_id,
                reason=conflict.reason,
                source_name=conflict.source_name,
                mine=_wire(table, local) if local else {},
                theirs=dict(conflict.payload),
                can_keep_both=table in KEEP_BOTH_TABLES,
                table_key=table.key,
                locked=local is not None and table in (ACTIVITY, EXPENSE) and is_locked(local),
            )
        )
    return views


def _resolve(conflict: ExchangeConflict, how: str) -> None:
    conflict.resolved_at = utcnow()
    conflict.resolution = how


def keep_mine(session: Session, conflict_id: str) -> None:
    """Keep the version here; the incoming one is set aside for good."""
    conflict, _table = _conflict(session, conflict_id)
    _resolve(conflict, "kept_mine")
    session.flush()


def _incoming(table: Table, conflict: ExchangeConflict) -> dict[str, Any]:
    fields = {**META, **table.fields}
    return {name: fields[name].check(conflict.payload[name]) for name in fields}


def keep_theirs(session: Session, conflict_id: str) -> None:
    """Use the incoming version instead of the one here. Never for a locked entry (paid,
    or in a closed pay period): that is refused, and nothing changes."""
    conflict, table = _conflict(session, conflict_id)
    incoming = _incoming(table, conflict)
    local = store.load(session, table, [conflict.record_id]).get(conflict.record_id)
    if local is None:
        raise NotFound(_("The record in this conflict is no longer here."))
    if table in (ACTIVITY, EXPENSE) and is_locked(local):
        raise InvalidInput(
            _("This entry is paid or in a closed pay period, so a file cannot change it."),
            _("Keep the one here, or keep both. Nothing was changed."),
        )
    mine = dict(local)
    mine["content_hash"] = table.content_hash(local)
    record = {name: incoming[name] for name in (*table.fields, *META)}
    record["rev"] = max(incoming["rev"], local["rev"])
    store.update_rows(session, table, [record])
    known = session.scalar(
        select(ExchangeConflict.id).where(
            ExchangeConflict.table_name == conflict.table_name,
            ExchangeConflict.record_id == conflict.record_id,
            ExchangeConflict.content_hash == mine["content_hash"],
        )
    )
    if known is None:  # so the version set aside is not raised again by an old file
        session.add(
            ExchangeConflict(
                id=new_id(),
                table_name=conflict.table_name,
                record_id=conflict.record_id,
                field_group=conflict.field_group,
                rev=local["rev"],
                content_hash=mine["content_hash"],
                payload=_wire(table, local),
                reason=conflict.reason,
                source_name=_("this copy"),
                source_installation=local["origin"],
                resolved_at=utcnow(),
                resolution="replaced",
            )
        )
    _resolve(conflict, "kept_theirs")
    session.flush()
    session.expire_all()


def keep_both(session: Session, conflict_id: str) -> str:
    """Keep the version here and add the incoming one as a new, separate record.
    Returns the new record's id."""
    conflict, table = _conflict(session, conflict_id)
    if table not in KEEP_BOTH_TABLES:
        raise InvalidInput(_("Only one version of this kind of record can be kept."))
    incoming = _incoming(table, conflict)
    model = table.model
    fields = {k: v for k, v in incoming.items() if k in table.fields and k != "product_ids"}
    record = model(id=new_id(), **fields)
    if table in (ACTIVITY, EXPENSE):
        record.status = ReviewStatus.SUBMITTED
    lifecycle.stamp_new(session, record)
    session.flush()
    if table is ACTIVITY:
        store.set_product_links(session, {record.id: incoming["product_ids"]}, replace=False)
    _resolve(conflict, "kept_both")
    session.flush()
    return str(record.id)
