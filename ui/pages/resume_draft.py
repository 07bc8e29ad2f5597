"""Offer to carry on with a form that was not finished (after closing or a crash)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop_app.i18n import _
from ui.widgets.buttons import PrimaryButton, SecondaryButton
from ui.widgets.page import Page


class ResumeDraftPage(Page):
    def __init__(
        self,
        title: str,
        text: str,
        on_resume: Callable[[], None],
        on_restart: Callable[[], None],
    ) -> None:
        super().__init__(title, text, back_text="")
        self.resume_button = PrimaryButton(_("Yes, carry on"))
        self.restart_button = SecondaryButton(_("No, start again"))
        self.connect_kept(self.resume_button.clicked, on_resume)
        self.connect_kept(self.restart_button.clicked, on_restart)
        self.body.addWidget(self.resume_button)
        self.body.addWidget(self.restart_button)
        self.set_tab_order([self.resume_button, self.restart_button])

    def first_focus(self) -> QWidget | None:
        return self.resume_button
