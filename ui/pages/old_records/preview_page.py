"""The preview: every row as it will be saved, and the rows that cannot be used."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.i18n import _, ngettext
from desktop_app.labels import label
from desktop_app.services.amounts import show_amount
from desktop_app.services.durations import describe
from desktop_app.sheets import Plan, PlannedRow
from ui.formatting import long_date
from ui.widgets.buttons import PrimaryButton
from ui.widgets.page import Page

#: Rows listed one by one; the rest are counted (a page of ten thousand labels is no help).
SHOWN_ROWS = 200


def counts_words(plan: Plan) -> str:
    new, problems = len(plan.new_rows), len(plan.problems)
    same = len(plan.rows) - new
    return _("{read}. {new}, {same}, {skipped}.").format(
        read=ngettext("{n} row read", "{n} rows read", plan.read).format(n=plan.read),
        new=ngettext("{n} new", "{n} new", new).format(n=new),
        same=ngettext("{n} already here", "{n} already here", same).format(n=same),
        skipped=ngettext("{n} cannot be used", "{n} cannot be used", problems).format(n=problems),
    )


def row_words(row: PlannedRow) -> str:
    parts = [long_date(row.date)]
    if row.person_name:
        parts.append(row.person_name)
    if row.kind is not None:
        parts.append(f"{label(row.kind)}, {describe(row.minutes)}")
        if row.prep_minutes:
            parts.append(_("getting ready {time}").format(time=describe(row.prep_minutes)))
        if row.travel_minutes:
            parts.append(_("travel {time}").format(time=describe(row.travel_minutes)))
    if row.category is not None:
        parts.append(f"{label(row.category)}, {show_amount(row.amount_minor, '')}".strip())
    text = _("Row {n}: {what}.").format(n=row.row, what=", ".join(parts))
    note = row.note or row.cost_note
    if note:
        text += " " + _("Note: {note}").format(note=note)
    return text


def _section(page: Page, title: str) -> None:
    heading = QLabel(title)
    heading.setProperty("role", "h2")
    heading.setWordWrap(True)
    page.body.addWidget(heading)


def _line(page: Page, text: str) -> QLabel:
    line = QLabel(text)
    line.setWordWrap(True)
    line.setTextFormat(Qt.TextFormat.PlainText)  # a note shows as typed, never as markup
    page.body.addWidget(line)
    return line


class PreviewPage(Page):
    def __init__(self, plan: Plan, on_go: Callable[[], None], on_home: Callable[[], None]) -> None:
        nothing_new = not plan.new_rows
        super().__init__(
            _("Check what will be added"),
            _("Nothing has been saved yet."),
            continue_text=None if nothing_new else _("Continue"),
            back_text="",
        )
        self.summary = _line(self, counts_words(plan))
        self.home_button: PrimaryButton | None = None
        if nothing_new:
            _line(self, _("There is nothing new to add from this sheet."))
            self.home_button = PrimaryButton(_("Go to home"))
            self.connect_kept(self.home_button.clicked, on_home)
            self.body.addWidget(self.home_button)
        if plan.problems:
            _section(self, _("Rows that cannot be used"))
            for problem in plan.problems[:SHOWN_ROWS]:
                _line(self, _("Row {n}: {reason}").format(n=problem.row, reason=problem.reason))
            if len(plan.problems) > SHOWN_ROWS:
                _line(self, _("And {n} more.").format(n=len(plan.problems) - SHOWN_ROWS))
        new = plan.new_rows
        if new:
            _section(self, _("What will be added"))
            for row in new[:SHOWN_ROWS]:
                _line(self, row_words(row))
            if len(new) > SHOWN_ROWS:
                _line(self, _("And {n} more rows.").format(n=len(new) - SHOWN_ROWS))
        if self.continue_button is not None:
            self.connect_kept(self.continue_button.clicked, on_go)
        self.set_tab_order([self.home_button] if self.home_button else [])
        self.settle_reading_order()

    def first_focus(self) -> QWidget | None:
        return self.home_button or self.continue_button
