"""The records list model: a sound Qt model that reads one page at a time."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from desktop_app.services import activities
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener
from ui.records_model import RecordsModel


def test_records_model_is_sound_and_lazy(qtbot: QtBot, open_app: Opener, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    ctx, _window = open_app()

    def many(session):  # type: ignore[no-untyped-def]
        for n in range(450):
            activities.record_activity(
                session, date=date(2024, 6, 30) - timedelta(days=n), minutes=30, kind="reviewing"
            )

    ctx.call(many)
    page = visit(ctx, "records")
    model = page.model  # type: ignore[attr-defined]
    assert isinstance(model, RecordsModel)
    first = model.rowCount()
    assert first < 450 and model.canFetchMore()  # only the first page is read at first
    model.fetchMore()
    assert model.rowCount() > first
    qtmodeltester.check(model)
    entries = [model.entry(r) for r in range(model.rowCount()) if model.entry(r)]
    assert [e.date for e in entries] == sorted((e.date for e in entries), reverse=True)


def test_records_model_reads_afresh_in_place(qtbot: QtBot, open_app: Opener, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    ctx, _window = open_app()
    ctx.call(activities.record_activity, date=date(2024, 3, 4), minutes=60, kind="meeting")
    page = visit(ctx, "records")
    model = page.model  # type: ignore[attr-defined]
    (entry,) = ctx.call(activities.list_activities)
    ctx.call(activities.delete_activity, entry.id)
    page.reload()  # type: ignore[attr-defined]
    assert page.model is model and model.rowCount() == 0  # type: ignore[attr-defined]
    qtmodeltester.check(model)
    ctx.call(activities.undo_delete_activity, entry.id)
    page.reload()  # type: ignore[attr-defined]
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    qtmodeltester.check(page.cards.model())  # type: ignore[attr-defined]
