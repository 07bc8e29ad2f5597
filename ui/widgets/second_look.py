"""A second look on the page itself: "Is CAD 1,250.00 right?" with two clear answers.

Shown under a field when a value is possible but unusual (a large expense, more than 12
hours), before the page moves on. It is not a dialog: the question stays beside the
value it is about, takes the keyboard, and screen readers announce it at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.i18n import _
from ui.announce import announce
from ui.widgets.buttons import PrimaryButton, SecondaryButton


class SecondLook(QFrame):
    """The question and "Yes, it is right" / "No, change it". Hidden until ``ask``."""

    confirmed = Signal()
    declined = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "error-summary")  # the same calm, bordered box
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 16, 16, 16)
        column.setSpacing(12)
        self.question = QLabel()
        self.question.setProperty("role", "h2")
        self.question.setWordWrap(True)
        column.addWidget(self.question)
        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        self.yes = PrimaryButton(_("Yes, it is right"))
        self.no = SecondaryButton(_("No, change it"))
        buttons.addWidget(self.yes)
        buttons.addWidget(self.no)
        buttons.addStretch(1)
        column.addLayout(buttons)
        QWidget.setTabOrder(self, self.yes)
        QWidget.setTabOrder(self.yes, self.no)
        self.yes.clicked.connect(self._yes)
        self.no.clicked.connect(self._no)
        self.setVisible(False)
        #: What the question is about (an amount, minutes); None when not asking.
        self.about: object = None

    def ask(self, question: str, about: object) -> None:
        """Show ``question`` about the value ``about`` and move the keyboard to it."""
        self.about = about
        self.question.setText(question)
        self.setAccessibleName(question)
        self.setAccessibleDescription(_("Choose Yes, it is right, or No, change it."))
        self.setVisible(True)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self, question)

    def dismiss(self) -> None:
        self.about = None
        self.setVisible(False)

    def _yes(self) -> None:
        self.setVisible(False)
        self.confirmed.emit()

    def _no(self) -> None:
        self.dismiss()
        self.declined.emit()
