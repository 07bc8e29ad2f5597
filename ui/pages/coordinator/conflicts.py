"""Changes to sort out: two versions of the same record, side by side; keep one or both.
Changes partners made to entries already paid come first, as requests to answer."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_app.errors import UserFacingError
from desktop_app.exchange.conflicts import (
    ConflictView,
    Detail,
    keep_both,
    keep_mine,
    keep_theirs,
    list_conflicts,
)
from desktop_app.i18n import N_, _, ngettext
from desktop_app.labels import field_label, label
from desktop_app.model import CorrectionStatus
from desktop_app.services.corrections import (
    CorrectionView,
    correction_requests,
    keep_paid,
    pay_difference,
)
from ui.context import AppContext
from ui.formatting import day_words, duration_words, money
from ui.widgets.buttons import PrimaryButton, SecondaryButton
from ui.widgets.page import Page
from ui.widgets.tiles import Choice, TileGroup

MINUTES = {"minutes", "prep_minutes", "travel_minutes"}
AMOUNTS = {"amount_minor", "rate_minor"}
REASONS = {
    "diverged": N_("It was changed here and in the file."),
    "locked": N_("The entry here is paid or in a closed pay period."),
}


def reason_words(reason: str) -> str:
    return _(REASONS[reason]) if reason in REASONS else ""


def shown(detail: Detail, value: Any, record: dict[str, Any]) -> str:
    """A field's value in plain words (never an enum's stored value or an id)."""
    if detail.name == "deleted_at":
        return _("Yes") if value is not None else _("No")
    if value is None or value == "" or value == []:
        return "\u2013"
    if isinstance(value, Enum):
        return label(value)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime):
        return day_words(value.date())
    if isinstance(value, date):
        return day_words(value)
    if detail.name in MINUTES and isinstance(value, int):
        return duration_words(value)
    if detail.name in AMOUNTS and isinstance(value, int):
        return money(value, str(record.get("currency") or ""))
    if isinstance(value, list):
        if all(isinstance(v, Enum) for v in value):
            return ", ".join(label(v) for v in value)
        return ngettext("{n} item", "{n} items", len(value)).format(n=len(value))
    return str(value)


class ConflictsPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            _("Changes to sort out"),
            _("The same record was changed in two places. Choose which to keep."),
            back_text=_("Back to home"),
        )
        self.ctx = ctx
        self.found = ctx.call(list_conflicts)
        self.requests = [
            r for r in ctx.call(correction_requests) if r.status == CorrectionStatus.OPEN
        ]
        choices = [Choice(("request", r.id), r.description) for r in self.requests]
        choices += [
            Choice(
                ("conflict", c.id),
                _("{what} from {who}").format(what=c.what, who=c.source_name),
                reason_words(c.reason),
            )
            for c in self.found
        ]
        self.tiles: TileGroup | None = None
        if choices:
            self.tiles = TileGroup(choices, columns=1)
            self.tiles.chosen.connect(self._open)
            self.body.addWidget(self.tiles)
            self.set_tab_order(self.tiles.tiles)
        else:
            empty = QLabel(_("There is nothing to sort out."))
            empty.setWordWrap(True)
            self.body.addWidget(empty)

    def first_focus(self) -> QWidget | None:
        return self.tiles.tiles[0] if self.tiles is not None else self.back_button

    def _open(self, chosen: tuple[str, str]) -> None:
        kind, item_id = chosen
        if kind == "request":
            request = next(r for r in self.requests if r.id == item_id)
            self.ctx.nav.push(CorrectionPage(self.ctx, request))
        else:
            conflict = next(c for c in self.found if c.id == item_id)
            self.ctx.nav.push(ConflictPage(self.ctx, conflict))


def _back_to_list(ctx: AppContext) -> None:
    ctx.changed()
    ctx.nav.back()
    ctx.nav.back()
    ctx.nav.push(ConflictsPage(ctx))


class ConflictPage(Page):
    def __init__(self, ctx: AppContext, conflict: ConflictView) -> None:
        super().__init__(
            _("{what} from {who}").format(what=conflict.what, who=conflict.source_name),
            reason_words(conflict.reason),
            back_text="",
        )
        self.ctx = ctx
        self.conflict = conflict
        details = conflict.details()
        self.table = QTableWidget(len(details), 3)
        self.table.setAccessibleName(_("The two versions side by side"))
        self.table.setHorizontalHeaderLabels([_("Detail"), _("Here"), _("In the file")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, detail in enumerate(details):
            mine = shown(detail, detail.mine, conflict.mine)
            theirs = shown(detail, detail.theirs, conflict.theirs)
            marker = "" if mine == theirs else " \u2190 " + _("different")
            cells = [field_label(detail.name) + marker, mine, theirs]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.body.addWidget(self.table, 1)
        buttons: list[QWidget] = []
        self.keep_mine = PrimaryButton(_("Keep the one here"))
        self.keep_mine.clicked.connect(lambda: self._resolve(keep_mine))
        buttons.append(self.keep_mine)
        self.keep_theirs: SecondaryButton | None = None
        if conflict.locked:
            note = QLabel(
                _("This entry is paid or in a closed pay period. A file cannot change it.")
            )
            note.setWordWrap(True)
            self.body.addWidget(note)
        else:
            self.keep_theirs = SecondaryButton(_("Keep the one in the file"))
            self.keep_theirs.clicked.connect(lambda: self._resolve(keep_theirs))
            buttons.append(self.keep_theirs)
        if conflict.can_keep_both:
            self.keep_both = SecondaryButton(_("Keep both"))
            self.keep_both.clicked.connect(lambda: self._resolve(keep_both))
            buttons.append(self.keep_both)
        for button in buttons:
            self.body.addWidget(button)
        self.let_body_grow()
        self.set_tab_order([self.table, *buttons])

    def first_focus(self) -> QWidget | None:
        return self.table

    def _resolve(self, how: Any) -> None:
        try:
            self.ctx.call(how, self.conflict.id)
        except UserFacingError as problem:
            self.show_failure(problem)
            return
        _back_to_list(self.ctx)


class CorrectionPage(Page):
    """A partner changed an entry already paid. The entry stays; choose what to do."""

    def __init__(self, ctx: AppContext, request: CorrectionView) -> None:
        super().__init__(
            _("A change to a paid entry"),
            _("The paid entry stays as it is. Choose what to do about the change."),
            back_text="",
        )
        self.ctx = ctx
        self.request = request
        self.text = QLabel(request.description)
        self.text.setWordWrap(True)
        self.body.addWidget(self.text)
        self.pay = PrimaryButton(_("Pay the difference"))
        self.keep = SecondaryButton(
            _("Keep the paid version and tell {name}").format(name=request.person_name)
        )
        self.pay.clicked.connect(lambda: self._answer(pay_difference))
        self.keep.clicked.connect(lambda: self._answer(keep_paid))
        self.body.addWidget(self.pay)
        self.body.addWidget(self.keep)
        self.set_tab_order([self.pay, self.keep])

    def first_focus(self) -> QWidget | None:
        return self.pay

    def _answer(self, how: Any) -> None:
        try:
            self.ctx.call(how, self.request.id)
        except UserFacingError as problem:
            self.show_failure(problem)
            return
        _back_to_list(self.ctx)
