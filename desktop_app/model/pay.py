"""Pay rules of a project, and which entries each payment pays."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.model.base import Base, Synced, UTCDateTime, new_id, utcnow
from desktop_app.model.columns import enum_column
from desktop_app.model.enums import EngagementType, PayBasis


class PayRule(Synced, Base):
    """How a project pays for time: a rate for a basis (per hour now).

    A table rather than columns on the project, so that rates per meeting or per
    engagement level can be added later as more rows, without changing what a project
    is. Today a project has at most one live rule: ``PER_HOUR`` for every level
    (``engagement`` is None). Whether preparation and travel time are paid is part of
    the rule, because it only means something for pay by the hour.
    """

    __tablename__ = "pay_rule"

    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"), index=True)
    basis: Mapped[PayBasis] = mapped_column(enum_column(PayBasis), default=PayBasis.PER_HOUR)
    #: Reserved for rates by engagement level; None means "for every level".
    engagement: Mapped[EngagementType | None] = mapped_column(
        enum_column(EngagementType), default=None, nullable=True
    )
    #: The rate in minor units (cents) per basis unit, in the project's currency.
    rate_minor: Mapped[int] = mapped_column(Integer, default=0)
    pay_preparation: Mapped[bool] = mapped_column(Boolean, default=True)
    pay_travel: Mapped[bool] = mapped_column(Boolean, default=True)


#: Only a live link counts, and the database itself refuses a second live link for the
#: same entry: a partial unique index (SQLite and PostgreSQL both have them).
_LIVE = text("voided_at IS NULL")


class PaymentEntry(Base):
    """A link between a payment and one time entry or expense it pays.

    Voiding the payment voids its links (``voided_at``); the links stay, as the payment
    does, so the history can be read back. Local to the coordinator's records.
    """

    __tablename__ = "payment_entries"
    __table_args__ = (
        CheckConstraint("(activity_id IS NULL) <> (expense_id IS NULL)", name="one_entry"),
        Index(
            "uq_payment_entries_live_activity",
            "activity_id",
            unique=True,
            sqlite_where=_LIVE,
            postgresql_where=_LIVE,
        ),
        Index(
            "uq_payment_entries_live_expense",
            "expense_id",
            unique=True,
            sqlite_where=_LIVE,
            postgresql_where=_LIVE,
        ),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    payment_id: Mapped[str] = mapped_column(ForeignKey("payment.id"), index=True)
    activity_id: Mapped[str | None] = mapped_column(ForeignKey("activity.id"), default=None)
    expense_id: Mapped[str | None] = mapped_column(ForeignKey("expense.id"), default=None)
    #: The minutes (time entry) or amount (expense) this link paid, as it was then.
    paid_minutes: Mapped[int] = mapped_column(Integer, default=0)
    paid_minor: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
