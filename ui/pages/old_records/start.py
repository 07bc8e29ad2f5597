"""The first page: what bringing in old records does, and the button to choose a file."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.i18n import _
from ui.widgets.page import Page


class StartPage(Page):
    def __init__(self, on_choose: Callable[[], None]) -> None:
        super().__init__(
            _("Bring in old records"),
            _("Add the time you kept in a spreadsheet, so you do not type it again."),
            continue_text=_("Choose the file"),
            back_text="",
        )
        for text in (
            _("You can use a CSV, Excel or OpenDocument file."),
            _("You see every row before anything is saved."),
            _("A backup is made first, and you can undo it after."),
        ):
            label = QLabel(text)
            label.setWordWrap(True)
            self.body.addWidget(label)
        assert self.continue_button is not None
        self.connect_kept(self.continue_button.clicked, on_choose)
        self.set_tab_order([])

    def first_focus(self) -> QWidget | None:
        return self.continue_button
