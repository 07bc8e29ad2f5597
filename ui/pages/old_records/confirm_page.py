"""Confirm: what will be saved, said once more, and the new partners to add (if any)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.i18n import _, ngettext
from desktop_app.sheets import Plan
from desktop_app.sheets.apply import new_people_words
from ui.widgets.check_box import CheckBox
from ui.widgets.fields import LabelledField
from ui.widgets.page import Page


def will_add_words(plan: Plan) -> str:
    times = sum(1 for r in plan.new_rows if r.has_time and not r.time_here)
    costs = sum(1 for r in plan.new_rows if r.has_cost and not r.cost_here)
    return _("{times} and {costs} will be added to your records.").format(
        times=ngettext("{n} time entry", "{n} time entries", times).format(n=times),
        costs=ngettext("{n} cost", "{n} costs", costs).format(n=costs),
    )


class ConfirmPage(Page):
    def __init__(self, plan: Plan, on_confirm: Callable[[bool], None]) -> None:
        super().__init__(
            _("Add these records?"),
            continue_text=_("Add them to my records"),
            back_text="",
        )
        self.plan = plan
        for text in (
            will_add_words(plan),
            _("A backup is made first. You can undo this after."),
        ):
            line = QLabel(text)
            line.setWordWrap(True)
            self.body.addWidget(line)
        # A child of the page even when it is not asked (see open_files.PreviewPage).
        self.add_people = CheckBox(_("Yes, add them as partners"), self)
        if plan.new_people:
            self.add_field(
                "people", LabelledField(new_people_words(plan.new_people), self.add_people)
            )
        else:
            self.add_people.hide()
        self.on_confirm = on_confirm
        assert self.continue_button is not None
        self.connect_kept(self.continue_button.clicked, self._confirm)
        self.set_tab_order([self.add_people] if self.plan.new_people else [])

    def _confirm(self) -> None:
        if self.plan.new_people and not self.add_people.isChecked():
            self.show_problems([("people", _("Tick the box to add these partners, or go back."))])
            return
        self.on_confirm(bool(self.plan.new_people))

    def first_focus(self) -> QWidget | None:
        return self.add_people if self.plan.new_people else self.continue_button
