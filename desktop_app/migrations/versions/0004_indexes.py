"""Covering indexes for the figures and the records list at 100,000 entries.

The (person, date) and (project, date) indexes are replaced by wider ones that hold every
column the summaries read, so the home figures, the project report and "My records"
are answered from the indexes alone. Only indexes change: no table is copied.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 11:56:12.165061
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

FIGURES = ["kind", "minutes", "prep_minutes", "travel_minutes", "deleted_at"]


def upgrade() -> None:
    op.drop_index("ix_activity_person_date", table_name="activity")
    op.drop_index("ix_activity_project_date", table_name="activity")
    op.create_index(
        "ix_activity_date_figures",
        "activity",
        ["date", "created_at", "person_id", "project_id", *FIGURES],
        unique=False,
    )
    op.create_index(
        "ix_activity_person_figures",
        "activity",
        ["person_id", "date", "created_at", "project_id", *FIGURES],
        unique=False,
    )
    op.create_index(
        "ix_activity_project_figures",
        "activity",
        ["project_id", "person_id", "date", *FIGURES],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_activity_project_figures", table_name="activity")
    op.drop_index("ix_activity_person_figures", table_name="activity")
    op.drop_index("ix_activity_date_figures", table_name="activity")
    op.create_index("ix_activity_project_date", "activity", ["project_id", "date"], unique=False)
    op.create_index("ix_activity_person_date", "activity", ["person_id", "date"], unique=False)
