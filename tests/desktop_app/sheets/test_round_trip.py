"""The finance export (CSV and XLSX), brought into a fresh partner's app, gives the same
minutes the coordinator paid for.

The export gives hours to one decimal place, so minutes come back exactly when each
payment covers a whole number of tenths of an hour (6 minutes each), as here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.exchange import finance
from desktop_app.model import Activity, Role
from desktop_app.services import profile
from desktop_app.sheets import apply_plan, make_plan
from desktop_app.storage.db import open_database
from tests.helpers.money import approved, open_books, pay


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_finance_export_comes_back_as_the_same_minutes(tmp_path: Path, suffix: str) -> None:
    books_db = open_database(tmp_path / "coordinator")
    with books_db.session() as session:
        books = open_books(session)
        for day, minutes, prep in ((date(2025, 3, 4), 90, 15), (date(2025, 3, 20), 45, 0)):
            approved(session, books, books.rosa, day, minutes, prep)
        approved(session, books, books.rosa, date(2025, 4, 8), 84)
        pay(session, books, books.rosa, date(2025, 3, 1), date(2025, 3, 31))
        pay(session, books, books.rosa, date(2025, 4, 1), date(2025, 4, 30))
        out = finance.export_finance(session, tmp_path / f"pay{suffix}")
    books_db.close()
    paid_minutes = 90 + 15 + 45 + 84

    partner_db = open_database(tmp_path / "rosa")
    with partner_db.session() as session:
        profile.setup(session, Role.PARTNER, "Rosa Martínez", project_name="Better Pain Care")
    with partner_db.session() as session:
        plan = make_plan(session, out)
        assert plan.problems == []
        apply_plan(session, plan)
    with partner_db.session() as session:
        total = session.scalar(
            select(func.sum(Activity.minutes + Activity.prep_minutes + Activity.travel_minutes))
        )
    partner_db.close()
    assert total == paid_minutes
