"""Correction requests: a partner changed an entry that is already paid or locked."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.model.base import Base, UTCDateTime, new_id, utcnow
from desktop_app.model.columns import enum_column
from desktop_app.model.enums import CorrectionStatus


class CorrectionRequest(Base):
    """A change a partner made to an entry that no file may rewrite (paid, or in a closed
    pay period). The entry stays as it is; the coordinator decides what to do.

    On the coordinator's side it points at the incoming version kept in
    ``exchange_conflict`` (``conflict_id``). Once decided, it travels back to the partner
    in their next project file, where it is kept with the same id (and no conflict).
    """

    __tablename__ = "correction_request"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    #: "activities" or "expenses" (the exchange table key).
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    person_id: Mapped[str] = mapped_column(String(36))
    conflict_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    source_name: Mapped[str] = mapped_column(String(200), default="")
    #: What changed, by field: {"minutes": [60, 120]} (values as in exchange files).
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[CorrectionStatus] = mapped_column(
        enum_column(CorrectionStatus), default=CorrectionStatus.OPEN
    )
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
