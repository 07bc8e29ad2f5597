"""A short help page in plain words."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desktop_app.i18n import _
from ui.widgets.page import Page


def help_sections() -> list[tuple[str, str]]:
    return [
        (
            _("Adding your time"),
            _(
                "Choose \u201cAdd my time\u201d on the home page. Answer one question on each "
                "page. Then check your answers and press Save."
            ),
        ),
        (
            _("Using the keyboard"),
            _(
                "Press Tab to move to the next thing. Press Enter or Space to choose it. Press "
                "Escape to go back."
            ),
        ),
        (
            _("Changing or deleting"),
            _(
                "Open \u201cMy records\u201d and choose an entry. You can change it or delete it. "
                "If you delete by mistake, press Undo."
            ),
        ),
        (
            _("Sending your records"),
            _(
                "Choose \u201cSend my records\u201d on the home page and make the file. Then "
                "press \u201cWrite the email\u201d. Attach the file to the email and send it. "
                "Come back and press \u201cI have sent it\u201d. Your entries then say "
                "\u201cSent\u201d."
            ),
        ),
        (
            _("The file you send"),
            _(
                "The file\u2019s name ends in .partnerlog. Your computer may not know this kind "
                "of file. That is fine: your coordinator opens it in Partner Log."
            ),
        ),
        (
            _("If your email program does not open"),
            _(
                "Write an email to your coordinator yourself. Partner Log shows the address "
                "and where the file is. Press Copy to copy each one, then paste it."
            ),
        ),
        (
            _("If a file or folder does not open"),
            _(
                "Sometimes the computer cannot open a file. Partner Log then shows where it "
                "is saved. Press Copy, then paste it into your file window."
            ),
        ),
        (
            _("Your records are safe"),
            _(
                "Everything is saved on this computer. Nothing is sent anywhere unless you send "
                "a file yourself."
            ),
        ),
        (_("Bigger words"), _("In Settings, you can make the words bigger and use high contrast.")),
        (_("Getting help"), _("Your coordinator can help you with the app and with payments.")),
    ]


class HelpPage(Page):
    def __init__(self) -> None:
        super().__init__(_("How to use Partner Log"), back_text="")
        for title, text in help_sections():
            heading = QLabel(title)
            heading.setProperty("role", "h2")
            heading.setWordWrap(True)
            body = QLabel(text)
            body.setWordWrap(True)
            self.body.addWidget(heading)
            self.body.addWidget(body)
