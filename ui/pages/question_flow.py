"""What "Add my time" and "Add an expense" share: one question a page, then a check
page with a Change link for each answer, then a page that says what was saved."""

from __future__ import annotations

from collections.abc import Callable

from ui.context import AppContext
from ui.pages.add_time.check import CheckPage, DonePage


class QuestionFlow:
    """Moves between the questions, the check page and the done page.

    A flow says which question comes ``next()``, fills the check page in
    ``refresh_check()``, keeps its answers in ``save_draft()`` and saves in ``save()``.
    """

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.check: CheckPage | None = None

    def next(self) -> None:
        raise NotImplementedError

    def refresh_check(self) -> None:
        raise NotImplementedError

    def save_draft(self) -> None:
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError

    def answered(self) -> None:
        """After each answer: keep the draft, then back to the check page if it was
        open (for a Change link), or on to the next question."""
        self.save_draft()
        if self.check is not None and self.check not in self.ctx.nav.pages:
            self.check = None  # left by Back: the answers go on from here
        if self.check is not None:
            self.ctx.nav.back_to(self.check)
            self.refresh_check()
        else:
            self.next()

    def show_check(self, title: str, save_text: str) -> None:
        self.check = CheckPage(title, save_text)
        assert self.check.continue_button is not None
        self.check.connect_kept(self.check.continue_button.clicked, self.save)
        self.refresh_check()
        self.ctx.nav.push(self.check)

    def done(
        self, draft_name: str, title: str, saved: str, again_text: str, on_again: Callable[[], None]
    ) -> None:
        """After saving: forget the draft, tell the pages, and say what was saved."""
        self.ctx.drafts.clear(draft_name)
        self.ctx.changed()
        self.check = None
        self.ctx.nav.home()
        self.ctx.nav.push(
            DonePage(title, saved, again_text, on_again=on_again, on_home=self.ctx.nav.home)
        )
