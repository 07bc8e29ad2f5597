"""Reports and files to send: the project report, the money report, and a project file
for each partner (each holding only that partner's own results and pay)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from desktop_app import clock
from desktop_app.exchange import ExportedFile, export_project_files, partner_file_words
from desktop_app.exchange.finance import export_finance
from desktop_app.i18n import _
from desktop_app.model import Role
from desktop_app.services import profile, projects
from desktop_app.storage.file_names import file_name
from ui.context import AppContext
from ui.file_dialogs import FileDialogs, documents_folder
from ui.operations import Operation, run_in_background
from ui.widgets.buttons import SecondaryButton
from ui.widgets.check_box import CheckBox
from ui.widgets.fields import LabelledField, narrow
from ui.widgets.page import Page


class OutputsPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(_("Reports and files to send"), back_text=_("Back to home"))
        self.ctx = ctx
        self._operation: Operation | None = None
        self.project = narrow(QComboBox())
        for project in ctx.call(projects.projects):
            self.project.addItem(project.name, project.id)
        self.add_field("project", LabelledField(_("Project"), self.project))
        self.report = SecondaryButton(_("Make the project report (PDF)"))
        self.report.clicked.connect(self.make_report)
        self.body.addWidget(self.report)
        self.finance = SecondaryButton(_("Make the money report for finance (spreadsheet)"))
        self.finance.clicked.connect(self.make_finance)
        self.body.addWidget(self.finance)
        partners_box = QWidget()
        column = QVBoxLayout(partners_box)
        column.setContentsMargins(0, 0, 0, 0)
        self.partners: dict[str, CheckBox] = {}
        for person in ctx.call(profile.people, Role.PARTNER):
            box = CheckBox(person.display_name)
            box.setChecked(True)
            column.addWidget(box)
            self.partners[person.id] = box
        self.add_field(
            "partners",
            LabelledField(
                _("Who to make project files for"),
                partners_box,
                _("Each partner gets a file of their own, with only their own results and pay."),
            ),
        )
        self.project_file = SecondaryButton(_("Make the project files"))
        self.project_file.clicked.connect(self.make_project_files)
        self.body.addWidget(self.project_file)
        self.done = QLabel()
        self.done.setWordWrap(True)
        self.done.setProperty("role", "success")
        self.body.addWidget(self.done)
        self.set_tab_order(
            [
                self.project,
                self.report,
                self.finance,
                *self.partners.values(),
                self.project_file,
            ]
        )

    def first_focus(self) -> QWidget | None:
        return self.report

    def _run(self, title: str, suggested: str, filters: str, work: Callable[[Path], Any]) -> None:
        if self._operation is not None and self._operation.running:
            return
        chosen = FileDialogs.save(self, title, documents_folder() / suggested, filters)
        if not chosen:
            return
        out = Path(chosen)
        self._operation = run_in_background(
            self,
            lambda: work(out),
            lambda _result: self._saved(out),
            progress_text=_("Making the file\u2026"),
        )
        self._operation.finished.connect(self.done.clear)

    def _saved(self, out: Path) -> None:
        self.clear_problems()
        self.done.setText(_("It is saved as {path}.").format(path=out))

    def make_report(self) -> None:
        project_id = self.project.currentData()
        if not project_id:
            self.show_problems([("project", _("There is no project yet."))])
            return

        def work(out: Path) -> None:
            from desktop_app.reports.project_report import make_project_report

            self.ctx.call(make_project_report, out, project_id)

        self._run(
            _("Save the project report"),
            file_name(_("Project report") + f" - {clock.today()}", ".pdf"),
            _("PDF documents") + " (*.pdf)",
            work,
        )

    def make_finance(self) -> None:
        self._run(
            _("Save the money report"),
            file_name(_("Payments") + f" - {clock.today()}", ".xlsx"),
            _("Spreadsheets") + " (*.xlsx *.csv)",
            lambda out: self.ctx.call(export_finance, out),
        )

    def make_project_files(self) -> None:
        if self._operation is not None and self._operation.running:
            return
        chosen = [pid for pid, box in self.partners.items() if box.isChecked()]
        if not chosen:
            self.show_problems([("partners", _("Choose at least one partner."))])
            return
        folder = FileDialogs.folder(self, _("Choose a folder for the project files"))
        if not folder:
            return
        out = Path(folder)
        self._operation = run_in_background(
            self,
            lambda: self.ctx.call(export_project_files, out, person_ids=chosen),
            self._files_saved,
            progress_text=_("Making the files\u2026"),
        )
        self._operation.finished.connect(self.done.clear)

    def _files_saved(self, made: list[ExportedFile]) -> None:
        self.clear_problems()
        lines = [_("Saved in {folder}:").format(folder=made[0].path.parent)] if made else []
        lines += [partner_file_words(item) for item in made]
        lines.append(_("Send each partner only their own file."))
        self.done.setText("\n".join(lines))
