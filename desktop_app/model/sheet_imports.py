"""Old records brought in from a spreadsheet: each import, and what each row added.

Kept on this computer only (never sent in a file). A row's fingerprint comes from what
the row says, so the same sheet brought in again, even a copy saved anew, adds nothing.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.model.base import Base, UTCDateTime, new_id, utcnow


class SheetImport(Base):
    """One import of a spreadsheet: when, from which file, and what it added."""

    __tablename__ = "sheet_import"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    #: The file's name only (never its folder).
    file_name: Mapped[str] = mapped_column(String(300), default="")
    sheet_name: Mapped[str] = mapped_column(String(200), default="")
    made_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    activities: Mapped[int] = mapped_column(Integer, default=0)
    expenses: Mapped[int] = mapped_column(Integer, default=0)
    #: Ids of the partners this import added (a coordinator's import only).
    people_added: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Set when the import was undone.
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)


class SheetRow(Base):
    """One row that was brought in: its fingerprint and the record it became."""

    __tablename__ = "sheet_row"

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    import_id: Mapped[str] = mapped_column(ForeignKey("sheet_import.id"), index=True)
    activity_id: Mapped[str | None] = mapped_column(String(36), default=None)
    expense_id: Mapped[str | None] = mapped_column(String(36), default=None)
