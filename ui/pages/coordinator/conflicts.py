"""Changes to sort out: two versions of the same record, side by side; keep one or both."""

from __future__ import annotations

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
    keep_both,
    keep_mine,
    keep_theirs,
    list_conflicts,
)
from desktop_app.i18n import _
from ui.context import AppContext
from ui.widgets.buttons import PrimaryButton, SecondaryButton
from ui.widgets.page import Page
from ui.widgets.tiles import Choice, TileGroup

#: Fields that say nothing to a person (ids, clocks, revisions).
HIDDEN = {
    "id",
    "origin",
    "rev",
    "review_rev",
    "created_at",
    "updated_at",
    "person_id",
    "project_id",
    "pay_period_id",
}


def shown(value: Any) -> str:
    if value is None or value == "":
        return "\u2013"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
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
        if self.found:
            self.tiles = TileGroup(
                [
                    Choice(
                        c.id,
                        _("{what} from {who}").format(what=c.what, who=c.source_name),
                        c.reason,
                    )
                    for c in self.found
                ],
                columns=1,
            )
            self.tiles.chosen.connect(self._open)
            self.body.addWidget(self.tiles)
            self.set_tab_order(self.tiles.tiles)
        else:
            empty = QLabel(_("There is nothing to sort out."))
            empty.setWordWrap(True)
            self.body.addWidget(empty)

    def first_focus(self) -> QWidget | None:
        return self.tiles.tiles[0] if self.found else self.back_button

    def _open(self, conflict_id: str) -> None:
        conflict = next(c for c in self.found if c.id == conflict_id)
        self.ctx.nav.push(ConflictPage(self.ctx, conflict))


class ConflictPage(Page):
    def __init__(self, ctx: AppContext, conflict: ConflictView) -> None:
        super().__init__(
            _("{what} from {who}").format(what=conflict.what, who=conflict.source_name),
            conflict.reason,
            back_text="",
        )
        self.ctx = ctx
        self.conflict = conflict
        names = sorted((set(conflict.mine) | set(conflict.theirs)) - HIDDEN)
        self.table = QTableWidget(len(names), 3)
        self.table.setAccessibleName(_("The two versions side by side"))
        self.table.setHorizontalHeaderLabels([_("Detail"), _("Here"), _("In the file")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, name in enumerate(names):
            mine, theirs = shown(conflict.mine.get(name)), shown(conflict.theirs.get(name))
            marker = "" if mine == theirs else " \u2190 " + _("different")
            cells = [name.replace("_", " ") + marker, mine, theirs]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.body.addWidget(self.table, 1)
        self.keep_mine = PrimaryButton(_("Keep the one here"))
        self.keep_theirs = SecondaryButton(_("Keep the one in the file"))
        self.keep_mine.clicked.connect(lambda: self._resolve(keep_mine))
        self.keep_theirs.clicked.connect(lambda: self._resolve(keep_theirs))
        buttons: list[QWidget] = [self.keep_mine, self.keep_theirs]
        for button in buttons:
            self.body.addWidget(button)
        if conflict.can_keep_both:
            self.keep_both = SecondaryButton(_("Keep both"))
            self.keep_both.clicked.connect(lambda: self._resolve(keep_both))
            self.body.addWidget(self.keep_both)
            buttons.append(self.keep_both)
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
        self.ctx.changed()
        self.ctx.nav.back()
        self.ctx.nav.back()
        self.ctx.nav.push(ConflictsPage(self.ctx))
