"""The coordinator's review list: only what was chosen is decided, and a row reads whole."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.model import Activity, ActivityKind, Expense, ReviewStatus, Role
from desktop_app.services import activities, profile, projects, review
from desktop_app.settings import Preferences
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener, wait_for_page, wait_until_still
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.pages.coordinator.review import ReviewPage
from ui.pages.coordinator.review_detail import ReviewDetailPage
from ui.pages.coordinator.review_table import Column

LONG_NOTE = (
    "Ten hours over two days: I read all forty survey answers, wrote up the themes for the "
    "team, and met the nurse lead twice to check the wording of the new questions."
)
QUESTION = "Ten hours is a lot for one entry. Was some of this done in June instead?"


def _open(qtbot: QtBot, open_app: Opener) -> tuple[AppContext, MainWindow, str, str]:
    """The demo project for a coordinator, plus a second project with one 10-hour entry
    that has just been questioned. Returns its id and its partner's name."""
    ctx, window = open_app("coordinator-demo")
    sleep = ctx.call(projects.create_project, name="Sleep study")
    partner = ctx.call(profile.people, Role.PARTNER)[1]
    entry = ctx.call(
        activities.record_activity,
        date=date(2023, 11, 2),
        minutes=600,
        kind=ActivityKind.REVIEWING,
        note=LONG_NOTE,
        project_id=sleep.id,
        person_id=partner.id,
        status=ReviewStatus.SUBMITTED,
    )
    ctx.call(review.review, [entry.id], review.Decision.QUERY, note=QUESTION)
    return ctx, window, entry.id, partner.display_name


def _review_page(qtbot: QtBot, ctx: AppContext) -> ReviewPage:
    visit(ctx, "coordinator-review")
    return wait_for_page(qtbot, ctx, kind=ReviewPage)


def _statuses(ctx: AppContext) -> dict[str, tuple[str, str]]:
    """Every entry's status and the coordinator's note, straight from the records."""

    def read(session):  # type: ignore[no-untyped-def]
        return {
            entry.id: (entry.status.value, entry.status_note)
            for table in (Activity, Expense)
            for entry in session.query(table).filter(table.deleted_at.is_(None))
        }

    return ctx.call(read)


def _view_row(page: ReviewPage, entry_id: str) -> int:
    rows = page.proxy.shown_rows()
    return next(n for n, row in enumerate(rows) if row.id == entry_id)


def _cell(page: ReviewPage, view_row: int, column: Column = Column.PARTNER) -> QModelIndex:
    index = page.proxy.index(view_row, column)
    page.table.scrollTo(index)
    return index


def _click_row(
    qtbot: QtBot,
    page: ReviewPage,
    view_row: int,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    rect = page.table.visualRect(_cell(page, view_row))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def _double_click_row(qtbot: QtBot, page: ReviewPage, view_row: int) -> None:
    """Two clicks in a row, as a mouse sends them: press, release, double-click."""
    where = page.table.visualRect(_cell(page, view_row)).center()
    viewport = page.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=where)


def _chosen(page: ReviewPage) -> list[int]:
    return sorted(i.row() for i in page.table.selectionModel().selectedRows())


def _problems(page: ReviewPage) -> list[str]:
    """The problems listed at the top of the page."""
    return [link.text() for link in page.errors.links] if page.errors.isVisible() else []


def _pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Choose ``text`` in a drop-down list with the arrow keys, as a person would."""
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def _answer_with_keys(qtbot: QtBot, keys: list[Qt.Key]) -> Callable[[], list[str]]:
    """Wait for the real Yes/No question, note what it asks, then press ``keys`` in it."""
    asked: list[str] = []
    timer = QTimer()

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            return
        if asked:  # the keys did not answer it: close it, so the test fails, not hangs
            asked.append("still open after the keys")
            box.reject()
            return
        asked.append(box.text())
        asked.append(box.informativeText())
        for key in keys:
            qtbot.keyClick(box.focusWidget() or box, key)

    timer.timeout.connect(look)
    timer.start(20)
    return lambda: (timer.stop(), asked)[1]


def test_the_models_are_sound(qtbot: QtBot, open_app: Opener, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    ctx, _window, _entry, _name = _open(qtbot, open_app)
    page = _review_page(qtbot, ctx)
    assert page.model.rowCount() > 10
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)


def test_nothing_is_chosen_when_the_list_opens(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window, _entry, _name = _open(qtbot, open_app)
    page = _review_page(qtbot, ctx)
    assert _chosen(page) == []
    assert page.count.text().startswith("0 chosen")
    before = _statuses(ctx)
    page.approve.click()
    assert _problems(page) == ["Choose at least one entry in the list."]
    assert _statuses(ctx) == before


def test_a_double_click_opens_the_entry_and_decides_nothing(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window, entry_id, name = _open(qtbot, open_app)
    page = _review_page(qtbot, ctx)
    before = _statuses(ctx)
    _double_click_row(qtbot, page, _view_row(page, entry_id))
    detail = wait_for_page(qtbot, ctx, page, ReviewDetailPage)
    answers = [label.text() for label in detail.card.findChildren(QLabel)]
    assert detail.heading.text() == f"Time entry from {name}"
    assert LONG_NOTE in answers and QUESTION in answers and "Sleep study" in answers
    assert "10 hours" in answers
    assert _statuses(ctx) == before  # nothing approved, the question is still there

    qtbot.keyClick(detail, Qt.Key.Key_Escape)  # back to the list
    page = wait_for_page(qtbot, ctx, detail, ReviewPage)
    _click_row(qtbot, page, _view_row(page, entry_id))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    detail = wait_for_page(qtbot, ctx, page, ReviewDetailPage)
    assert detail.row.id == entry_id
    assert _statuses(ctx) == before


def test_approving_one_leaves_nothing_chosen(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window, questioned, _name = _open(qtbot, open_app)
    page = _review_page(qtbot, ctx)
    before = _statuses(ctx)
    first = page.proxy.shown_rows()[0]
    _click_row(qtbot, page, 0)
    assert page.count.text().startswith("1 chosen")
    assert page.detail.row == first  # the chosen entry shows in full below the list
    qtbot.mouseClick(page.approve, Qt.MouseButton.LeftButton)

    after = _statuses(ctx)
    assert after[first.id][0] == "approved"
    assert {k: v for k, v in after.items() if k != first.id} == {
        k: v for k, v in before.items() if k != first.id
    }
    assert page.done.text() == f"Approved 1 entry from {first.person}."
    assert _chosen(page) == []
    assert page.count.text().startswith("0 chosen")
    assert page.detail.row is None
    # A second click on Approve decides nothing: no other entry was chosen for it.
    qtbot.mouseClick(page.approve, Qt.MouseButton.LeftButton)
    assert _problems(page) == ["Choose at least one entry in the list."]
    assert _statuses(ctx) == after
    assert after[questioned] == ("queried", QUESTION)


# The offscreen platform cannot pass a dialog's size limits on to a window manager.
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_choosing_all_asks_before_approving_and_no_changes_nothing(
    qtbot: QtBot, open_app: Opener
) -> None:
    ctx, _window, _entry, _name = _open(qtbot, open_app)
    page = _review_page(qtbot, ctx)
    before = _statuses(ctx)
    shown = page.proxy.rowCount()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert page.count.text().startswith(f"{shown} chosen out of {shown} entries")

    # The real question, answered with the keyboard: Enter gives No, the safe answer.
    asked = _answer_with_keys(qtbot, [Qt.Key.Key_Return])
    qtbot.mouseClick(page.approve, Qt.MouseButton.LeftButton)
    question, details = asked()
    assert question == f"Approve {shown} entries?"
    assert details.startswith("They are from ")
    assert _statuses(ctx) == before
    assert page.done.text() == ""
    assert len(_chosen(page)) == shown  # the choice is kept, to change it

    # Escape is No too.
    asked = _answer_with_keys(qtbot, [Qt.Key.Key_Escape])
    qtbot.mouseClick(page.approve, Qt.MouseButton.LeftButton)
    assert asked()[0] == f"Approve {shown} entries?"
    assert _statuses(ctx) == before


def test_yes_approves_the_chosen_entries_and_says_from_whom(
    qtbot: QtBot, open_app: Opener, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, _window, questioned, _name = _open(qtbot, open_app)
    page = _review_page(qtbot, ctx)
    asked: list[str] = []
    monkeypatch.setattr(
        ReviewPage, "ask", classmethod(lambda cls, parent, q, d: asked.append(q) or True)
    )
    before = _statuses(ctx)
    rows = page.proxy.shown_rows()
    margaret = [n for n, row in enumerate(rows) if row.person == "Margaret O'Brien"][:2]
    _click_row(qtbot, page, margaret[0])
    _click_row(qtbot, page, margaret[1], Qt.KeyboardModifier.ControlModifier)
    assert page.count.text().startswith("2 chosen")
    qtbot.mouseClick(page.approve, Qt.MouseButton.LeftButton)
    assert asked == ["Approve 2 entries?"]
    assert page.done.text() == "Approved 2 entries from Margaret O'Brien."
    after = _statuses(ctx)
    approved = {k for k, v in after.items() if v[0] == "approved" and before[k][0] != "approved"}
    assert approved == {rows[n].id for n in margaret}
    assert after[questioned] == ("queried", QUESTION)
    assert _chosen(page) == []


def test_not_accepting_needs_a_reason(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window, _entry, _name = _open(qtbot, open_app)
    page = _review_page(qtbot, ctx)
    before = _statuses(ctx)
    first = page.proxy.shown_rows()[0]
    _click_row(qtbot, page, 0)
    qtbot.mouseClick(page.reject, Qt.MouseButton.LeftButton)
    field = page.field("note")
    assert field is not None and field.has_error()
    assert field.error.text() == "Write why you do not accept them."
    assert _statuses(ctx) == before
    assert _chosen(page) == [0]  # still chosen, to try again

    qtbot.mouseClick(page.note, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.note, "This was before the project started.")
    qtbot.mouseClick(page.reject, Qt.MouseButton.LeftButton)
    assert _statuses(ctx)[first.id] == ("rejected", "This was before the project started.")
    assert page.done.text() == f"Did not accept 1 entry from {first.person}."
    assert not field.has_error() and page.note.toPlainText() == ""
    assert _chosen(page) == []


def test_a_rejection_can_be_undone_from_the_list_with_the_keyboard(
    qtbot: QtBot, open_app: Opener
) -> None:
    ctx, _window, _entry, _name = _open(qtbot, open_app)
    page = _review_page(qtbot, ctx)
    first = page.proxy.shown_rows()[0]
    before = _statuses(ctx)[first.id]
    _click_row(qtbot, page, 0)
    qtbot.mouseClick(page.note, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.note, "Not part of this project.")
    qtbot.mouseClick(page.reject, Qt.MouseButton.LeftButton)
    assert _statuses(ctx)[first.id] == ("rejected", "Not part of this project.")
    assert page.undo.isVisible()

    page.undo.setFocus()
    qtbot.waitUntil(page.undo.hasFocus)
    qtbot.keyClick(page.undo, Qt.Key.Key_Space)
    assert _statuses(ctx)[first.id] == before
    assert page.done.text() == "The entry is back in the list."
    assert not page.undo.isVisible()
    assert first.id in [row.id for row in page.proxy.shown_rows()]


def test_the_question_and_the_partners_note_have_their_own_columns(
    qtbot: QtBot, open_app: Opener
) -> None:
    ctx, _window, entry_id, name = _open(qtbot, open_app)
    page = _review_page(qtbot, ctx)
    row = _view_row(page, entry_id)

    def text(column: Column) -> str:
        return str(page.proxy.index(row, column).data())

    assert (text(Column.PROJECT), text(Column.PARTNER)) == ("Sleep study", name)
    assert (text(Column.NOTE), text(Column.QUESTION)) == (LONG_NOTE, QUESTION)


def test_clicking_a_header_sorts_the_list(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window, _entry, _name = _open(qtbot, open_app)
    page = _review_page(qtbot, ctx)
    header = page.table.horizontalHeader()

    def click(column: Column) -> None:
        page.table.scrollTo(page.proxy.index(0, column))
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        where = header.viewport().rect().center()
        where.setX(x)
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)

    dates = [row.date for row in page.proxy.shown_rows()]
    assert dates == sorted(dates)  # oldest first when the list opens
    click(Column.PARTNER)
    names = [row.person.casefold() for row in page.proxy.shown_rows()]
    assert names == sorted(names)
    click(Column.PARTNER)
    names = [row.person.casefold() for row in page.proxy.shown_rows()]
    assert names == sorted(names, reverse=True)
    click(Column.AMOUNT)
    times = [row.minutes for row in page.proxy.shown_rows() if row.type == "time"]
    assert times == sorted(times) and times[-1] == 600


def test_filters_show_one_project_and_one_partner(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window, entry_id, name = _open(qtbot, open_app)
    page = _review_page(qtbot, ctx)
    everything = page.proxy.rowCount()
    assert page.filters.project.currentText() == "All"
    _pick(qtbot, page.filters.project, "Sleep study")
    assert [row.id for row in page.proxy.shown_rows()] == [entry_id]
    assert page.count.text() == "0 chosen out of 1 entry in the list."

    _pick(qtbot, page.filters.project, "All")
    assert page.proxy.rowCount() == everything
    _pick(qtbot, page.filters.partner, name)
    shown = page.proxy.shown_rows()
    assert shown and {row.person for row in shown} == {name}
    assert entry_id in {row.id for row in shown}
    # Ctrl+A chooses only what the filter shows.
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert page.chosen_ids() == [row.id for row in shown]
    # Changing the filter starts the choice again, so nothing hidden stays chosen.
    _pick(qtbot, page.filters.partner, "All")
    assert _chosen(page) == []


def test_at_200_percent_the_detail_below_shows_the_whole_row(
    qtbot: QtBot, open_app: Opener
) -> None:
    ctx, window, entry_id, name = _open(qtbot, open_app)
    window.resize(1024, 768)
    ctx.settings.set(Preferences.text_scale, 2.0)
    ctx.restyle()
    try:
        page = _review_page(qtbot, ctx)
        assert page.table.height() >= page.table.minimumSizeHint().height()
        _click_row(qtbot, page, _view_row(page, entry_id))
        wait_until_still(qtbot, page)
        pane = page.detail
        assert pane.row is not None and pane.row.id == entry_id
        assert pane.geometry().top() > page.table.geometry().bottom()  # below the list
        page.keep_in_view(pane)
        wait_until_still(qtbot, page)
        viewport = page.scroll.viewport()
        labels = [w for w in pane.findChildren(QLabel) if w.isVisibleTo(pane)]
        texts = [w.text() for w in labels]
        assert f"Time entry from {name}" in texts
        for whole in ("Sleep study", LONG_NOTE, QUESTION, "10 hours", "2 November 2023"):
            assert any(whole in t for t in texts), whole
        for label in labels:
            left = label.mapTo(viewport, label.rect().topLeft()).x()
            assert left >= 0 and left + label.width() <= viewport.width(), label.text()
            assert label.wordWrap() and label.heightForWidth(label.width()) <= label.height() + 1
    finally:
        ctx.settings.restore_defaults()


def test_an_entry_another_coordinator_decided_first_is_shown_again_not_overwritten(
    qtbot: QtBot, open_app: Opener
) -> None:
    ctx, _window, entry_id, _name = _open(qtbot, open_app)
    page = _review_page(qtbot, ctx)
    row = _view_row(page, entry_id)
    _click_row(qtbot, page, row)
    assert _chosen(page) == [row]
    # Meanwhile, on another computer, a second coordinator approves the same entry.
    ctx.call(review.review, [entry_id], review.Decision.APPROVE)
    qtbot.mouseClick(page.reject, Qt.MouseButton.LeftButton)  # needs a note first
    page.note.setFocus()
    qtbot.keyClicks(page.note, "Not part of this project.")
    qtbot.mouseClick(page.reject, Qt.MouseButton.LeftButton)
    problems = _problems(page)
    assert len(problems) == 1 and problems[0].startswith("Someone else changed this first")
    assert _statuses(ctx)[entry_id] == ("approved", "")  # their decision stands
    assert entry_id not in [r.id for r in page.proxy.shown_rows()]  # the list shows it
