"""Make a backup now, or put a backup back (after seeing what it holds)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.errors import UserFacingError
from desktop_app.i18n import _, ngettext
from desktop_app.storage.backup import BackupInfo, list_backups
from ui.context import AppContext
from ui.formatting import long_date
from ui.operations import Operation, run_in_background
from ui.widgets.buttons import PrimaryButton, SecondaryButton
from ui.widgets.page import Page
from ui.widgets.tiles import Choice, TileGroup


def when_words(info: BackupInfo) -> str:
    taken = info.taken_at
    return _("{date} at {time}").format(
        date=long_date(taken.date()), time=QTime(taken.hour, taken.minute).toString("HH:mm")
    )


def holds_words(info: BackupInfo) -> str:
    if not info.readable:
        return _("This backup cannot be read.")
    entries = info.counts.get("activity", 0)
    costs = info.counts.get("expense", 0)
    text = ngettext("It holds {n} time entry", "It holds {n} time entries", entries).format(
        n=entries
    )
    text += " " + ngettext("and {n} expense.", "and {n} expenses.", costs).format(n=costs)
    if info.latest_entry_date:
        text += " " + _("The newest entry is from {date}.").format(
            date=long_date(info.latest_entry_date)
        )
    return text


class BackupsPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            _("Backups of your records"),
            _(
                "Partner Log makes a checked copy of your records each day you use it, and "
                "before big changes."
            ),
            back_text="",
        )
        self.ctx = ctx
        self._operation: Operation | None = None
        self.backup_button = PrimaryButton(_("Make a backup now"))
        self.backup_button.clicked.connect(self.backup_now)
        self.body.addWidget(self.backup_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setProperty("role", "success")
        self.body.addWidget(self.status)
        heading = QLabel(_("Put a backup back"))
        heading.setProperty("role", "h2")
        self.body.addWidget(heading)
        self.backups = list_backups(ctx.workspace.data_dir)
        if self.backups:
            self.tiles = TileGroup(
                [
                    Choice(str(b.path), when_words(b), f"{b.reason_text}. {holds_words(b)}")
                    for b in self.backups
                    if b.readable
                ],
                columns=1,
            )
            self.tiles.chosen.connect(self._chosen)
            self.body.addWidget(self.tiles)
            order: list[QWidget] = [self.backup_button, *self.tiles.tiles]
        else:
            empty = QLabel(_("There are no backups yet."))
            empty.setWordWrap(True)
            self.body.addWidget(empty)
            order = [self.backup_button]
        self.set_tab_order(order)

    def first_focus(self) -> QWidget | None:
        return self.backup_button

    def backup_now(self) -> None:
        if self._operation is not None and self._operation.running:
            return
        self.status.setText(_("Making a backup\u2026"))
        self._operation = run_in_background(
            self,
            self.ctx.workspace.backup_now,
            self._made,
            progress_text=_("Making a backup\u2026"),
        )
        self._operation.finished.connect(self.status.clear)

    def _made(self, path: Path) -> None:
        self.status.setText(_("A checked backup is saved: {name}").format(name=path.name))

    def _chosen(self, path: str) -> None:
        info = next(b for b in self.backups if str(b.path) == path)
        self.ctx.nav.push(RestoreConfirmPage(self.ctx, info))


class RestoreConfirmPage(Page):
    def __init__(self, ctx: AppContext, info: BackupInfo) -> None:
        super().__init__(
            _("Put back the backup from {when}?").format(when=when_words(info)),
            back_text=_("No, go back"),
        )
        self.ctx = ctx
        self.info = info
        for text in (
            holds_words(info),
            _("Your records as they are now will be kept aside first, so nothing is lost."),
        ):
            label = QLabel(text)
            label.setWordWrap(True)
            self.body.addWidget(label)
        self.restore_button = PrimaryButton(_("Yes, put this backup back"))
        self.restore_button.clicked.connect(self.restore)
        self.body.addWidget(self.restore_button)
        self.set_tab_order([self.restore_button])

    def first_focus(self) -> QWidget | None:
        return self.restore_button

    def restore(self) -> None:
        try:
            result = self.ctx.workspace.restore(self.info.path)
        except UserFacingError as problem:
            self.show_failure(problem)
            return
        self.ctx.changed()
        text = _("Your records are back as they were on {when}.").format(when=when_words(self.info))
        if result.kept_aside is not None:
            text += " " + _("The records you had before are kept in {path}.").format(
                path=result.kept_aside
            )
        done = Page(_("Your backup is back in place"), text)
        home = SecondaryButton(_("Go to home"))
        home.clicked.connect(self.ctx.nav.home)
        done.body.addWidget(home)
        done.set_tab_order([home])
        self.ctx.nav.home()
        self.ctx.nav.push(done)
