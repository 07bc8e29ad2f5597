"""Void a payment: the question, and the reason, which is needed.

A payment is never deleted. Voiding keeps it in the records, marked with the reason,
and the entries it paid are owed again. Enter voids (once a reason is typed), Escape
and Cancel leave everything as it was.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLayout, QLineEdit, QVBoxLayout, QWidget

from desktop_app.i18n import _
from ui.widgets.buttons import PrimaryButton, SecondaryButton
from ui.widgets.fields import LabelledField


class VoidDialog(QDialog):
    """ "Void the payment of CAD 97.50 to Rosa Martínez?", with a box for the reason."""

    def __init__(self, parent: QWidget | None, question: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Void this payment"))
        self.setModal(True)
        self.setAccessibleName(question)
        column = QVBoxLayout(self)
        column.setSpacing(16)
        # The window's size is set once, at the end: the offscreen and some real
        # platforms complain when a shown window's size limits change.
        column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.question = QLabel(question)
        self.question.setProperty("role", "h2")
        self.question.setWordWrap(True)
        column.addWidget(self.question)
        explain = QLabel(
            _("The payment stays in the list, marked void. Its entries are owed again.")
        )
        explain.setWordWrap(True)
        column.addWidget(explain)
        self.reason = QLineEdit()
        self.reason.setMaxLength(2000)
        self.field = LabelledField(
            _("Why is this payment void?"), self.reason, _("You must say why. The reason is kept.")
        )
        column.addWidget(self.field)
        buttons = QHBoxLayout()
        self.cancel = SecondaryButton(_("Cancel"))
        self.void = PrimaryButton(_("Void this payment"))
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.void)
        column.addLayout(buttons)
        self.cancel.setAutoDefault(False)
        self.void.setDefault(True)
        self.cancel.clicked.connect(self.reject)
        self.void.clicked.connect(self._void)
        QWidget.setTabOrder(self.reason, self.cancel)
        QWidget.setTabOrder(self.cancel, self.void)
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(self.sizeHint())

    def _void(self) -> None:
        if not self.reason.text().strip():
            self.field.set_error(_("Write why this payment is void."))
            self.resize(self.size().expandedTo(self.sizeHint()))
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.accept()

    def reason_text(self) -> str:
        return self.reason.text().strip()

    @classmethod
    def ask(cls, parent: QWidget, question: str) -> str | None:
        """Ask for the reason and a yes (tests replace this). None means "do not void"."""
        dialog = cls(parent, question)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.reason_text()
        return None
