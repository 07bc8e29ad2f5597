"""A page of the partner's own things: an Add button, then a card for each of them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop_app.i18n import _
from ui.context import AppContext
from ui.widgets.buttons import PrimaryButton
from ui.widgets.card_column import CardColumn
from ui.widgets.page import Page


class ListPage(Page):
    """Shows the cards afresh each time the page is shown; ``reload()`` makes them."""

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        intro: str,
        add_text: str,
        on_add: Callable[[], object],
        empty_text: str,
    ) -> None:
        super().__init__(title, intro, back_text=_("Back to home"))
        self.ctx = ctx
        self.add_button = PrimaryButton(add_text)
        self.add_button.clicked.connect(on_add)
        self.body.addWidget(self.add_button)
        self.list_box = CardColumn(empty_text)
        self.body.addLayout(self.list_box)

    def first_focus(self) -> QWidget | None:
        return self.add_button

    def on_shown(self) -> None:
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError
