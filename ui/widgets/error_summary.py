"""The "There is a problem" box at the top of a page, as GOV.UK does it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop_app.i18n import _
from ui.announce import announce
from ui.widgets.buttons import LinkButton


class ErrorSummary(QFrame):
    """Lists the problems on a page; each links to its field. Takes focus when shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "error-summary")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(_("There is a problem"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 16, 16, 16)
        title = QLabel(_("There is a problem"))
        title.setProperty("role", "h2")
        self._layout.addWidget(title)
        self.links: list[LinkButton] = []
        self.setVisible(False)

    def show_problems(self, problems: Sequence[tuple[str, Callable[[], None]]]) -> None:
        """Show ``(message, go_to_field)`` pairs and move the keyboard here."""
        self.clear()
        for message, go_to in problems:
            link = LinkButton(message)
            link.clicked.connect(go_to)
            self._layout.addWidget(link)
            self.links.append(link)
        self.setAccessibleDescription(" ".join(message for message, _go in problems))
        self.setVisible(True)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        # Screen readers say it at once, whatever they were reading.
        announce(self, " ".join((self.accessibleName() + ".", *(m for m, _go in problems))))

    def clear(self) -> None:
        for link in self.links:
            self._layout.removeWidget(link)
            link.deleteLater()
        self.links = []
        self.setVisible(False)
