"""Done: what was added, and Undo for when it was the wrong sheet."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop_app.i18n import _, ngettext
from desktop_app.sheets import ImportDone, UndoDone
from ui.widgets.buttons import PrimaryButton, SecondaryButton
from ui.widgets.page import Page


def added_words(done: ImportDone) -> str:
    text = _("Added {times} and {costs}.").format(
        times=ngettext("{n} time entry", "{n} time entries", done.activities).format(
            n=done.activities
        ),
        costs=ngettext("{n} cost", "{n} costs", done.expenses).format(n=done.expenses),
    )
    if done.already_here:
        text += " " + ngettext(
            "{n} was already here.", "{n} were already here.", done.already_here
        ).format(n=done.already_here)
    if done.skipped:
        text += " " + ngettext(
            "{n} row could not be used.", "{n} rows could not be used.", done.skipped
        ).format(n=done.skipped)
    if done.backup is not None:
        text += " " + _("A backup was made first.")
    return text


def undone_words(done: UndoDone) -> str:
    return _("Taken out: {times} and {costs}.").format(
        times=ngettext("{n} time entry", "{n} time entries", done.activities).format(
            n=done.activities
        ),
        costs=ngettext("{n} cost", "{n} costs", done.expenses).format(n=done.expenses),
    )


class DonePage(Page):
    def __init__(
        self, done: ImportDone, on_undo: Callable[[], None], on_home: Callable[[], None]
    ) -> None:
        super().__init__(_("Your old records are in"))
        panel = QFrame()
        panel.setProperty("role", "banner")
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(20, 16, 20, 16)
        self.saved = QLabel(added_words(done))
        self.saved.setWordWrap(True)
        self.saved.setProperty("role", "h2")
        inner.addWidget(self.saved)
        self.body.addWidget(panel)
        self.home_button = PrimaryButton(_("Go to home"))
        self.undo_button = SecondaryButton(_("Undo: take them out again"))
        self.connect_kept(self.home_button.clicked, on_home)
        self.connect_kept(self.undo_button.clicked, on_undo)
        self.body.addWidget(self.home_button)
        self.body.addWidget(self.undo_button)
        self.undo_button.setVisible(bool(done.activities or done.expenses))
        self.set_tab_order([self.home_button, self.undo_button])

    def show_undone(self, done: UndoDone) -> None:
        self.set_heading(_("They are taken out again"))
        self.saved.setText(undone_words(done))
        self.undo_button.hide()
        self.home_button.setFocus()

    def first_focus(self) -> QWidget | None:
        return self.home_button
