"""What partners give: time, products, expenses, reflections and recognition."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Column, Date, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop_app.model.base import Base, Synced, UTCDateTime
from desktop_app.model.columns import enum_column
from desktop_app.model.enums import (
    ActivityKind,
    ActivityMode,
    EngagementType,
    ExpenseCategory,
    PaymentKind,
    PaymentMethod,
    ProductStatus,
    ProductType,
    RecognitionKind,
    ReflectionAspect,
    VavDomain,
)
from desktop_app.model.review import Reviewed

activity_product = Table(
    "activity_product",
    Base.metadata,
    Column("activity_id", ForeignKey("activity.id"), primary_key=True),
    Column("product_id", ForeignKey("product.id"), primary_key=True),
)


#: What every figure reads from a time entry, after the columns it is found by.
#: ``status`` is there because rejected time counts nowhere (``scope.counted_entries``).
_FIGURE_COLUMNS = ("kind", "minutes", "prep_minutes", "travel_minutes", "deleted_at", "status")


class Activity(Reviewed, Synced, Base):
    """A time entry. A meeting is an activity of kind ``meeting``."""

    __tablename__ = "activity"
    #: The figures (hours, meetings, months) read only these indexes, never the table:
    #: each covers every column a summary needs, led by the person, the project or the
    #: day. The person and day ones also give "My records" its order, newest first, so
    #: a page is read straight from the index. The project one is in person order, so
    #: per-person figures for a project are added up without sorting.
    __table_args__ = (
        Index(
            "ix_activity_person_figures",
            "person_id",
            "date",
            "created_at",
            "project_id",
            *_FIGURE_COLUMNS,
        ),
        Index("ix_activity_project_figures", "project_id", "person_id", "date", *_FIGURE_COLUMNS),
        Index(
            "ix_activity_date_figures",
            "date",
            "created_at",
            "person_id",
            "project_id",
            *_FIGURE_COLUMNS,
        ),
    )

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"))
    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"))
    date: Mapped[date] = mapped_column(Date)
    kind: Mapped[ActivityKind] = mapped_column(enum_column(ActivityKind))
    mode: Mapped[ActivityMode] = mapped_column(
        enum_column(ActivityMode), default=ActivityMode.VIDEO
    )
    minutes: Mapped[int] = mapped_column(Integer)
    prep_minutes: Mapped[int] = mapped_column(Integer, default=0)
    travel_minutes: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")

    products: Mapped[list[Product]] = relationship(secondary=activity_product, lazy="selectin")

    @property
    def total_minutes(self) -> int:
        return self.minutes + self.prep_minutes + self.travel_minutes


class Product(Synced, Base):
    """Something the team made together."""

    __tablename__ = "product"

    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"))
    title: Mapped[str] = mapped_column(String(300))
    type: Mapped[ProductType] = mapped_column(enum_column(ProductType))
    #: Audience values (see ``Audience``), stored as a JSON list.
    audiences: Mapped[list[str]] = mapped_column(JSON, default=list)
    engagement: Mapped[EngagementType] = mapped_column(enum_column(EngagementType))
    status: Mapped[ProductStatus] = mapped_column(
        enum_column(ProductStatus), default=ProductStatus.DRAFT
    )
    completed_on: Mapped[date | None] = mapped_column(Date, default=None)
    #: "Where is the latest version?": a web link or a file location.
    location: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")

    contributions: Mapped[list[ProductContribution]] = relationship(
        back_populates="product", lazy="selectin"
    )


class ProductContribution(Synced, Base):
    """One partner's part in a product, with their role in plain words."""

    __tablename__ = "product_contribution"

    product_id: Mapped[str] = mapped_column(ForeignKey("product.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    role: Mapped[str] = mapped_column(String(200), default="")

    product: Mapped[Product] = relationship(back_populates="contributions")


class Expense(Reviewed, Synced, Base):
    __tablename__ = "expense"
    __table_args__ = (Index("ix_expense_person_date", "person_id", "date"),)

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"))
    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"))
    date: Mapped[date] = mapped_column(Date)
    category: Mapped[ExpenseCategory] = mapped_column(enum_column(ExpenseCategory))
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="CAD")
    note: Mapped[str] = mapped_column(Text, default="")
    #: Path of the copied receipt, relative to the data folder ("" if none).
    receipt_path: Mapped[str] = mapped_column(Text, default="")


class Payment(Synced, Base):
    __tablename__ = "payment"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="CAD")
    kind: Mapped[PaymentKind] = mapped_column(enum_column(PaymentKind))
    method: Mapped[PaymentMethod] = mapped_column(enum_column(PaymentMethod))
    paid_on: Mapped[date] = mapped_column(Date)
    reference: Mapped[str] = mapped_column(String(200), default="")
    #: Why the amount differs from what the entries it pays were owed ("" when it does not).
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: The hourly rate (minor units) the amount was worked out with; None if none applied.
    rate_minor: Mapped[int | None] = mapped_column(Integer, default=None)
    #: Set when the payment was voided. A payment is never deleted: a voided one stays
    #: in the records, and the entries it paid are owed again.
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    void_reason: Mapped[str] = mapped_column(Text, default="", server_default="")

    @property
    def is_voided(self) -> bool:
        return self.voided_at is not None


class Reflection(Synced, Base):
    """A Valuing All Voices reflection. Private unless the partner chooses to share it."""

    __tablename__ = "reflection"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"))
    date: Mapped[date] = mapped_column(Date)
    domain: Mapped[VavDomain] = mapped_column(enum_column(VavDomain))
    aspect: Mapped[ReflectionAspect] = mapped_column(enum_column(ReflectionAspect))
    text: Mapped[str] = mapped_column(Text)
    shared: Mapped[bool] = mapped_column(Boolean, default=False)


class Recognition(Synced, Base):
    """Recognition beyond pay: authorship, thanks, training, conferences."""

    __tablename__ = "recognition"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"))
    kind: Mapped[RecognitionKind] = mapped_column(enum_column(RecognitionKind))
    title: Mapped[str] = mapped_column(String(300))
    date: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
