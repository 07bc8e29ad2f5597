"""The coordinator's review, which time entries and costs both carry."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.model.columns import enum_column
from desktop_app.model.enums import ReviewStatus


class Reviewed:
    """The coordinator's field group: the status, a note on it and the pay period.

    ``review_rev`` counts the coordinator's changes to this group, as ``rev`` counts the
    partner's own changes, so a review never collides with the partner's edits.
    """

    status: Mapped[ReviewStatus] = mapped_column(
        enum_column(ReviewStatus), default=ReviewStatus.DRAFT
    )
    #: The coordinator's note on a query or a refusal.
    status_note: Mapped[str] = mapped_column(Text, default="")
    review_rev: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    #: The closed pay period that locks this entry (None while it is open).
    pay_period_id: Mapped[str | None] = mapped_column(String(36), default=None)
