"""Certificates that were issued, so a coordinator can check a verification code."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.model.base import Base, Synced


class Certificate(Synced, Base):
    """A contribution certificate as issued: whose, which period, and what it said.

    ``code`` is the short verification code printed on the certificate (and in its QR
    code). It is derived from the exact records the certificate covers, and ``digest``
    is the full fingerprint of those records, so the figures can be checked again later.
    Owned by the partner; it travels to the coordinator in the partner's file.
    """

    __tablename__ = "certificate"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    digest: Mapped[str] = mapped_column(String(64))
    period_start: Mapped[date | None] = mapped_column(Date, default=None)
    period_end: Mapped[date | None] = mapped_column(Date, default=None)
    #: Ids of the projects covered, as a JSON list.
    project_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: The figures printed (hours, meetings, products...), as a JSON object.
    figures: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    issued_on: Mapped[date] = mapped_column(Date)
