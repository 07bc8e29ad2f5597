"""Bringing in old records as a person does it: choose the file (the only thing replaced
is the system's file chooser), answer what the sheet does not say, check, confirm, undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop_app.model import ActivityKind
from desktop_app.services import activities
from desktop_app.sheets import Field
from tests.helpers.screens import Opener, current, wait_for_page
from tests.helpers.sheets import MESSY, write_csv, write_xlsx
from ui.context import AppContext
from ui.file_dialogs import FileDialogs
from ui.pages.add_time.steps import TilePage
from ui.pages.old_records.columns_page import ColumnsPage
from ui.pages.old_records.confirm_page import ConfirmPage
from ui.pages.old_records.done_page import DonePage
from ui.pages.old_records.preview_page import PreviewPage
from ui.pages.old_records.start import StartPage
from ui.pages.settings_page import SettingsPage


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(FileDialogs, "open_one", classmethod(lambda cls, p, t, f: str(path)))


def _start(qtbot: QtBot, ctx: AppContext) -> StartPage:
    home = current(ctx)
    qtbot.mouseClick(home.action_buttons["settings"], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    settings = wait_for_page(qtbot, ctx, home, SettingsPage)
    qtbot.mouseClick(settings.old_records_button, Qt.MouseButton.LeftButton)
    return wait_for_page(qtbot, ctx, settings, StartPage)


def _texts(page: object) -> str:
    return "\n".join(label.text() for label in page.findChildren(QLabel))  # type: ignore[attr-defined]


def test_a_messy_workbook_is_checked_added_and_undone(
    qtbot: QtBot, open_app: Opener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, _window = open_app()
    book = write_xlsx(
        tmp_path / "mis horas.xlsx",
        {"Notas": [["nothing to see"]], "Horas": MESSY},
        merge={"Horas": "A1:D1"},
    )
    _choose(monkeypatch, book)
    start = _start(qtbot, ctx)
    qtbot.keyClick(start.continue_button, Qt.Key.Key_Return)  # type: ignore[arg-type]

    sheet = wait_for_page(qtbot, ctx, start, TilePage)
    assert sheet.heading.text() == "Which sheet has your records?"
    qtbot.mouseClick(sheet.tiles.tile_for("Horas"), Qt.MouseButton.LeftButton)

    preview = wait_for_page(qtbot, ctx, sheet, PreviewPage)
    shown = _texts(preview)
    assert "3 rows read. 3 new, 0 already here, 0 cannot be used." in shown
    row_8 = "Row 8: Tuesday, 13 April 2021, Ana, Reviewing papers, 1 hour 30 minutes."
    assert row_8 + " Note: Revisión del folleto" in shown
    assert "=SUM(A1)" in shown  # a formula-looking note is shown as the text it is
    assert ctx.call(activities.count_activities) == 0  # nothing is saved by the preview
    qtbot.keyClick(preview.continue_button, Qt.Key.Key_Return)  # type: ignore[arg-type]

    confirm = wait_for_page(qtbot, ctx, preview, ConfirmPage)
    assert "3 time entries and 0 costs will be added" in _texts(confirm)
    qtbot.keyClick(confirm.continue_button, Qt.Key.Key_Return)  # type: ignore[arg-type]

    done = wait_for_page(qtbot, ctx, confirm, DonePage)
    assert done.saved.text().startswith("Added 3 time entries and 0 costs.")
    saved = ctx.call(activities.list_activities)
    assert sorted((a.date, a.minutes, a.kind, a.note) for a in saved) == [
        (date(2021, 3, 4), 90, ActivityKind.MEETING, "Primera reunión"),
        (date(2021, 3, 25), 120, ActivityKind.PRESENTING, "=SUM(A1)"),
        (date(2021, 4, 13), 90, ActivityKind.REVIEWING, "Revisión del folleto"),
    ]

    qtbot.mouseClick(done.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: done.heading.text() == "They are taken out again")
    assert "3 time entries" in done.saved.text()
    assert ctx.call(activities.count_activities) == 0


def test_unsure_columns_and_dates_are_asked_one_page_at_a_time(
    qtbot: QtBot, open_app: Opener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, _window = open_app()
    rows = [["Día?", "Cuánto"], ["04/03/2021", "2 h"], ["05/06/2021", "1:30"]]
    _choose(monkeypatch, write_csv(tmp_path / "old.csv", rows, "utf-8", ";", bom=True))
    start = _start(qtbot, ctx)
    qtbot.keyClick(start.continue_button, Qt.Key.Key_Return)  # type: ignore[arg-type]

    order = wait_for_page(qtbot, ctx, start, TilePage)
    assert "rows 2, 3" in order.hint.text()
    qtbot.keyClick(order.tiles.tiles[0], Qt.Key.Key_Down)  # the arrow keys move between tiles
    assert order.tiles.tiles[1].hasFocus()
    qtbot.keyClick(order.tiles.tiles[1], Qt.Key.Key_Space)  # month first

    columns = wait_for_page(qtbot, ctx, order, ColumnsPage)
    assert columns.combos[Field.DATE].currentText() == "Día?"  # the guess, shown to check
    qtbot.keyClick(columns, Qt.Key.Key_Return)

    preview = wait_for_page(qtbot, ctx, columns, PreviewPage)
    assert "Row 2: Saturday, 3 April 2021, Ana, Something else, 2 hours." in _texts(preview)
    qtbot.mouseClick(preview.continue_button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    confirm = wait_for_page(qtbot, ctx, preview, ConfirmPage)
    qtbot.mouseClick(confirm.continue_button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    wait_for_page(qtbot, ctx, confirm, DonePage)
    saved = ctx.call(activities.list_activities)
    assert sorted((a.date, a.minutes) for a in saved) == [
        (date(2021, 4, 3), 120),
        (date(2021, 5, 6), 90),
    ]


def test_a_time_kept_as_a_part_of_a_day_is_asked_about_with_an_example(
    qtbot: QtBot, open_app: Opener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, _window = open_app()
    rows = [["Date", "Time"], ["2021-03-04", 0.0625], ["2021-03-05", 0.5], ["2021-03-06", "?"]]
    _choose(monkeypatch, write_xlsx(tmp_path / "old.xlsx", {"Hours": rows}))
    start = _start(qtbot, ctx)
    qtbot.keyClick(start.continue_button, Qt.Key.Key_Return)  # type: ignore[arg-type]

    unit = wait_for_page(qtbot, ctx, start, TilePage)
    assert unit.heading.text() == "Are the numbers in \u201cTime\u201d hours or minutes?"
    assert "part of a day" in unit.hint.text()
    days = unit.tiles.tiles[2]
    assert "0.0625 is 1 hour 30 minutes" in days.accessibleName()
    qtbot.keyClick(unit.tiles.tiles[0], Qt.Key.Key_Down)
    qtbot.keyClick(unit.tiles.tiles[1], Qt.Key.Key_Down)
    assert days.hasFocus()
    qtbot.keyClick(days, Qt.Key.Key_Space)

    preview = wait_for_page(qtbot, ctx, unit, PreviewPage)
    assert "1 hour 30 minutes." in _texts(preview)
    assert "12 hours." in _texts(preview)
    assert "Row 4: " in _texts(preview)
    qtbot.keyClick(preview.continue_button, Qt.Key.Key_Return)  # type: ignore[arg-type]
    confirm = wait_for_page(qtbot, ctx, preview, ConfirmPage)
    qtbot.keyClick(confirm.continue_button, Qt.Key.Key_Return)  # type: ignore[arg-type]
    done = wait_for_page(qtbot, ctx, confirm, DonePage)
    assert done.saved.text().startswith(
        "Added 2 time entries and 0 costs. 1 row could not be used."
    )
    saved = ctx.call(activities.list_activities)
    assert sorted((a.date, a.minutes) for a in saved) == [
        (date(2021, 3, 4), 90),
        (date(2021, 3, 5), 12 * 60),
    ]


def test_a_file_that_is_not_a_sheet_is_explained_on_the_page(
    qtbot: QtBot, open_app: Opener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, _window = open_app()
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    _choose(monkeypatch, picture)
    start = _start(qtbot, ctx)
    qtbot.keyClick(start.continue_button, Qt.Key.Key_Return)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: start.errors.isVisible())
    assert "not a spreadsheet" in " ".join(link.text() for link in start.errors.links)
    assert current(ctx) is start
