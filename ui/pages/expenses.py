"""Add an expense: what it was for, when, how much, and an optional receipt."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop_app.errors import InvalidInput
from desktop_app.i18n import _, current_language
from desktop_app.labels import label
from desktop_app.model import ExpenseCategory
from desktop_app.services import amounts, expenses, profile, projects
from desktop_app.services.amounts import example, show_amount
from ui.context import AppContext
from ui.file_dialogs import FileDialogs
from ui.formatting import day_words
from ui.pages.add_time.check import AnswerRow
from ui.pages.add_time.steps import TilePage, WhenPage, project_page
from ui.pages.question_flow import QuestionFlow
from ui.pages.resume_draft import ResumeDraftPage
from ui.widgets.buttons import SecondaryButton
from ui.widgets.fields import LabelledField
from ui.widgets.money_field import MoneyField
from ui.widgets.page import Page
from ui.widgets.second_look import SecondLook
from ui.widgets.tiles import Choice

DRAFT_NAME = "add_expense"


class AmountPage(Page):
    """How much it cost, typed; a large amount is asked about again before moving on."""

    def __init__(
        self,
        currency: str,
        current: int | None,
        on_answer: Any,
        check_above: int | None = None,
    ) -> None:
        super().__init__(_("How much did it cost?"), continue_text="", back_text="")
        self.amount = MoneyField(currency)
        self.amount.set_amount(current)
        self.add_field(
            "amount",
            LabelledField(
                _("Amount"),
                self.amount,
                _("For example, {example}").format(example=example(self.amount.language)),
            ),
        )
        self.second_look = SecondLook()
        self.body.addWidget(self.second_look)
        self.second_look.confirmed.connect(self._confirmed)
        self.second_look.declined.connect(self.amount.edit.setFocus)
        self.amount.edit.textEdited.connect(lambda _text: self.second_look.dismiss())
        self._check_above = check_above
        assert self.continue_button is not None
        self.continue_button.clicked.connect(self._continue)
        self._answer = on_answer
        self.set_tab_order(
            [self.amount.edit, self.second_look, self.second_look.yes, self.second_look.no]
        )

    def _continue(self) -> None:
        try:
            cents = self.amount.amount()
        except InvalidInput as problem:
            self.second_look.dismiss()
            self.show_problems([("amount", problem.message)])
            return
        if cents <= 0:
            self.show_problems([("amount", _("Enter how much it cost."))])
            return
        self.clear_problems()
        if self._check_above is not None and cents > self._check_above:
            question = _("Is {amount} right?").format(amount=self.amount.shown(cents))
            self.second_look.ask(question, cents)
            return
        self._answer(cents)

    def _confirmed(self) -> None:
        cents = self.second_look.about
        self.second_look.dismiss()
        if isinstance(cents, int):
            self._answer(cents)

    def first_focus(self) -> QWidget | None:
        return self.amount.edit


class ReceiptPage(Page):
    def __init__(self, on_answer: Any) -> None:
        super().__init__(
            _("Do you have a receipt? (optional)"),
            _("A photo or a PDF of the receipt. A copy is kept with your records."),
            back_text="",
        )
        self.choose = SecondaryButton(_("Choose the receipt file"))
        self.skip = SecondaryButton(_("I do not have a receipt"))
        self.body.addWidget(self.choose)
        self.body.addWidget(self.skip)
        self.choose.clicked.connect(self._choose)
        self.skip.clicked.connect(lambda: on_answer(""))
        self._answer = on_answer
        self.set_tab_order([self.choose, self.skip])

    @classmethod
    def ask_for_file(cls, parent: QWidget) -> str:
        """Open the file chooser (tests replace this)."""
        return FileDialogs.open_one(
            parent,
            _("Choose the receipt"),
            _("Photos and PDFs") + " (*.pdf *.jpg *.jpeg *.png *.gif *.heic *.webp *.tif *.tiff)",
        )

    def _choose(self) -> None:
        name = self.ask_for_file(self)
        if name:
            self._answer(name)

    def first_focus(self) -> QWidget | None:
        return self.choose


class ExpenseFlow(QuestionFlow):
    def __init__(self, ctx: AppContext, editing_id: str | None = None) -> None:
        super().__init__(ctx)
        self.editing_id = editing_id
        project_list = ctx.call(projects.projects)
        self.projects = [(p.id, p.name) for p in project_list]
        self.currency = project_list[0].currency if project_list else "CAD"
        self.a: dict[str, Any] = {
            "category": None,
            "day": None,
            "amount": None,
            "receipt": None,
            "kept_receipt": "",
            "project_id": self.projects[0][0] if len(self.projects) == 1 else None,
        }
        if editing_id:
            expense = ctx.call(expenses.get_expense, editing_id)
            self.currency = expense.currency
            self.a.update(
                category=expense.category.value,
                day=expense.date,
                amount=expense.amount_minor,
                receipt="",
                kept_receipt=expense.receipt_path,
                project_id=expense.project_id,
            )

    def next(self) -> None:
        a = self.a
        if a["category"] is None:
            self._category_page()
        elif a["day"] is None:
            self.ctx.nav.push(WhenPage(a["day"], self._take("day")))
        elif a["amount"] is None:
            self._amount_page()
        elif a["project_id"] is None and self.projects:
            self.ctx.nav.push(project_page(self.projects, None, self._take("project_id")))
        elif a["receipt"] is None:
            self.ctx.nav.push(ReceiptPage(self._take("receipt")))
        else:
            self.show_check(_("Check your answers"), _("Save"))

    def _amount_page(self) -> None:
        """How much, with a second look above the project's amount for the category."""
        check_above = None
        category = self.a["category"]
        if category is not None and self.a["project_id"] is not None:
            check_above = self.ctx.call(
                expenses.expense_check_above, category, self.a["project_id"]
            )
        elif category is not None:  # the project is asked later: the usual amount
            check_above = amounts.check_above(category)
        self.ctx.nav.push(
            AmountPage(self.currency, self.a["amount"], self._take("amount"), check_above)
        )

    def _category_page(self) -> None:
        choices = [Choice(c.value, label(c)) for c in ExpenseCategory]
        self.ctx.nav.push(
            TilePage(
                _("What was the cost for?"), choices, self._take("category"), self.a["category"]
            )
        )

    def _take(self, name: str) -> Any:
        def take(value: Any) -> None:
            self.a[name] = value
            self.answered()

        return take

    def save_draft(self) -> None:
        if self.editing_id is None:
            state = {**self.a, "day": self.a["day"].isoformat() if self.a["day"] else None}
            self.ctx.drafts.save(DRAFT_NAME, state)

    def resume(self, state: dict[str, Any]) -> None:
        """Carry on with an unfinished expense kept as a draft."""
        for key in self.a:
            if key in state:
                self.a[key] = state[key]
        try:
            self.a["day"] = date.fromisoformat(state["day"]) if state.get("day") else None
            if self.a["category"] is not None:
                ExpenseCategory(self.a["category"])
        except (TypeError, ValueError):
            self.a.update(category=None, day=None)
        self.next()

    def refresh_check(self) -> None:
        assert self.check is not None
        a = self.a
        receipt = (
            Path(a["receipt"]).name
            if a["receipt"]
            else (_("Kept with your records") if a["kept_receipt"] else _("No receipt"))
        )
        self.check.set_rows(
            [
                AnswerRow(
                    "category",
                    _("What it was for"),
                    label(ExpenseCategory(a["category"])),
                    self._category_page,
                ),
                AnswerRow(
                    "date",
                    _("When"),
                    day_words(a["day"]),
                    lambda: self.ctx.nav.push(WhenPage(a["day"], self._take("day"))),
                ),
                AnswerRow(
                    "amount",
                    _("How much"),
                    show_amount(a["amount"], self.currency, current_language()),
                    self._amount_page,
                ),
                AnswerRow(
                    "receipt",
                    _("Receipt"),
                    receipt,
                    lambda: self.ctx.nav.push(ReceiptPage(self._take("receipt"))),
                ),
            ]
        )

    def save(self) -> None:
        assert self.check is not None
        a = self.a
        try:
            kept = a["kept_receipt"]
            if a["receipt"]:
                kept = expenses.keep_receipt(self.ctx.workspace.data_dir, Path(a["receipt"]))
            fields = {"date": a["day"], "category": a["category"], "amount_minor": a["amount"]}
            if self.editing_id:
                self.ctx.call(expenses.change_expense, self.editing_id, **fields)
                if kept != a["kept_receipt"]:
                    self.ctx.call(expenses.attach_receipt, self.editing_id, kept)
            else:
                self.ctx.call(profile.require_installation)
                self.ctx.call(
                    expenses.record_expense, receipt_path=kept, project_id=a["project_id"], **fields
                )
        except InvalidInput as problem:
            self.check.show_failure(problem)
            return
        saved = _("{category}, {day}, {amount}.").format(
            category=label(ExpenseCategory(a["category"])),
            day=day_words(a["day"]),
            amount=show_amount(a["amount"], self.currency, current_language()),
        )
        ctx = self.ctx

        def again() -> None:
            ctx.nav.home()
            start_expense(ctx)

        self.done(
            DRAFT_NAME,
            _("Your expense is saved"),
            saved,
            _("Add another expense"),
            on_again=again,
        )


def start_expense(ctx: AppContext) -> None:
    """Start "Add an expense", offering first to carry on with an unfinished one."""
    saved = ctx.drafts.load(DRAFT_NAME)
    if not saved or not any(saved.get(k) for k in ("category", "day", "amount")):
        ExpenseFlow(ctx).next()
        return

    def resume() -> None:
        ctx.nav.back()
        ExpenseFlow(ctx).resume(saved)

    def restart() -> None:
        ctx.drafts.clear(DRAFT_NAME)
        ctx.nav.back()
        ExpenseFlow(ctx).next()

    ctx.nav.push(
        ResumeDraftPage(
            _("You have an unfinished expense"),
            _(
                "You started adding an expense but did not save it. Do you want to carry on "
                "with it?"
            ),
            on_resume=resume,
            on_restart=restart,
        )
    )


def change_expense(ctx: AppContext, expense_id: str) -> None:
    ExpenseFlow(ctx, expense_id).next()
