"""Reflections: written down, and kept private unless the partner shares them."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop_app.services import reflections
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener


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
