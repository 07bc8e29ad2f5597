"""The main window: the home screen with what the partner has given."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

from desktop_app.i18n import _
from desktop_app.services import profile
from desktop_app.services.summaries import summarise
from desktop_app.workspace import Workspace


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.setWindowTitle(_("Partner Log"))
        self.resize(1000, 700)
        central = QWidget()
        layout = QVBoxLayout(central)
        self.greeting = QLabel()
        self.greeting.setWordWrap(True)
        layout.addWidget(self.greeting)
        grid = QGridLayout()
        self.figures: dict[str, QLabel] = {}
        for row, (key, title) in enumerate(
            (
                ("month", _("Hours this month")),
                ("total", _("Hours in total")),
                ("meetings", _("Meetings")),
                ("products", _("Products")),
            )
        ):
            caption = QLabel(title)
            value = QLabel("0")
            value.setObjectName(f"figure_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignLeft)
            caption.setBuddy(value)
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            self.figures[key] = value
        layout.addLayout(grid)
        layout.addStretch(1)
        self.setCentralWidget(central)
        self.refresh()

    def refresh(self) -> None:
        installation = self.workspace.call(profile.installation)
        if installation is None:
            self.greeting.setText(_("Welcome to Partner Log."))
            return
        person = self.workspace.call(profile.owner)
        today = date.today()
        month = self.workspace.call(
            summarise, person_id=person.id, start=today.replace(day=1), end=today
        )
        total = self.workspace.call(summarise, person_id=person.id)
        self.greeting.setText(_("Hello, {name}.").format(name=person.name))
        self.figures["month"].setText(f"{month.total_hours:.1f}")
        self.figures["total"].setText(f"{total.total_hours:.1f}")
        self.figures["meetings"].setText(str(total.meetings))
        self.figures["products"].setText(str(total.products))
