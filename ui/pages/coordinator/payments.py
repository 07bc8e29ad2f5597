"""Payments and pay periods: what is owed, record what was paid, then close the period.

Before anything is paid the page shows, for the chosen project and dates, what each
partner is owed (``owed_section``). Choosing a partner fills the amount with exactly that;
another amount needs a reason. A payment pays the entries shown for that partner, so the
same entries are never paid twice (the service refuses, and the page says so). Below
come the payments made (``payments_list``, with Void), closing the period
(``pay_period_section``) and the project's pay rules (``pay_rules_section``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from desktop_app import clock
from desktop_app.errors import InvalidInput, UserFacingError
from desktop_app.i18n import _, current_language
from desktop_app.model import Role
from desktop_app.services import payments, profile, projects
from desktop_app.services.dates import show_day
from desktop_app.services.owed import owed
from desktop_app.services.review import close_period, overlapping_period
from ui.context import AppContext
from ui.operations import Operation
from ui.pages.coordinator.owed_section import OwedSection, OwedView, gather_owed, money
from ui.pages.coordinator.pay_period_section import PayPeriodSection
from ui.pages.coordinator.pay_rules_section import PayRulesSection
from ui.pages.coordinator.payment_form import PaymentForm
from ui.pages.coordinator.payments_list import (
    PaymentRow,
    PaymentsList,
    gather_payments,
    void_question,
)
from ui.pages.coordinator.void_dialog import VoidDialog
from ui.widgets.buttons import SecondaryButton
from ui.widgets.date_field import DateField
from ui.widgets.fields import LabelledField, narrow
from ui.widgets.page import Page

#: The service's names for fields that this page calls otherwise.
FIELD_NAMES = {"period_start": "start", "period_end": "end", "entries": "person"}


@dataclass(frozen=True)
class Figures:
    owed: OwedView
    payments: list[PaymentRow]


def gather(session: Any, project_id: str, start: date, end: date) -> Figures:
    return Figures(
        gather_owed(session, project_id, start, end),
        gather_payments(session, project_id, start, end),
    )


def _day(field: DateField, name: str) -> date:
    """The field's day, or ``InvalidInput`` at the page's field ``name``."""
    try:
        return field.day()
    except InvalidInput as problem:
        raise InvalidInput(problem.message, field=name) from None


class PaymentsPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            _("Payments and pay periods"),
            _("See what each partner is owed. Record what you paid. Then close the pay period."),
            back_text=_("Back to home"),
        )
        self.ctx = ctx
        today = clock.today()
        self.figures: Figures | None = None
        self._wanted: tuple[str, date, date] | None = None
        self._rules_of = ""
        self.project = narrow(QComboBox())
        for project in ctx.call(projects.projects):
            self.project.addItem(project.name, project.id)
        self.start = DateField(today.replace(day=1) - timedelta(days=90), ahead=True)
        self.end = DateField(today, ahead=True)
        self.add_field("project", LabelledField(_("Project"), self.project))
        self.add_field("start", LabelledField(_("Pay period from"), self.start))
        self.add_field("end", LabelledField(_("Pay period to"), self.end))
        self.show_owed = SecondaryButton(_("Show what is owed for these dates"))
        self.body.addWidget(self.show_owed)
        self.owed_section = OwedSection()
        self.body.addWidget(self.owed_section)
        partners = [(p.display_name, p.id) for p in ctx.call(profile.people, Role.PARTNER)]
        self.form = PaymentForm(self, partners)
        self.payments_list = PaymentsList()
        self.body.addWidget(self.payments_list)
        self.period = PayPeriodSection(self)
        self.rules = PayRulesSection(self, ctx, self.refresh)
        self.loader = Operation(self, self._gather, self._show)
        self.show_owed.clicked.connect(self.check_dates_and_refresh)
        self.project.currentIndexChanged.connect(lambda _i: self.refresh())
        for field in (self.start, self.end):
            field.edit.editingFinished.connect(self.refresh)
            field.picked.connect(lambda _day: self.refresh())
        self.form.record.clicked.connect(self.record_payment)
        self.payments_list.void_asked.connect(self.void)
        self.period.close_button.clicked.connect(self.close_pay_period)
        self._order()
        self.refresh()

    # -- reading ----------------------------------------------------------------------
    def first_focus(self) -> QWidget | None:
        return self.project

    def on_shown(self) -> None:
        self.refresh()

    def _order(self) -> None:
        self.set_tab_order(
            [
                self.project,
                self.start.edit,
                self.start.calendar_button,
                self.end.edit,
                self.end.calendar_button,
                self.show_owed,
                *self.form.controls(),
                *self.payments_list.buttons(),
                self.period.close_button,
                *self.rules.controls(),
            ]
        )

    def _dates(self) -> tuple[date, date]:
        return _day(self.start, "start"), _day(self.end, "end")

    def check_dates_and_refresh(self) -> None:
        try:
            self._dates()
        except InvalidInput as problem:
            self.show_failure(problem)
            return
        self.clear_problems()
        self.refresh()

    def refresh(self) -> None:
        """Work out again, off the UI thread, what is owed and what was paid."""
        project_id = self.project.currentData() or ""
        try:
            start, end = self._dates()
        except InvalidInput:
            self.owed_section.show_message(_("Check the dates above to see what is owed."))
            return
        if not project_id or end < start:
            self.owed_section.show_message(_("Check the dates above to see what is owed."))
            return
        self._wanted = (project_id, start, end)
        self.loader.start()

    def _gather(self) -> Figures:
        assert self._wanted is not None
        return self.ctx.call(gather, *self._wanted)

    def _show(self, figures: Figures) -> None:
        self.figures = figures
        view = figures.owed
        self.owed_section.show_view(view)
        self.form.show_view(view)
        self.payments_list.show_rows(figures.payments)
        self.period.show_view(view)
        self.rules.show_rules(view.project_id, view.rules, fill=view.project_id != self._rules_of)
        self._rules_of = view.project_id
        self._order()

    # -- acting -------------------------------------------------------------------------
    def _fail(self, problem: UserFacingError) -> None:
        if problem.field in FIELD_NAMES:
            problem.field = FIELD_NAMES[problem.field]
        self.show_failure(problem)

    def record_payment(self) -> None:
        form = self.form
        try:
            start, end = self._dates()
            paid_on = _day(form.paid_on, "paid_on")
            amount = form.typed_amount()
        except InvalidInput as problem:
            self._fail(problem)
            return
        owed_now = form.owed_now()
        reason = form.reason.text().strip()
        if (
            amount is not None
            and not form.declined()
            and owed_now is not None
            and amount != owed_now.amount_minor
            and not reason
        ):
            self.show_problems(
                [
                    (
                        "reason",
                        _("Say why the amount is not the {owed} owed.").format(
                            owed=money(owed_now.amount_minor, owed_now.currency)
                        ),
                    )
                ]
            )
            return
        try:
            payment = self.ctx.call(
                payments.record_payment,
                person_id=form.person.currentData() or "",
                project_id=self.project.currentData() or "",
                period_start=start,
                period_end=end,
                amount_minor=None if form.declined() else amount,
                kind=form.kind.currentData(),
                method=form.method.currentData(),
                paid_on=paid_on,
                reference=form.reference.text(),
                reason=reason,
                entry_ids=form.entry_ids(),
            )
            count = len(self.ctx.call(payments.paid_entries, payment.id))
        except UserFacingError as problem:
            form.done.clear()
            self._fail(problem)
            return
        self.clear_problems()
        form.recorded(payment.amount_minor, payment.currency, count)
        self.ctx.changed()
        self.refresh()

    def void(self, row: PaymentRow) -> None:
        reason = VoidDialog.ask(self, void_question(row))
        if reason is None:
            return
        try:
            self.ctx.call(payments.void_payment, row.id, reason)
        except UserFacingError as problem:
            self._fail(problem)
            return
        self.clear_problems()
        self.payments_list.say(
            _("The payment of {amount} to {name} is void. Its entries are owed again.").format(
                amount=money(row.amount_minor, row.currency), name=row.person
            )
        )
        self.period.close_button.setFocus()
        self.ctx.changed()
        self.refresh()

    def close_pay_period(self) -> None:
        lang = current_language()
        project_id = self.project.currentData() or ""
        try:
            start, end = self._dates()
            clash = self.ctx.call(overlapping_period, project_id, start, end)
            waiting = (
                [] if clash else self.ctx.call(owed, project_id=project_id, start=start, end=end)
            )
        except UserFacingError as problem:
            self._fail(problem)
            return
        if clash is None:
            question = _("Close the pay period from {start} to {end}?").format(
                start=show_day(start, lang), end=show_day(end, lang)
            )
            details = _("Every entry in these dates will be locked. Closing does not pay anything.")
            if waiting:
                names = ", ".join(dict.fromkeys(row.person for row in waiting))
                details = _("Approved time is not paid yet, for: {names}.").format(names=names)
                details += " " + _("Closing does not pay it. The entries will be locked.")
            if not self.period.ask(self, question, details):
                self.period.close_button.setFocus()
                return
        try:
            self.ctx.call(close_period, project_id, start, end, confirm=bool(waiting))
        except UserFacingError as problem:
            self.period.say("")
            self._fail(problem)
            return
        self.clear_problems()
        self.period.say(
            _("The pay period from {start} to {end} is closed. Nothing was paid.").format(
                start=show_day(start, lang), end=show_day(end, lang)
            )
        )
        self.ctx.changed()
        self.refresh()
