"""Shown at start when the records file is damaged: what happened, what was kept, what now."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from desktop_app.i18n import _
from desktop_app.storage.integrity import DamagedDatabase
from ui.widgets.buttons import PrimaryButton, SecondaryButton

RESTORE, START_AFRESH, CLOSE = "restore", "start_afresh", "close"


class RecoveryDialog(QDialog):
    def __init__(self, problem: DamagedDatabase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = CLOSE
        self.setWindowTitle(_("Your records need attention"))
        self.setAccessibleName(_("Your records need attention"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        heading = QLabel(problem.message)
        heading.setProperty("role", "h2")
        heading.setWordWrap(True)
        text = QLabel(problem.next_step)
        text.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(text)
        if problem.backup is not None:
            self.restore_button = PrimaryButton(_("Put back my newest backup"))
            self.restore_button.clicked.connect(lambda: self._choose(RESTORE))
            layout.addWidget(self.restore_button)
        else:
            self.afresh_button = SecondaryButton(
                _("Start with empty records"),
                _("The damaged file stays where it was kept. Nothing is deleted."),
            )
            self.afresh_button.clicked.connect(lambda: self._choose(START_AFRESH))
            layout.addWidget(self.afresh_button)
        self.close_button = SecondaryButton(_("Close Partner Log for now"))
        self.close_button.clicked.connect(lambda: self._choose(CLOSE))
        layout.addWidget(self.close_button)
        self.setMinimumWidth(560)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(cls, problem: DamagedDatabase) -> str:
        """Show the dialog and return the choice (tests replace this)."""
        dialog = cls(problem)
        dialog.exec()
        return dialog.choice
