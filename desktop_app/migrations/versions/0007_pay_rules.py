"""Pay rules, payments linked to the entries they pay, and voided payments.

New tables: ``pay_rule`` (a project's rate by the hour, and whether preparation and travel
time are paid) and ``payment_entries`` (which entries a payment pays; a partial unique
index lets an entry have one live link at most). New payment columns: the reason an
amount differs from what was owed, the rate used, and when and why it was voided.

Existing payments are linked to the entries they paid: each compensation payment (each
reimbursement) takes the time entries (expenses) marked paid for the same person and
project within its dates, oldest payment first. On a coordinator's records, an entry
still marked paid with no payment behind it (an older version marked them so when a
pay period was closed) is approved again, so it shows as owed. Columns are added with
plain ADD COLUMN (no table copy), so no foreign key can cascade.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 11:40:00
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_LIVE = sa.text("voided_at IS NULL")


def upgrade() -> None:
    op.create_table(
        "pay_rule",
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column(
            "basis",
            sa.Enum("per_hour", name="paybasis", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "engagement",
            sa.Enum(
                "consultation",
                "involvement",
                "partnership",
                name="engagementtype",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("rate_minor", sa.Integer(), nullable=False),
        sa.Column("pay_preparation", sa.Boolean(), nullable=False),
        sa.Column("pay_travel", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_pay_rule_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pay_rule")),
    )
    op.create_index(op.f("ix_pay_rule_project_id"), "pay_rule", ["project_id"], unique=False)
    op.create_table(
        "payment_entries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("payment_id", sa.String(length=36), nullable=False),
        sa.Column("activity_id", sa.String(length=36), nullable=True),
        sa.Column("expense_id", sa.String(length=36), nullable=True),
        sa.Column("paid_minutes", sa.Integer(), nullable=False),
        sa.Column("paid_minor", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "(activity_id IS NULL) <> (expense_id IS NULL)",
            name=op.f("ck_payment_entries_one_entry"),
        ),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_payment_entries_activity_id_activity")
        ),
        sa.ForeignKeyConstraint(
            ["expense_id"], ["expense.id"], name=op.f("fk_payment_entries_expense_id_expense")
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payment.id"], name=op.f("fk_payment_entries_payment_id_payment")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_entries")),
    )
    op.create_index(
        op.f("ix_payment_entries_payment_id"), "payment_entries", ["payment_id"], unique=False
    )
    for column in ("activity_id", "expense_id"):
        op.create_index(
            f"uq_payment_entries_live_{column.removesuffix('_id')}",
            "payment_entries",
            [column],
            unique=True,
            sqlite_where=_LIVE,
            postgresql_where=_LIVE,
        )
    op.add_column("payment", sa.Column("reason", sa.Text(), server_default="", nullable=False))
    op.add_column("payment", sa.Column("rate_minor", sa.Integer(), nullable=True))
    op.add_column("payment", sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("payment", sa.Column("void_reason", sa.Text(), server_default="", nullable=False))
    _link_existing_payments()


_LINKS = sa.table(
    "payment_entries",
    sa.column("id", sa.String()),
    sa.column("payment_id", sa.String()),
    sa.column("activity_id", sa.String()),
    sa.column("expense_id", sa.String()),
    sa.column("paid_minutes", sa.Integer()),
    sa.column("paid_minor", sa.Integer()),
    sa.column("created_at", sa.DateTime(timezone=True)),
)


def _link_existing_payments() -> None:
    bind = op.get_bind()
    now = datetime.now(UTC)
    linked: set[str] = set()
    payments = bind.execute(
        sa.text(
            "SELECT id, person_id, project_id, period_start, period_end, kind FROM payment "
            "WHERE deleted_at IS NULL ORDER BY paid_on, id"
        )
    ).fetchall()
    for payment_id, person_id, project_id, start, end, kind in payments:
        time = kind == "compensation"
        table = "activity" if time else "expense"
        size = "minutes + prep_minutes + travel_minutes" if time else "amount_minor"
        rows = bind.execute(
            sa.text(
                f"SELECT id, {size} FROM {table} WHERE person_id = :person "  # noqa: S608
                "AND project_id = :project AND status = 'paid' AND deleted_at IS NULL "
                "AND date >= :start AND date <= :end ORDER BY date, id"
            ),
            {"person": person_id, "project": project_id, "start": start, "end": end},
        ).fetchall()
        links = [
            {
                "id": str(uuid.uuid4()),
                "payment_id": payment_id,
                "activity_id": entry_id if time else None,
                "expense_id": None if time else entry_id,
                "paid_minutes": amount if time else 0,
                "paid_minor": 0 if time else amount,
                "created_at": now,
            }
            for entry_id, amount in rows
            if entry_id not in linked
        ]
        linked.update(row[0] for row in rows)
        if links:
            op.bulk_insert(_LINKS, links)
    role = bind.execute(sa.text("SELECT role FROM installation LIMIT 1")).scalar()
    if role != "coordinator":
        return
    for table, column in (("activity", "activity_id"), ("expense", "expense_id")):
        bind.execute(
            sa.text(
                f"UPDATE {table} SET status = 'approved', review_rev = review_rev + 1 "  # noqa: S608
                f"WHERE status = 'paid' AND id NOT IN (SELECT {column} FROM payment_entries "
                f"WHERE {column} IS NOT NULL AND voided_at IS NULL)"
            )
        )


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+): a batch table copy could cascade on foreign keys.
    for column in ("void_reason", "voided_at", "rate_minor", "reason"):
        op.drop_column("payment", column)
    for column in ("expense_id", "activity_id"):
        op.drop_index(
            f"uq_payment_entries_live_{column.removesuffix('_id')}", table_name="payment_entries"
        )
    op.drop_index(op.f("ix_payment_entries_payment_id"), table_name="payment_entries")
    op.drop_table("payment_entries")
    op.drop_index(op.f("ix_pay_rule_project_id"), table_name="pay_rule")
    op.drop_table("pay_rule")
