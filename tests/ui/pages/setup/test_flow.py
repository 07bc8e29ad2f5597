"""First-run set-up: one question a page, and a name is needed."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop_app.model import PaymentChoice, Role
from desktop_app.services import profile
from tests.helpers.page_tour import visit_setup
from tests.helpers.screens import Opener, wait_for_page
from ui.pages.home import HomePage


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
