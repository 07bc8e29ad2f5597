"""What file-based sync needs to remember: pay periods, conflicts, links and marks."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.model.base import Base, Synced, UTCDateTime, new_id, utcnow


class PayPeriod(Synced, Base):
    """A closed pay period of a project. The entries it covers are locked: a later
    partner file cannot change them, it can only raise a conflict. Owned by the
    coordinator; it travels to partners in project files."""

    __tablename__ = "pay_period"

    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"), index=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class ExchangeConflict(Base):
    """A version of a record that arrived in a file but was not applied, because the
    same owner changed the record differently elsewhere or the record is locked.

    Kept here (never synced) until the coordinator keeps one version or both. A resolved
    conflict stays as a marker, so the same file imported again raises nothing new.
    """

    __tablename__ = "exchange_conflict"
    __table_args__ = (UniqueConstraint("table_name", "record_id", "field_group", "content_hash"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    field_group: Mapped[str] = mapped_column(String(20))
    rev: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    #: The incoming version's fields, as they were in the file.
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: Why it was kept apart: "diverged" or "locked".
    reason: Mapped[str] = mapped_column(String(20))
    source_name: Mapped[str] = mapped_column(String(200), default="")
    source_installation: Mapped[str] = mapped_column(String(36), default="")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    #: "kept_mine", "kept_theirs" or "kept_both" once resolved.
    resolution: Mapped[str] = mapped_column(String(20), default="")


class ProjectLink(Base):
    """A project a partner made on their own before joining, linked to the
    coordinator's project. Entries that name the partner's project are filed under
    the coordinator's one, on every later import too."""

    __tablename__ = "project_link"

    local_project_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ExchangeState(Base):
    """Small facts about sending and receiving, such as when records were last sent."""

    __tablename__ = "exchange_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
