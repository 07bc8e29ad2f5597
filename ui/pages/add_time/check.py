"""Check your answers (with a Change link for each) and the confirmation page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop_app.i18n import _
from ui.widgets.buttons import LinkButton, PrimaryButton, SecondaryButton
from ui.widgets.page import Page
from ui.widgets.summary_card import SummaryCard


@dataclass(frozen=True)
class AnswerRow:
    name: str
    question: str
    answer: str
    #: What Change does (open the page that asks again); what it returns is not used.
    change: Callable[[], object]
    change_text: str = ""


class CheckPage(Page):
    """Lists every answer with a Change link. ``Save`` is the main action."""

    def __init__(self, title: str, save_text: str) -> None:
        super().__init__(title, continue_text=save_text, back_text="")
        self.card = SummaryCard()
        self.body.addWidget(self.card)
        self.links: dict[str, LinkButton] = {}

    def set_rows(self, rows: Sequence[AnswerRow]) -> None:
        self.card.clear()
        self.links = {}
        for row in rows:
            link = LinkButton(
                row.change_text or _("Change"),
                _("{action}: {question}").format(
                    action=row.change_text or _("Change"), question=row.question
                ),
            )
            link.setAccessibleDescription(row.answer)
            link.clicked.connect(row.change)
            self.card.add_row(row.question, row.answer, link)
            self.links[row.name] = link
        self.set_tab_order(list(self.links.values()))

    def first_focus(self) -> QWidget | None:
        return self.continue_button


class DonePage(Page):
    """Says exactly what was saved, and offers what to do next."""

    def __init__(
        self,
        title: str,
        saved: str,
        again_text: str,
        on_again: Callable[[], None],
        on_home: Callable[[], None],
    ) -> None:
        super().__init__(title)
        panel = QFrame()
        panel.setProperty("role", "banner")
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(20, 16, 20, 16)
        self.saved = QLabel(saved)
        self.saved.setWordWrap(True)
        self.saved.setProperty("role", "h2")
        inner.addWidget(self.saved)
        self.body.addWidget(panel)
        self.home_button = PrimaryButton(_("Go to home"))
        self.again_button = SecondaryButton(again_text)
        self.connect_kept(self.home_button.clicked, on_home)
        self.connect_kept(self.again_button.clicked, on_again)
        self.body.addWidget(self.home_button)
        self.body.addWidget(self.again_button)
        self.setAccessibleDescription(saved)
        self.set_tab_order([self.home_button, self.again_button])

    def first_focus(self) -> QWidget | None:
        return self.home_button
