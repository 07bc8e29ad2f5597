"""A plain page for something that is not ready yet, so the Home button never dead-ends."""

from __future__ import annotations

from desktop_app.i18n import _
from ui.widgets.page import Page


class ComingSoonPage(Page):
    def __init__(self, title: str, text: str) -> None:
        super().__init__(title, text, back_text=_("Back to home"))
