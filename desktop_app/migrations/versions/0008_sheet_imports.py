"""Old records from spreadsheets: each import, and the fingerprint of each row it added.

New tables only: ``sheet_import`` (one import of a sheet, with what it added and when it
was undone) and ``sheet_row`` (a row's fingerprint and the entry it became), so the same
sheet brought in again adds nothing and an import can be undone.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 12:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sheet_import",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("sheet_name", sa.String(length=200), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("activities", sa.Integer(), nullable=False),
        sa.Column("expenses", sa.Integer(), nullable=False),
        sa.Column("people_added", sa.JSON(), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sheet_import")),
    )
    op.create_table(
        "sheet_row",
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("import_id", sa.String(length=36), nullable=False),
        sa.Column("activity_id", sa.String(length=36), nullable=True),
        sa.Column("expense_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["import_id"], ["sheet_import.id"], name=op.f("fk_sheet_row_import_id_sheet_import")
        ),
        sa.PrimaryKeyConstraint("fingerprint", name=op.f("pk_sheet_row")),
    )
    op.create_index(op.f("ix_sheet_row_import_id"), "sheet_row", ["import_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_sheet_row_import_id"), table_name="sheet_row")
    op.drop_table("sheet_row")
    op.drop_table("sheet_import")
