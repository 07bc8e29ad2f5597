"""A Yes or No question before something that is hard to take back.

No is the answer Enter and Escape give, so a slip of the finger changes nothing. Pages
wrap this in a classmethod of their own, which tests replace.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.i18n import _


def ask_yes_or_no(parent: QWidget, question: str, details: str, yes_text: str = "") -> bool:
    """True when the person chose Yes (``yes_text``, or "Yes")."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Please check"))
    box.setText(question)
    box.setInformativeText(details)
    yes = box.addButton(yes_text or _("Yes"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(_("No"), QMessageBox.ButtonRole.NoRole)
    for button in (yes, no):
        button.setAccessibleName(button.text())
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.setAccessibleName(question)
    box.exec()
    return box.clickedButton() is yes
