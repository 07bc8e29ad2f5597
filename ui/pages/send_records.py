"""Send my records: choose what to include, protect it if you like, save the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.exchange import confirm_sent, export_partner_file, suggested_name, waiting_to_send
from desktop_app.i18n import _
from desktop_app.services import profile
from ui.context import AppContext
from ui.file_dialogs import FileDialogs, documents_folder
from ui.operations import Operation, run_in_background
from ui.widgets.buttons import SecondaryButton
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
                "This makes a file of your records. You then send it yourself, by email or "
                "on a USB stick. Private reflections never go in it."
            ),
            continue_text=_("Make the file"),
            back_text=_("Back to home"),
        )
        self.ctx = ctx
        self._operation: Operation | None = None
        self.waiting = QFrame()
        self.waiting.setProperty("role", "card")
        box = QVBoxLayout(self.waiting)
        box.setContentsMargins(18, 14, 18, 14)
        ask = QLabel(
            _(
                "You made a file before, but you have not said it has gone. "
                "Its entries say \u201cReady to send\u201d."
            )
        )
        ask.setWordWrap(True)
        box.addWidget(ask)
        self.sent_button = SecondaryButton(_("I have sent it"))
        self.sent_button.clicked.connect(self.confirm_earlier)
        box.addWidget(self.sent_button)
        self.body.addWidget(self.waiting)
        self.waiting.setVisible(ctx.call(waiting_to_send))
        self.earlier_done = QLabel()
        self.earlier_done.setWordWrap(True)
        self.earlier_done.setProperty("role", "success")
        self.body.addWidget(self.earlier_done)
        self.earlier_done.hide()
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
        self.set_tab_order([self.sent_button, *self.what.tiles, self.passphrase, self.again])

    def first_focus(self) -> QWidget | None:
        return self.sent_button if self.waiting.isVisibleTo(self) else self.what.tiles[0]

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
        from ui.pages.ready_to_send import ReadyToSendPage

        self.ctx.changed()
        name = self.ctx.call(profile.owner).display_name
        self.ctx.nav.push(ReadyToSendPage(self.ctx, exported, name))

    def confirm_earlier(self) -> None:
        from ui.pages.ready_to_send import thanks

        moved = self.ctx.call(confirm_sent)
        self.ctx.changed()
        self.waiting.hide()
        self.earlier_done.setText(thanks(moved))
        self.earlier_done.show()
        self.what.tiles[0].setFocus()
