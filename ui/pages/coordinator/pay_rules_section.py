"""The project's pay rules on the payments page: the rate an hour, and which time is paid.

It shows the rules in force, and lets the coordinator change them through
``pay_rules.set_pay_rules``. A new rate changes what is owed from now on; payments
already made keep the rate they were made with.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.errors import InvalidInput, UserFacingError
from desktop_app.i18n import _
from desktop_app.services.pay_rules import PayRules, set_pay_rules
from ui.context import AppContext
from ui.pages.coordinator.owed_section import rate_words
from ui.widgets.buttons import SecondaryButton
from ui.widgets.check_box import CheckBox
from ui.widgets.fields import LabelledField
from ui.widgets.money_field import MoneyField
from ui.widgets.page import Page


def rules_words(rules: PayRules) -> str:
    """ "Now: CAD 30.00 an hour. Getting ready is paid. Travel is not paid." """
    return " ".join(
        [
            _("Now: {rate}.").format(rate=rate_words(rules)),
            _("Getting ready is paid.")
            if rules.pay_preparation
            else _("Getting ready is not paid."),
            _("Travel is paid.") if rules.pay_travel else _("Travel is not paid."),
        ]
    )


class PayRulesSection:
    """Adds the pay rules' heading, fields and Save button to ``page``'s content."""

    def __init__(self, page: Page, ctx: AppContext, on_saved: Callable[[], None]) -> None:
        self.page = page
        self.ctx = ctx
        self.on_saved = on_saved
        self.project_id = ""
        self.heading = QLabel(_("Pay rules for this project"))
        self.heading.setProperty("role", "h2")
        self.heading.setWordWrap(True)
        page.body.addWidget(self.heading)
        self.now = QLabel()
        self.now.setWordWrap(True)
        page.body.addWidget(self.now)
        self.rate = MoneyField("CAD")
        page.add_field(
            "rate",
            LabelledField(
                _("Rate for one hour"), self.rate, _("What is owed is worked out from this rate.")
            ),
        )
        self.prep = CheckBox(_("Pay for getting-ready time"))
        self.travel = CheckBox(_("Pay for travel time"))
        page.body.addWidget(self.prep)
        page.body.addWidget(self.travel)
        self.save = SecondaryButton(
            _("Save the pay rules"), _("Payments already made keep their own rate.")
        )
        self.save.clicked.connect(self.save_rules)
        page.body.addWidget(self.save)
        self.saved = QLabel()
        self.saved.setWordWrap(True)
        self.saved.setProperty("role", "success")
        page.body.addWidget(self.saved)
        self.saved.hide()

    def controls(self) -> list[QWidget]:
        """The section's controls in reading order (for the page's tab order)."""
        return [self.rate.edit, self.prep, self.travel, self.save]

    def show_rules(self, project_id: str, rules: PayRules, fill: bool) -> None:
        """Show the rules in force; with ``fill``, put them in the boxes too."""
        self.project_id = project_id
        self.now.setText(rules_words(rules))
        if fill:
            self.rate.currency = rules.currency
            self.rate.currency_label.setText(rules.currency)
            self.rate.set_amount(rules.rate_minor)
            self.prep.setChecked(rules.pay_preparation)
            self.travel.setChecked(rules.pay_travel)
            self.saved.hide()

    def save_rules(self) -> None:
        try:
            rate = self.rate.amount()
        except InvalidInput as problem:
            self.page.show_problems([("rate", problem.message)])
            return
        try:
            rules = self.ctx.call(
                set_pay_rules,
                self.project_id,
                rate_minor=rate,
                pay_preparation=self.prep.isChecked(),
                pay_travel=self.travel.isChecked(),
            )
        except UserFacingError as problem:
            self.page.show_failure(problem)
            return
        self.page.clear_problems()
        self.show_rules(self.project_id, rules, fill=True)
        self.saved.setText(_("The pay rules are saved. What is owed now follows them."))
        self.saved.show()
        self.ctx.changed()
        self.on_saved()
