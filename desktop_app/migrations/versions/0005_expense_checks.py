"""A project's own "is this right?" amounts for expenses, by category.

One nullable JSON column on ``project``, added with plain ADD COLUMN (no table copy).
None means every category uses the amount Partner Log suggests.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("project", sa.Column("expense_checks", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("project") as batch:
        batch.drop_column("expense_checks")
