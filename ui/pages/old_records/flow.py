"""The steps of bringing in old records, and what moves between them.

Reading the sheet and saving it run off the UI thread. Each answer (the sheet, the
columns, the date order, a unit, the project) reads the sheet again with that answer,
and the next page is the next thing the sheet does not say, or the preview.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from desktop_app.errors import UserFacingError
from desktop_app.i18n import _
from desktop_app.services import projects
from desktop_app.sheets import (
    AmbiguousDateOrder,
    Field,
    ImportDone,
    ImportOptions,
    Plan,
    UnitNeeded,
    apply_plan,
    make_plan,
    sheet_names,
    undo_import,
)
from ui.context import AppContext
from ui.crash_dialog import report_bug
from ui.file_dialogs import FileDialogs
from ui.operations import Operation, run_in_background
from ui.pages.old_records.columns_page import ColumnsPage
from ui.pages.old_records.confirm_page import ConfirmPage
from ui.pages.old_records.done_page import DonePage
from ui.pages.old_records.preview_page import PreviewPage
from ui.pages.old_records.questions import date_order_page, project_page, sheet_page, unit_page
from ui.pages.old_records.start import StartPage
from ui.widgets.page import Page

SHEET_FILTER = "(*.csv *.tsv *.txt *.xlsx *.xlsm *.ods)"


@dataclasses.dataclass(frozen=True)
class SheetsToChoose:
    names: list[str]


class OldRecordsFlow:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.path: Path | None = None
        self.options = ImportOptions()
        self.columns_checked = False
        self.plan: Plan | None = None
        self.start_page: StartPage | None = None
        self.done_page: DonePage | None = None
        self._operation: Operation | None = None

    # -- the steps ---------------------------------------------------------------------
    def start(self) -> None:
        self.start_page = StartPage(self.choose_file)
        self.start_page.flow = self  # type: ignore[attr-defined]  # kept with its page
        self.ctx.nav.push(self.start_page)

    def choose_file(self) -> None:
        filters = _("Spreadsheets") + " " + SHEET_FILTER
        chosen = FileDialogs.open_one(self.ctx.nav.stack, _("Choose the spreadsheet"), filters)
        if chosen:
            self.open_path(Path(chosen))

    def open_path(self, path: Path) -> None:
        self.path = path
        self.options = ImportOptions()
        self.columns_checked = False
        self._read()

    def _answer(self, **changes: Any) -> None:
        self.options = dataclasses.replace(self.options, **changes)
        self._read()

    def _read(self) -> None:
        path, options = self.path, self.options
        assert path is not None
        self._operation = run_in_background(
            self._page(),
            lambda: self._work(path, options),
            self._read_done,
            self._refused,
            progress_text=_("Reading the sheet\u2026"),
        )

    def _work(self, path: Path, options: ImportOptions) -> Plan | SheetsToChoose:
        if options.sheet is None:
            names = sheet_names(path)
            if len(names) > 1:
                return SheetsToChoose(names)
        return self.ctx.call(make_plan, path, options)

    def _page(self) -> Page:
        page = self.ctx.nav.current
        assert page is not None
        return page

    def _read_done(self, found: Plan | SheetsToChoose) -> None:
        if isinstance(found, SheetsToChoose):
            self.ctx.nav.push(sheet_page(found.names, lambda name: self._answer(sheet=name)))
            return
        self.plan = found
        if not found.columns.sure and not self.columns_checked:
            self.ctx.nav.push(ColumnsPage(found, self._columns_chosen))
            return
        self.ctx.nav.push(PreviewPage(found, self._to_confirm, self.ctx.nav.home))

    def _columns_chosen(self, chosen: dict[Field, str | None]) -> None:
        self.columns_checked = True
        self._answer(columns=chosen)

    def _refused(self, problem: Exception) -> None:
        if isinstance(problem, AmbiguousDateOrder):
            self.ctx.nav.push(date_order_page(problem, lambda o: self._answer(date_order=o)))
        elif isinstance(problem, UnitNeeded):
            wanted = Field(problem.column)
            units = {**self.options.units}
            self.ctx.nav.push(
                unit_page(problem, lambda unit: self._answer(units={**units, wanted: unit}))
            )
        elif isinstance(problem, UserFacingError) and problem.field == "project":
            names = [(p.id, p.name) for p in self.ctx.call(projects.projects)]
            self.ctx.nav.push(project_page(names, lambda name: self._answer(project=name)))
        elif isinstance(problem, UserFacingError):
            self._page().show_failure(problem)  # on the page whose answer led here
        else:
            report_bug(problem)

    def _to_confirm(self) -> None:
        assert self.plan is not None
        self.ctx.nav.push(ConfirmPage(self.plan, self._apply))

    def _apply(self, add_people: bool) -> None:
        plan = self.plan
        assert plan is not None
        self._operation = run_in_background(
            self._page(),
            lambda: self.ctx.call(apply_plan, plan, add_people=add_people),
            self._applied,
            progress_text=_("Adding the records\u2026"),
        )

    def _applied(self, done: ImportDone) -> None:
        self.ctx.changed()
        self.ctx.nav.home()
        self.show_done(done)

    def show_done(self, done: ImportDone) -> None:
        page = DonePage(done, lambda: self._undo(done), self.ctx.nav.home)
        page.flow = self  # type: ignore[attr-defined]  # kept with its page
        self.done_page = page
        self.ctx.nav.push(page)

    def _undo(self, done: ImportDone) -> None:
        page = self.done_page
        assert page is not None
        self._operation = run_in_background(
            page,
            lambda: self.ctx.call(undo_import, done.import_id),
            self._undone,
            progress_text=_("Taking the records out\u2026"),
        )

    def _undone(self, done: Any) -> None:
        self.ctx.changed()
        if self.done_page is not None:
            self.done_page.show_undone(done)
