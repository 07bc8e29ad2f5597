"""Conflicts kept by the merge, and the coordinator's choices: keep mine, keep theirs,
or keep both (the incoming version becomes a separate record)."""

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
from desktop_app.model import ExchangeConflict, ReviewStatus, new_id, utcnow
from desktop_app.services import lifecycle

KEEP_BOTH_TABLES = (ACTIVITY, EXPENSE, REFLECTION)


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


def _conflict(session: Session, conflict_id: str) -> tuple[ExchangeConflict, Table]:
    conflict = session.get(ExchangeConflict, conflict_id)
    if conflict is None or conflict.resolved_at is not None:
        raise NotFound(_("That conflict could not be found. It may be resolved already."))
    return conflict, ALL_TABLES[conflict.table_name]


def _wire(table: Table, record: dict[str, Any]) -> dict[str, Any]:
    return {**to_wire(record, META), **to_wire(record, table.fields)}


def list_conflicts(session: Session) -> list[ConflictView]:
    rows = session.scalars(
        select(ExchangeConflict)
        .where(ExchangeConflict.resolved_at.is_(None))
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
    """Use the incoming version instead of the one here (even for a locked entry: this
    is the coordinator's explicit choice)."""
    conflict, table = _conflict(session, conflict_id)
    incoming = _incoming(table, conflict)
    local = store.load(session, table, [conflict.record_id]).get(conflict.record_id)
    if local is None:
        raise NotFound(_("The record in this conflict is no longer here."))
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
