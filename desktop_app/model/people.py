"""People, this installation, and projects."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.model.base import Base, Synced, new_id
from desktop_app.model.columns import enum_column
from desktop_app.model.enums import CompensationUnit, PaymentChoice, Role


class Person(Synced, Base):
    """A patient partner or a coordinator."""

    __tablename__ = "person"

    display_name: Mapped[str] = mapped_column(String(200))
    preferred_name: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(300), default="")
    role: Mapped[Role] = mapped_column(enum_column(Role), default=Role.PARTNER)
    payment_choice: Mapped[PaymentChoice] = mapped_column(
        enum_column(PaymentChoice), default=PaymentChoice.PAID
    )

    @property
    def name(self) -> str:
        """The name to use when speaking to or about this person."""
        return self.preferred_name or self.display_name


class Installation(Base):
    """This copy of Partner Log: who owns it and in which role."""

    __tablename__ = "installation"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"))
    role: Mapped[Role] = mapped_column(enum_column(Role))


class Project(Synced, Base):
    """A research or care-improvement project that partners give time to."""

    __tablename__ = "project"

    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    coordinator_name: Mapped[str] = mapped_column(String(200), default="")
    coordinator_contact: Mapped[str] = mapped_column(String(300), default="")
    start_date: Mapped[date | None] = mapped_column(Date, default=None)
    end_date: Mapped[date | None] = mapped_column(Date, default=None)
    compensation_unit: Mapped[CompensationUnit] = mapped_column(
        enum_column(CompensationUnit), default=CompensationUnit.NONE
    )
    #: Rate in minor units (cents) per compensation unit.
    rate_minor: Mapped[int] = mapped_column(Integer, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="CAD")
    terms: Mapped[str] = mapped_column(Text, default="")
    #: The project's own "is this right?" amounts for expenses, in cents, by category
    #: value (``{"parking": 8000}``); a category not in it, or None, uses the default.
    expense_checks: Mapped[dict[str, int] | None] = mapped_column(JSON, default=None)
