"""After the file is made: what it holds, and how to send it, step by step.

The entries in it are "Ready to send" until the partner presses "I have sent it".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.exchange import ExportedFile, confirm_sent
from desktop_app.i18n import _, ngettext
from ui.context import AppContext
from ui.open_externally import (
    CannotOpenNotice,
    file_url,
    mail_url,
    open_folder,
    open_or_explain,
    open_url,
)
from ui.widgets.buttons import PrimaryButton, SecondaryButton
from ui.widgets.page import Page


def email_subject(name: str) -> str:
    return _("My Partner Log records, from {name}").format(name=name)


def email_body(name: str, exported: ExportedFile) -> str:
    return "\n\n".join(
        [
            _("(Before you press Send: attach the file \u201c{file}\u201d to this email.)").format(
                file=exported.path.name
            ),
            _("Hello,"),
            _("I have attached a file of my Partner Log records.")
            + " "
            + _("It holds {what}.").format(what=exported.description),
            _("You can open it in Partner Log."),
            _("From {name}").format(name=name),
        ]
    )


def thanks(moved: int) -> str:
    """What the partner reads after "I have sent it"."""
    if not moved:
        return _("Thank you. We have noted that the file has gone.")
    return ngettext(
        "Thank you. {n} entry now says \u201cSent\u201d.",
        "Thank you. {n} entries now say \u201cSent\u201d.",
        moved,
    ).format(n=moved)


def _label(text: str, role: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


class ReadyToSendPage(Page):
    def __init__(self, ctx: AppContext, exported: ExportedFile, name: str) -> None:
        super().__init__(
            _("Your file is ready to send"),
            _("The file holds {what}.").format(what=exported.description),
        )
        self.ctx = ctx
        self.exported = exported
        self.name = name
        self.path: Path = exported.path
        self.addresses = ", ".join(exported.coordinator_emails)

        self.body.addWidget(_label(_("The file"), "h2"))
        self.file_facts = _label(
            _("It is called \u201c{file}\u201d. It is in the folder {folder}.").format(
                file=self.path.name, folder=self.path.parent
            )
        )
        self.body.addWidget(self.file_facts)
        self.body.addWidget(
            _label(
                _(
                    "It is a Partner Log file. Its name ends in .partnerlog. "
                    "Your computer may not know it. Your coordinator opens it in Partner Log."
                )
            )
        )

        self.body.addWidget(_label(_("How to send it"), "h2"))
        if self.addresses:
            first = _(
                "1. Press \u201cWrite the email\u201d. An email to your coordinator opens. "
                "It goes to {address}."
            ).format(address=self.addresses)
        else:
            first = _(
                "1. Press \u201cWrite the email\u201d. Type your coordinator\u2019s email "
                "address in it."
            )
        steps = [
            first,
            _("2. Attach the file to the email. The folder with the file opens too."),
            _("3. Send the email."),
            _("4. Come back here and press \u201cI have sent it\u201d."),
        ]
        self.steps = _label("\n".join(steps))
        self.body.addWidget(self.steps)
        self.no_address: QLabel | None = None
        if not self.addresses:
            self.no_address = _label(
                _(
                    "We do not know your coordinator\u2019s email address. Ask your coordinator "
                    "for it. Or send the file the way you agreed, for example on a USB stick."
                ),
                "error",
            )
            self.body.addWidget(self.no_address)

        self.write_button = PrimaryButton(_("Write the email"))
        self.write_button.clicked.connect(self.write_email)
        self.folder_button = SecondaryButton(_("Show the folder"))
        self.folder_button.clicked.connect(self.show_folder)
        self.notice = CannotOpenNotice()
        self.sent_button = PrimaryButton(_("I have sent it"))
        self.sent_button.clicked.connect(self.confirm)
        self.later = _label(_("Until then, your entries say \u201cReady to send\u201d."), "hint")
        self.done = _label("", "success")
        self.done.hide()
        self.home_button = SecondaryButton(_("Go to home"))
        self.home_button.clicked.connect(ctx.nav.home)
        for widget in (
            self.write_button,
            self.folder_button,
            self.notice,
            self.sent_button,
            self.later,
            self.done,
            self.home_button,
        ):
            self.body.addWidget(widget)
        self._order()

    def _order(self) -> None:
        self.set_tab_order(
            [
                self.write_button,
                self.folder_button,
                *self.notice.copy_buttons(),
                self.sent_button,
                self.home_button,
            ]
        )

    def first_focus(self) -> QWidget | None:
        return self.write_button

    def write_email(self) -> bool:
        url = mail_url(
            ",".join(self.exported.coordinator_emails),
            email_subject(self.name),
            email_body(self.name, self.exported),
        )
        opened = open_or_explain(
            url,
            self.notice,
            _(
                "Your computer could not open your email program. Write an email to your "
                "coordinator yourself. Attach the file, then send it."
            ),
            [
                (_("Your coordinator\u2019s email address"), self.addresses),
                (_("Where the file is"), str(self.path)),
            ],
        )
        if opened:
            open_folder(self.path.parent, self.notice)
        else:
            open_url(file_url(self.path.parent))  # the notice already says where it is
        self._order()
        return opened

    def show_folder(self) -> bool:
        opened = open_folder(self.path.parent, self.notice)
        self._order()
        return opened

    def confirm(self) -> None:
        moved = self.ctx.call(confirm_sent)
        self.ctx.changed()
        self.done.setText(thanks(moved))
        self.done.show()
        self.later.hide()
        self.sent_button.hide()
        self.home_button.setFocus()
