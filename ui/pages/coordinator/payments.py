"""Payments and pay periods: record what was paid, then close the period it covers."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from desktop_app import clock
from desktop_app.errors import InvalidInput, UserFacingError
from desktop_app.i18n import _
from desktop_app.labels import label
from desktop_app.model import PaymentKind, PaymentMethod, Role
from desktop_app.services import payments, profile, projects
from desktop_app.services.review import close_period
from ui.context import AppContext
from ui.widgets.buttons import PrimaryButton, SecondaryButton
from ui.widgets.date_field import DateField
from ui.widgets.fields import LabelledField, narrow
from ui.widgets.money_field import MoneyField
from ui.widgets.page import Page


def date_box(day: date, ahead: bool = False) -> DateField:
    return DateField(day, ahead=ahead)


def _day(field: DateField, name: str) -> date:
    """The field's day, or ``InvalidInput`` at the page's field ``name``."""
    try:
        return field.day()
    except InvalidInput as problem:
        raise InvalidInput(problem.message, field=name) from None


class PaymentsPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(_("Payments and pay periods"), back_text=_("Back to home"))
        self.ctx = ctx
        today = clock.today()
        self.person = narrow(QComboBox())
        for person in ctx.call(profile.people, Role.PARTNER):
            self.person.addItem(person.display_name, person.id)
        self.project = narrow(QComboBox())
        for project in ctx.call(projects.projects):
            self.project.addItem(project.name, project.id)
        self.start = date_box(today.replace(day=1) - timedelta(days=90), ahead=True)
        self.end = date_box(today, ahead=True)
        currencies = [p.currency for p in ctx.call(projects.projects)]
        self.amount = MoneyField(currencies[0] if currencies else "CAD")
        self.amount.set_amount(0)
        self.kind = narrow(QComboBox())
        for kind in PaymentKind:
            self.kind.addItem(label(kind), kind.value)
        self.method = narrow(QComboBox())
        for method in PaymentMethod:
            self.method.addItem(label(method), method.value)
        self.paid_on = date_box(today)
        self.reference = QLineEdit()
        for name, text, widget in (
            ("person", _("Who was paid"), self.person),
            ("project", _("Project"), self.project),
            ("period_start", _("Pay period from"), self.start),
            ("end", _("Pay period to"), self.end),
            ("amount", _("Amount"), self.amount),
            ("kind", _("What it is for"), self.kind),
            ("method", _("How it was paid"), self.method),
            ("paid_on", _("Paid on"), self.paid_on),
            ("reference", _("Reference (optional)"), self.reference),
        ):
            self.add_field(name, LabelledField(text, widget))
        self.record = PrimaryButton(_("Record this payment"))
        self.record.clicked.connect(self.record_payment)
        self.body.addWidget(self.record)
        self.close_button = SecondaryButton(
            _("Close this pay period"),
            _("Approved entries in it become paid, and every entry in it is locked."),
        )
        self.close_button.clicked.connect(self.close_pay_period)
        self.body.addWidget(self.close_button)
        self.done = QLabel()
        self.done.setWordWrap(True)
        self.done.setProperty("role", "success")
        self.body.addWidget(self.done)
        self.set_tab_order(
            [
                self.person,
                self.project,
                self.start.edit,
                self.start.calendar_button,
                self.end.edit,
                self.end.calendar_button,
                self.amount.edit,
                self.kind,
                self.method,
                self.paid_on.edit,
                self.paid_on.calendar_button,
                self.reference,
                self.record,
                self.close_button,
            ]
        )

    def first_focus(self) -> QWidget | None:
        return self.person

    def _fail(self, problem: UserFacingError) -> None:
        self.done.clear()
        self.show_failure(problem)

    def record_payment(self) -> None:
        try:
            self.ctx.call(
                payments.record_payment,
                person_id=self.person.currentData() or "",
                project_id=self.project.currentData() or "",
                period_start=_day(self.start, "period_start"),
                period_end=_day(self.end, "end"),
                amount_minor=self.amount.amount(),
                kind=self.kind.currentData(),
                method=self.method.currentData(),
                paid_on=_day(self.paid_on, "paid_on"),
                reference=self.reference.text(),
            )
        except UserFacingError as problem:
            self._fail(problem)
            return
        self.clear_problems()
        self.done.setText(
            _("The payment to {name} is recorded.").format(name=self.person.currentText())
        )
        self.ctx.changed()

    def close_pay_period(self) -> None:
        try:
            period = self.ctx.call(
                close_period,
                self.project.currentData() or "",
                _day(self.start, "period_start"),
                _day(self.end, "end"),
            )
        except UserFacingError as problem:
            self._fail(problem)
            return
        self.clear_problems()
        self.done.setText(
            _("The pay period from {start} to {end} is closed.").format(
                start=period.period_start.isoformat(), end=period.period_end.isoformat()
            )
        )
        self.ctx.changed()
