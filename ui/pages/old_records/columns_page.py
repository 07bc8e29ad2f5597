"""The columns, shown only when the guess is unsure: which column holds what."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QWidget

from desktop_app.i18n import _
from desktop_app.sheets import Field, Plan
from desktop_app.sheets.columns import FIELD_NAMES
from ui.widgets.fields import LabelledField, narrow
from ui.widgets.page import Page

#: The fields asked about, in the order people think of them.
ASKED = (
    Field.DATE,
    Field.HOURS,
    Field.MINUTES,
    Field.TIME,
    Field.KIND,
    Field.NOTE,
    Field.PERSON,
    Field.AMOUNT,
)


class ColumnsPage(Page):
    def __init__(self, plan: Plan, on_answer: Callable[[dict[Field, str | None]], None]) -> None:
        super().__init__(
            _("Which column holds what?"),
            _("We guessed. Check each one, and change it if it is wrong."),
            continue_text=_("Continue"),
            back_text="",
        )
        self.on_answer = on_answer
        self.combos: dict[Field, QComboBox] = {}
        headers = [h for h in plan.columns.header if h]
        for wanted in ASKED:
            combo = narrow(QComboBox(), 16)
            combo.addItem(_("No column"), None)
            for header in headers:
                combo.addItem(header, header)
            chosen = plan.columns.header_of(wanted)
            if chosen:
                combo.setCurrentIndex(combo.findData(chosen))
            self.add_field(wanted.value, LabelledField(_(FIELD_NAMES[wanted]), combo))
            self.combos[wanted] = combo
        assert self.continue_button is not None
        self.connect_kept(self.continue_button.clicked, self._answer)
        self.set_tab_order(list(self.combos.values()))

    def _answer(self) -> None:
        chosen = {wanted: combo.currentData() for wanted, combo in self.combos.items()}
        if not chosen[Field.DATE]:
            self.show_problems([(Field.DATE.value, _("Choose the column with the dates."))])
            return
        self.on_answer(chosen)

    def first_focus(self) -> QWidget | None:
        return self.combos[Field.DATE]
