"""File-based sync: review revisions, pay periods, conflicts, project links, send marks.

Columns are added with plain ADD COLUMN (no table copy), so no foreign key can
cascade while the schema changes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 11:27:24.299718
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchange_conflict",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("field_group", sa.String(length=20), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("source_name", sa.String(length=200), nullable=False),
        sa.Column("source_installation", sa.String(length=36), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolution", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_conflict")),
        sa.UniqueConstraint(
            "table_name",
            "record_id",
            "field_group",
            "content_hash",
            name=op.f("uq_exchange_conflict_table_name_record_id_field_group_content_hash"),
        ),
    )
    with op.batch_alter_table("exchange_conflict", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_exchange_conflict_record_id"), ["record_id"], unique=False
        )

    op.create_table(
        "exchange_state",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_exchange_state")),
    )
    op.create_table(
        "pay_period",
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_pay_period_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pay_period")),
    )
    with op.batch_alter_table("pay_period", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pay_period_project_id"), ["project_id"], unique=False)

    op.create_table(
        "project_link",
        sa.Column("local_project_id", sa.String(length=36), nullable=False),
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_project_link_project_id_project")
        ),
        sa.PrimaryKeyConstraint("local_project_id", name=op.f("pk_project_link")),
    )
    for table in ("activity", "expense"):
        op.add_column(
            table, sa.Column("review_rev", sa.Integer(), server_default="0", nullable=False)
        )
        op.add_column(table, sa.Column("pay_period_id", sa.String(length=36), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+): a batch table copy could cascade on foreign keys.
    for table in ("expense", "activity"):
        op.drop_column(table, "pay_period_id")
        op.drop_column(table, "review_rev")

    op.drop_table("project_link")
    with op.batch_alter_table("pay_period", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pay_period_project_id"))

    op.drop_table("pay_period")
    op.drop_table("exchange_state")
    with op.batch_alter_table("exchange_conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exchange_conflict_record_id"))

    op.drop_table("exchange_conflict")
