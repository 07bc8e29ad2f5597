"""Send my records: choose what to include, protect it if you like, save the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from desktop_app.exchange import export_partner_file, suggested_name
from desktop_app.i18n import _
from desktop_app.services import profile
from ui.context import AppContext
from ui.file_dialogs import FileDialogs, documents_folder
from ui.operations import Operation, run_in_background
from ui.widgets.buttons import PrimaryButton, SecondaryButton
from ui.widgets.fields import LabelledField
from ui.widgets.page import Page
from ui.widgets.tiles import Choice, TileGroup

MIN_PASSPHRASE = 8


def passphrase_problems(first: str, second: str) -> list[tuple[str, str]]:
    if not first and not second:
        return []
    if len(first) < MIN_PASSPHRASE:
        return [
            (
                "passphrase",
                _("Use at least {n} letters or numbers for the password.").format(n=MIN_PASSPHRASE),
            )
        ]
    if first != second:
        return [("again", _("The two passwords are not the same."))]
    return []


class SendRecordsPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            _("Send my records to my coordinator"),
            _(
                "This makes a file of your records. You then send it yourself, by e-mail or "
                "on a USB stick. Private reflections never go in it."
            ),
            continue_text=_("Make the file"),
            back_text=_("Back to home"),
        )
        self.ctx = ctx
        self._operation: Operation | None = None
        self.what = TileGroup(
            [
                Choice("all", _("All my records")),
                Choice("new", _("Only what is new since I last sent")),
            ],
            columns=1,
        )
        self.what.set_value("all")
        self.add_field("what", LabelledField(_("What should go in the file?"), self.what))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_field(
            "passphrase",
            LabelledField(
                _("Password for the file (optional)"),
                self.passphrase,
                _("Only people who know it can open the file. Tell your coordinator by phone."),
            ),
        )
        self.add_field("again", LabelledField(_("Type the password again"), self.again))
        assert self.continue_button is not None
        self.continue_button.clicked.connect(self.make_file)
        self.set_tab_order([*self.what.tiles, self.passphrase, self.again])

    def first_focus(self) -> QWidget | None:
        return self.what.tiles[0]

    def make_file(self) -> None:
        problems = passphrase_problems(self.passphrase.text(), self.again.text())
        if problems:
            self.show_problems(problems)
            return
        self.clear_problems()
        if self._operation is not None and self._operation.running:
            return
        name = self.ctx.call(profile.owner).display_name
        chosen = FileDialogs.save(
            self,
            _("Save the file"),
            documents_folder() / suggested_name(name),
            _("Partner Log files") + " (*.partnerlog)",
        )
        if not chosen:
            return
        out = Path(chosen if chosen.endswith(".partnerlog") else f"{chosen}.partnerlog")
        since_last = self.what.value() == "new"
        secret = self.passphrase.text() or None

        def work() -> Any:
            return self.ctx.call(export_partner_file, out, since_last=since_last, passphrase=secret)

        self._operation = run_in_background(
            self, work, self._done, progress_text=_("Making the file\u2026")
        )

    def _done(self, exported: Any) -> None:
        self.ctx.changed()
        self.ctx.nav.push(
            FileSavedPage(
                self.ctx,
                _("Your file is ready to send"),
                _("The file holds {what}.").format(what=exported.description),
                exported.path,
            )
        )


class FileSavedPage(Page):
    def __init__(self, ctx: AppContext, title: str, text: str, path: Path) -> None:
        super().__init__(title, text)
        where = QLabel(_("It is saved as {path}").format(path=path))
        where.setWordWrap(True)
        self.body.addWidget(where)
        self.folder_button = PrimaryButton(_("Show the folder"))
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
        )
        self.home_button = SecondaryButton(_("Go to home"))
        self.home_button.clicked.connect(ctx.nav.home)
        self.body.addWidget(self.folder_button)
        self.body.addWidget(self.home_button)
        self.path = path
        self.set_tab_order([self.folder_button, self.home_button])

    def first_focus(self) -> QWidget | None:
        return self.folder_button
