"""Settings: contrast and text size apply at once; details are checked before saving."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop_app.model import PaymentChoice
from desktop_app.services import profile
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener


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
