"""One entry in full, with Change and Delete (and Undo on the records page)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.errors import InvalidInput
from desktop_app.i18n import _
from desktop_app.labels import label
from desktop_app.model import ReviewStatus
from desktop_app.services import activities, corrections, expenses
from desktop_app.services.records import TIME, EntryRow
from ui.context import AppContext
from ui.formatting import day_words, duration_words, money
from ui.widgets.buttons import PrimaryButton, SecondaryButton
from ui.widgets.page import Page
from ui.widgets.summary_card import SummaryCard


class EntryDetailPage(Page):
    def __init__(
        self,
        ctx: AppContext,
        entry: EntryRow,
        on_deleted: Callable[[str, object], None],
        to_delete: bool = False,
    ) -> None:
        """``to_delete``: opened by the Delete key, so the keyboard starts on Delete."""
        is_time = entry.type == TIME
        super().__init__(_("Time entry") if is_time else _("Expense"), back_text="")
        self.ctx = ctx
        self.entry = entry
        self.on_deleted = on_deleted
        self.to_delete = to_delete
        card = SummaryCard(self._facts())
        self.body.addWidget(card)
        locked = entry.status == ReviewStatus.PAID.value
        self.change_button = PrimaryButton(_("Change this entry"))
        self.delete_button = SecondaryButton(_("Delete this entry"))
        self.change_button.setEnabled(not locked)
        self.delete_button.setEnabled(not locked)
        if locked:
            note = QLabel(
                _(
                    "This entry has been paid, so it cannot be changed. Ask your "
                    "coordinator if something is wrong."
                )
            )
            note.setWordWrap(True)
            self.body.addWidget(note)
        self.body.addWidget(self.change_button)
        self.body.addWidget(self.delete_button)
        self.change_button.clicked.connect(self._change)
        self.delete_button.clicked.connect(self._delete)
        self.set_tab_order([self.change_button, self.delete_button])

    def first_focus(self) -> QWidget | None:
        if not self.change_button.isEnabled():
            return self.back_button
        return self.delete_button if self.to_delete else self.change_button

    def _facts(self) -> list[tuple[str, str]]:
        if self.entry.type == TIME:
            activity = self.ctx.call(activities.get_activity, self.entry.id)
            facts = [
                (_("What you did"), label(activity.kind)),
                (_("When"), day_words(activity.date)),
                (_("How long"), duration_words(activity.minutes)),
                (_("Time getting ready"), duration_words(activity.prep_minutes)),
                (_("Travel time"), duration_words(activity.travel_minutes)),
                (_("Note"), activity.note or _("No note")),
                (_("Status"), label(activity.status)),
            ]
            status, status_note = activity.status, activity.status_note
        else:
            expense = self.ctx.call(expenses.get_expense, self.entry.id)
            facts = [
                (_("What it was for"), label(expense.category)),
                (_("When"), day_words(expense.date)),
                (_("How much"), money(expense.amount_minor, expense.currency)),
                (_("Receipt"), _("Yes") if expense.receipt_path else _("No")),
                (_("Note"), expense.note or _("No note")),
                (_("Status"), label(expense.status)),
            ]
            status, status_note = expense.status, expense.status_note
        if status == ReviewStatus.REJECTED:
            facts.append(
                (
                    _("Why it was not accepted"),
                    status_note or _("Your coordinator did not say. You can ask them."),
                )
            )
        elif status_note:
            facts.append((_("Note from your coordinator"), status_note))
        for answer in self.ctx.call(corrections.answers_for_entry, self.entry.id):
            facts.append((_("About your change"), answer))
        return facts

    def _change(self) -> None:
        if self.entry.type == TIME:
            from ui.pages.add_time.answers import TimeAnswers
            from ui.pages.add_time.flow import AddTimeFlow

            activity = self.ctx.call(activities.get_activity, self.entry.id)
            answers = TimeAnswers(
                kind=activity.kind.value,
                day=activity.date.isoformat(),
                minutes=activity.minutes,
                prep_minutes=activity.prep_minutes,
                travel_minutes=activity.travel_minutes,
                project_id=activity.project_id,
                note=activity.note,
                product_id=activity.products[0].id if activity.products else None,
                editing_id=activity.id,
            )
            AddTimeFlow(self.ctx, answers).start()
        else:
            from ui.pages.expenses import change_expense

            change_expense(self.ctx, self.entry.id)

    def _delete(self) -> None:
        is_time = self.entry.type == TIME
        delete = activities.delete_activity if is_time else expenses.delete_expense
        undo = activities.undo_delete_activity if is_time else expenses.undo_delete_expense
        try:
            self.ctx.call(delete, self.entry.id)
        except InvalidInput as problem:
            self.show_failure(problem)
            return
        self.ctx.changed()
        ctx, entry_id, on_deleted = self.ctx, self.entry.id, self.on_deleted
        message = _("The entry is deleted.") if is_time else _("The expense is deleted.")
        ctx.nav.back()
        on_deleted(message, lambda: ctx.call(undo, entry_id))
