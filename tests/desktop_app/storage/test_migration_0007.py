"""Migration 0007 (pay rules) links old payments to the entries they paid, and on a coordinator's
records approves again an entry an older version marked paid with no payment behind it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop_app.storage.db import open_database
from desktop_app.storage.paths import database_path

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "schemas" / "schema-0004.sqlite3"


@pytest.mark.parametrize("role", ["partner", "coordinator"])
def test_old_payments_are_linked_and_unbacked_paid_entries_are_owed_again(
    tmp_path: Path, role: str
) -> None:
    path = database_path(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURE, path)
    con = sqlite3.connect(path)
    con.execute("UPDATE installation SET role = ?", (role,))
    (orphan,) = con.execute("SELECT id FROM activity WHERE status = 'approved' LIMIT 1").fetchone()
    con.execute("UPDATE activity SET status = 'paid' WHERE id = ?", (orphan,))
    con.commit()
    con.close()

    open_database(tmp_path).close()

    con = sqlite3.connect(path)
    try:
        unlinked = con.execute(
            "SELECT id FROM activity WHERE status = 'paid' AND id NOT IN "
            "(SELECT activity_id FROM payment_entries WHERE activity_id IS NOT NULL)"
        ).fetchall()
        linked = con.execute("SELECT count(*) FROM payment_entries").fetchone()[0]
        status = con.execute("SELECT status FROM activity WHERE id = ?", (orphan,)).fetchone()[0]
    finally:
        con.close()
    assert linked > 200  # the demo's payments now name the entries they paid
    if role == "coordinator":
        assert (unlinked, status) == ([], "approved")
    else:  # a partner's records keep what the coordinator said
        assert (unlinked, status) == ([(orphan,)], "paid")
