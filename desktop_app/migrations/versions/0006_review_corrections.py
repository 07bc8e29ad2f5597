"""Review: rejected time leaves the figures; correction requests for paid entries.

The figure indexes of time entries also hold ``status``, so the figures leave rejected
time out from the indexes alone. ``correction_request`` keeps a partner's change to an
entry that is already paid or in a closed pay period, which no file may rewrite.

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-02 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

OLD = ["kind", "minutes", "prep_minutes", "travel_minutes", "deleted_at"]
NEW = [*OLD, "status"]
STATUSES = ("open", "to_pay", "kept")
LEADS = {
    "ix_activity_date_figures": ["date", "created_at", "person_id", "project_id"],
    "ix_activity_person_figures": ["person_id", "date", "created_at", "project_id"],
    "ix_activity_project_figures": ["project_id", "person_id", "date"],
}


def _indexes(figures: list[str]) -> None:
    for name, lead in LEADS.items():
        op.drop_index(name, table_name="activity")
        op.create_index(name, "activity", [*lead, *figures], unique=False)


def upgrade() -> None:
    _indexes(NEW)
    op.create_table(
        "correction_request",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("conflict_id", sa.String(length=36), nullable=True),
        sa.Column("source_name", sa.String(length=200), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(*STATUSES, name="correctionstatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_correction_request")),
    )
    with op.batch_alter_table("correction_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_correction_request_record_id"), ["record_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_correction_request_conflict_id"), ["conflict_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("correction_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_correction_request_conflict_id"))
        batch_op.drop_index(batch_op.f("ix_correction_request_record_id"))
    op.drop_table("correction_request")
    _indexes(OLD)
