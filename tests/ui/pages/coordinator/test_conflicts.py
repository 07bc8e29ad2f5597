"""Changes to sort out: plain words for every field, and paid entries never rewritten."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from desktop_app import exchange
from desktop_app.exchange.tables import ALL_TABLES
from desktop_app.model import Activity, ActivityMode, PaymentKind, PaymentMethod, Role
from desktop_app.services import activities, payments, review
from desktop_app.services.pay_rules import set_pay_rules
from desktop_app.services.projects import create_project, find_project
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener, current, wait_for_page
from tests.helpers.sites import Site, add_time
from ui.pages.coordinator.conflicts import ConflictPage, ConflictsPage, CorrectionPage

RAW_NAMES = {name for table in ALL_TABLES.values() for name in table.fields} | {
    "deleted_at",
    "on_my_own",
    "in_person",
}


def _receive(site: Site, path: Path) -> None:
    def run(session: Session) -> None:
        exchange.apply(session, exchange.preview(session, [path]), confirm=True)

    site.call(run)


def _two_problems(tmp_path: Path, data_dir: Path) -> None:
    """A conflict (changed here and by the partner) and a change to a paid entry."""
    partner = Site(tmp_path / "partner", Role.PARTNER, "Rosa Martinez")
    coordinator = Site(data_dir, Role.COORDINATOR, "Karen Lee")
    partner.call(lambda s: create_project(s, name="My own project"))
    changed = partner.call(add_time, 60, "Meeting", day=3)
    paid = partner.call(add_time, 60, "Reading", day=20)
    _receive(coordinator, partner.call(exchange.export_partner_file, tmp_path / "a.pl").path)
    coordinator.call(activities.change_activity, changed, mode=ActivityMode.ON_MY_OWN)
    project = coordinator.call(lambda s: find_project(s, "My own project").id)
    first = coordinator.call(lambda s: s.get(Activity, paid).date)
    coordinator.call(review.review, [paid], "approve")
    coordinator.call(set_pay_rules, project, rate_minor=3000)
    person = coordinator.call(lambda s: s.get(Activity, paid).person_id)
    coordinator.call(
        payments.record_payment,
        person_id=person,
        project_id=project,
        period_start=first,
        period_end=first,
        kind=PaymentKind.COMPENSATION,
        method=PaymentMethod.BANK_TRANSFER,
        paid_on=first,
    )
    coordinator.call(review.close_period, project, first, first)
    partner.call(activities.change_activity, changed, minutes=90)
    partner.call(activities.change_activity, paid, minutes=120)
    _receive(coordinator, partner.call(exchange.export_partner_file, tmp_path / "b.pl").path)
    partner.close()
    coordinator.close()


def _shown_texts(page: ConflictPage) -> list[str]:
    texts = [label.text() for label in page.findChildren(QLabel) if label.isVisible()]
    table = page.table
    texts += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    texts += [
        table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())
    ]
    return texts


def test_conflicts_show_plain_words_and_paid_entries_are_asked_about(
    qtbot: QtBot, open_app: Opener, tmp_path: Path, data_dir: Path, today: date
) -> None:
    _two_problems(tmp_path, data_dir)
    ctx, _window = open_app(None)
    page = visit(ctx, "coordinator-conflicts")
    assert isinstance(page, ConflictsPage) and page.tiles is not None
    request_tile, conflict_tile = page.tiles.tiles
    assert "Rosa Martinez changed an entry you already paid: 60 \u2192 120 minutes." in (
        request_tile.text()
    )

    qtbot.mouseClick(conflict_tile, Qt.MouseButton.LeftButton)
    conflict = wait_for_page(qtbot, ctx, leaving=page)
    assert isinstance(conflict, ConflictPage)
    texts = _shown_texts(conflict)
    assert "On my own" in texts and "Deleted" in texts
    for text in texts:
        assert "_" not in text, text
        assert text.split(" \u2190 ")[0] not in RAW_NAMES, text

    conflict.back_button.click()  # type: ignore[union-attr]
    page = current(ctx)
    assert isinstance(page, ConflictsPage) and page.tiles is not None
    qtbot.mouseClick(page.tiles.tiles[0], Qt.MouseButton.LeftButton)
    correction = wait_for_page(qtbot, ctx, leaving=page)
    assert isinstance(correction, CorrectionPage)
    assert correction.keep.text() == "Keep the paid version and tell Rosa Martinez"
    qtbot.mouseClick(correction.keep, Qt.MouseButton.LeftButton)
    after = wait_for_page(qtbot, ctx, leaving=correction)
    assert isinstance(after, ConflictsPage) and after.tiles is not None
    assert len(after.tiles.tiles) == 1  # only the conflict is left
    paid = ctx.call(lambda s: [a.total_minutes for a in activities.list_activities(s)])
    assert sorted(paid) == [60, 60]  # the paid entry kept its 60 minutes
