"""Adding a product: engagement asked in everyday words, and the product saved with my part."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop_app.services import products, profile
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener, current


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
