"""First-run set-up, records (change, delete, undo), expenses, products, reflections, settings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.model import ActivityKind, PaymentChoice, Role
from desktop_app.services import activities, expenses, products, profile, reflections
from tests.helpers.screens import Opener, current, wait_for_page
from ui.page_tour import visit, visit_setup
from ui.pages.add_time.check import CheckPage, DonePage
from ui.pages.entry_detail import EntryDetailPage
from ui.pages.expenses import ReceiptPage
from ui.pages.home import HomePage
from ui.pages.records import RecordsPage
from ui.records_model import RecordsModel


def test_first_run_setup_asks_one_thing_at_a_time(qtbot: QtBot, open_app: Opener) -> None:
    ctx, window = open_app(None)
    page = visit_setup(ctx, "setup-5-text-size", on_done=window.show_home)
    page.control.bigger.click()  # type: ignore[attr-defined]
    assert ctx.settings.val.text_scale == 1.25
    assert page.continue_button is not None
    page.continue_button.click()
    wait_for_page(qtbot, ctx, leaving=page, kind=HomePage)
    me = ctx.call(profile.owner)
    assert (me.display_name, me.role, me.payment_choice) == (
        "Rosa Martinez",
        Role.PARTNER,
        PaymentChoice.PAID,
    )
    here = ctx.call(profile.installation)
    assert here is not None and here.role == Role.PARTNER


def test_setup_refuses_an_empty_name(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app(None)
    page = visit_setup(ctx, "setup-2-name")
    page.name.setText("   ")  # type: ignore[attr-defined]
    assert page.continue_button is not None
    page.continue_button.click()
    assert page.errors.isVisible()
    assert page.field("name").error.text() == "Enter your name."  # type: ignore[union-attr]
    assert ctx.call(profile.installation) is None


def test_records_change_then_delete_and_undo(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    ctx.call(activities.record_activity, date=date(2024, 3, 4), minutes=60, kind="meeting")
    records = visit(ctx, "records")
    assert isinstance(records, RecordsPage)
    assert records.model.is_month(0) and "March 2024" in records.model.data(
        records.model.index(0, 0)
    )
    records.open_button.click()
    detail = current(ctx)
    assert isinstance(detail, EntryDetailPage)
    detail.change_button.click()
    check = current(ctx)
    assert isinstance(check, CheckPage)
    check.links["minutes"].click()
    current(ctx).tiles.tile_for(90).click()  # type: ignore[attr-defined]
    check.continue_button.click()  # type: ignore[union-attr]
    assert isinstance(current(ctx), DonePage)
    (entry,) = ctx.call(activities.list_activities)
    assert entry.minutes == 90

    records = visit(ctx, "records")
    records.open_button.click()  # type: ignore[attr-defined]
    detail = current(ctx)
    detail.delete_button.click()  # type: ignore[attr-defined]
    assert wait_for_page(qtbot, ctx, leaving=detail) is records
    assert ctx.call(activities.list_activities) == []
    assert records.banner.isVisible() and records.undo_button.hasFocus()  # type: ignore
    records.undo_button.click()  # type: ignore[attr-defined]
    (restored,) = ctx.call(activities.list_activities)
    assert restored.minutes == 90


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


def test_an_expense_with_a_receipt(
    qtbot: QtBot, open_app: Opener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    receipt = tmp_path / "parking.pdf"
    receipt.write_bytes(b"%PDF-1.4 receipt")
    monkeypatch.setattr(ReceiptPage, "ask_for_file", classmethod(lambda cls, p: str(receipt)))
    ctx, _window = open_app()
    page = visit(ctx, "expense-3-amount")
    page.amount.setValue(12.5)  # type: ignore[attr-defined]
    page.continue_button.click()  # type: ignore[union-attr]
    current(ctx).choose.click()  # type: ignore[attr-defined]
    check = current(ctx)
    assert isinstance(check, CheckPage)
    check.continue_button.click()  # type: ignore[union-attr]
    assert isinstance(current(ctx), DonePage)
    (saved,) = ctx.call(expenses.list_expenses)
    assert (saved.amount_minor, saved.category.value) == (1250, "parking")
    assert (ctx.workspace.data_dir / saved.receipt_path).read_bytes() == b"%PDF-1.4 receipt"


def test_adding_a_product_asks_in_everyday_words(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    form = visit(ctx, "products-add")
    assert [t.choice.text for t in form.engagement.tiles] == [  # type: ignore[attr-defined]
        "I gave my views when asked",
        "I helped shape the work",
        "I shared decisions and leadership",
    ]
    form.continue_button.click()  # type: ignore[union-attr]
    assert form.errors.isVisible()
    form.title.setText("Sleep handout")  # type: ignore[attr-defined]
    form.engagement.tile_for("involvement").click()  # type: ignore[attr-defined]
    form.audiences["patients"].setChecked(True)  # type: ignore[attr-defined]
    form.role.setText("I checked the words")  # type: ignore[attr-defined]
    form.continue_button.click()  # type: ignore[union-attr]
    me = ctx.call(profile.owner)
    (made,) = ctx.call(products.list_products, person_id=me.id)
    assert (made.title, made.engagement.value, made.audiences) == (
        "Sleep handout",
        "involvement",
        ["patients"],
    )
    assert len(current(ctx).cards) == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("stop", "empty"),
    [
        ("products", "You have not added any products yet."),
        ("reflections", "You have not written any reflections yet."),
    ],
)
def test_an_empty_list_says_so_once_however_often_it_is_shown(
    qtbot: QtBot, open_app: Opener, stop: str, empty: str
) -> None:
    from PySide6.QtWidgets import QLabel

    ctx, _window = open_app()
    page = visit(ctx, stop)
    page.on_shown()  # coming back to the page, as from the form
    page.on_shown()

    def shown() -> list[QLabel]:
        return [w for w in page.findChildren(QLabel) if w.text() == empty and w.isVisibleTo(page)]

    qtbot.waitUntil(lambda: len(shown()) == 1)  # the replaced lines are gone, not hidden
    assert len(shown()) == 1


def test_a_reflection_stays_private_unless_shared(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    form = visit(ctx, "reflections-add")
    assert form.share.isChecked() is False  # type: ignore[attr-defined]
    form.domain.tile_for("trust").click()  # type: ignore[attr-defined]
    form.aspect.tile_for("helped").click()  # type: ignore[attr-defined]
    form.text.setPlainText("They listened.")  # type: ignore[attr-defined]
    form.continue_button.click()  # type: ignore[union-attr]
    (kept,) = ctx.call(reflections.list_reflections)
    assert (kept.shared, kept.domain.value, kept.text) == (False, "trust", "They listened.")


def test_settings_apply_live_and_save_details(qtbot: QtBot, open_app: Opener) -> None:
    from PySide6.QtWidgets import QApplication

    ctx, _window = open_app()
    page = visit(ctx, "settings")
    page.contrast.setChecked(True)  # type: ignore[attr-defined]
    assert "#000000" in QApplication.instance().styleSheet()  # type: ignore[union-attr]
    page.text_size.slider.setValue(4)  # type: ignore[attr-defined]
    assert QApplication.instance().font().pointSizeF() == 28.0  # type: ignore[union-attr]
    page.payment.setCurrentIndex(1)  # type: ignore[attr-defined]
    page.name.setText("")  # type: ignore[attr-defined]
    page.save_details.click()  # type: ignore[attr-defined]
    assert page.errors.isVisible()
    page.name.setText("Ana Souza-Lima")  # type: ignore[attr-defined]
    page.save_details.click()  # type: ignore[attr-defined]
    me = ctx.call(profile.owner)
    assert (me.display_name, me.payment_choice) == ("Ana Souza-Lima", PaymentChoice.DECLINED)
    ctx.settings.restore_defaults()
    ctx.restyle()


def test_home_figures_follow_new_entries(qtbot: QtBot, open_app: Opener, today: date) -> None:
    ctx, _window = open_app()
    home = current(ctx)
    assert isinstance(home, HomePage)
    ctx.call(activities.record_activity, date=today, minutes=90, kind=ActivityKind.MEETING)
    ctx.changed()
    qtbot.waitUntil(lambda: home.cards["total"].value.text() == "1.5")
    assert home.cards["meetings"].value.text() == "1"


def test_an_unfinished_expense_is_offered_again(qtbot: QtBot, open_app: Opener) -> None:
    from ui.pages.expenses import AmountPage
    from ui.pages.resume_draft import ResumeDraftPage

    ctx, window = open_app()
    visit(ctx, "expense-3-amount")  # category and day answered, then the window closes
    window.close()
    ctx.workspace.close()
    ctx, _window = open_app()
    current(ctx).actions["add_expense"].click()  # type: ignore[attr-defined]
    offer = current(ctx)
    assert isinstance(offer, ResumeDraftPage)
    offer.resume_button.click()
    assert isinstance(current(ctx), AmountPage)
