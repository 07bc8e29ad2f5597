"""My certificate and My statement: choose a period, see the figures, save the PDF."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from desktop_app import clock
from desktop_app.errors import InvalidInput
from desktop_app.i18n import _, current_language, language_switched, shipped_languages
from desktop_app.reports.formatting import hours
from desktop_app.services import profile, projects
from desktop_app.services.summaries import Summary, summarise
from desktop_app.storage.file_names import safe_file_name
from ui.context import AppContext
from ui.file_dialogs import FileDialogs, documents_folder
from ui.formatting import long_date
from ui.language import language_name
from ui.open_externally import CannotOpenNotice, open_file
from ui.operations import Operation, run_in_background
from ui.pages.add_time.steps import TilePage, project_page
from ui.widgets.buttons import PrimaryButton, SecondaryButton
from ui.widgets.date_field import DateField
from ui.widgets.fields import LabelledField, narrow
from ui.widgets.page import Page
from ui.widgets.summary_card import SummaryCard
from ui.widgets.tiles import Choice

CERTIFICATE, STATEMENT = "certificate", "statement"


@dataclass
class Period:
    start: date | None
    end: date | None

    def words(self) -> str:
        if self.start is None and self.end is None:
            return _("All time")
        return _("{start} to {end}").format(
            start=long_date(self.start) if self.start else _("the start"),
            end=long_date(self.end) if self.end else _("today"),
        )


def named_period(value: str, today: date | None = None) -> Period:
    today = today or clock.today()
    if value == "this_year":
        return Period(today.replace(month=1, day=1), today)
    if value == "last_year":
        last_year = today.year - 1
        return Period(date(last_year, 1, 1), date(last_year, 12, 31))
    return Period(None, None)


class DatesPage(Page):
    def __init__(self, on_answer: Callable[[Period], None]) -> None:
        super().__init__(_("Choose the dates"), continue_text="", back_text="")
        end = clock.today()
        self.start = DateField(end - timedelta(days=90))
        self.end = DateField(end)
        example = _("For example, {day}").format(day=self.start.example())
        self.add_field("start", LabelledField(_("From"), self.start, example))
        self.add_field("end", LabelledField(_("To"), self.end, example))
        assert self.continue_button is not None
        self.continue_button.clicked.connect(self._continue)
        self._answer = on_answer
        self.set_tab_order(
            [self.start.edit, self.start.calendar_button, self.end.edit, self.end.calendar_button]
        )

    def _continue(self) -> None:
        problems, days = [], {}
        for name, field in (("start", self.start), ("end", self.end)):
            try:
                days[name] = field.day()
            except InvalidInput as problem:
                problems.append((name, problem.message))
        if not problems and days["end"] < days["start"]:
            problems.append(("end", _("The end date must be on or after the start date.")))
        if problems:
            self.show_problems(problems)
            return
        self.clear_problems()
        self._answer(Period(days["start"], days["end"]))

    def first_focus(self) -> QWidget | None:
        return self.start.edit


class PreviewPage(Page):
    """The figures that will be printed, then Save."""

    def __init__(self, title: str, rows: list[tuple[str, str]], save_text: str) -> None:
        super().__init__(
            title, _("This is what will be printed."), continue_text=save_text, back_text=""
        )
        card = SummaryCard(rows)
        self.body.addWidget(card)
        #: The PDF's own language: a Spanish-speaking partner may need an English certificate.
        self.language = narrow(QComboBox())
        for code in shipped_languages():
            self.language.addItem(language_name(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        if self.language.count() > 1:
            self.add_field(
                "language",
                LabelledField(
                    _("Language of the PDF"),
                    self.language,
                    _("You can print it in another language."),
                ),
            )
        else:
            self.language.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setProperty("role", "success")
        self.body.addWidget(self.status)

    def first_focus(self) -> QWidget | None:
        return self.continue_button


class SavedPage(Page):
    def __init__(self, title: str, text: str, path: Path, on_home: Callable[[], None]) -> None:
        super().__init__(title, text)
        self.path = path
        self.open_button = PrimaryButton(_("Open it"))
        self.open_button.clicked.connect(self.open_file)
        self.home_button = SecondaryButton(_("Go to home"))
        self.home_button.clicked.connect(on_home)
        self.notice = CannotOpenNotice()
        self.body.addWidget(self.open_button)
        self.body.addWidget(self.notice)
        self.body.addWidget(self.home_button)
        self.set_tab_order([self.open_button, self.home_button])

    def open_file(self) -> bool:
        opened = open_file(self.path, self.notice)
        self.set_tab_order([self.open_button, *self.notice.copy_buttons(), self.home_button])
        return opened

    def first_focus(self) -> QWidget | None:
        return self.open_button


class DocumentFlow:
    """Takes the partner from a period to a saved PDF, building it off the UI thread."""

    def __init__(self, ctx: AppContext, kind: str) -> None:
        self.ctx = ctx
        self.kind = kind
        self.period = Period(None, None)
        self.project_id: str | None = None
        self._operation: Operation | None = None
        self.preview: PreviewPage | None = None

    @property
    def title(self) -> str:
        return _("My certificate") if self.kind == CERTIFICATE else _("My statement")

    def start(self) -> None:
        choices = [
            Choice("this_year", _("This year")),
            Choice("last_year", _("Last year")),
            Choice("all", _("All time")),
            Choice("dates", _("Choose the dates")),
        ]
        hint = (
            _("A certificate shows the time you gave and what you helped make.")
            if self.kind == CERTIFICATE
            else _("A statement lists your time and costs, so you can be paid.")
        )
        self.ctx.nav.push(
            TilePage(_("Which time should it cover?"), choices, self._period, hint=hint)
        )

    def _period(self, value: str) -> None:
        if value == "dates":
            self.ctx.nav.push(DatesPage(self._dates))
            return
        self.period = named_period(value)
        self._after_period()

    def _dates(self, period: Period) -> None:
        self.period = period
        self._after_period()

    def _after_period(self) -> None:
        found = self.ctx.call(projects.projects)
        if self.kind == STATEMENT and len(found) > 1 and self.project_id is None:
            self.ctx.nav.push(project_page([(p.id, p.name) for p in found], None, self._project))
            return
        if self.kind == STATEMENT and found:
            self.project_id = self.project_id or found[0].id
        self._preview()

    def _project(self, project_id: str) -> None:
        self.project_id = project_id
        self._preview()

    def _preview(self) -> None:
        me = self.ctx.call(profile.owner)
        figures: Summary = self.ctx.call(
            summarise,
            person_id=me.id,
            project_id=self.project_id,
            start=self.period.start,
            end=self.period.end,
        )
        rows = [
            (_("Name"), me.display_name),
            (_("Time covered"), self.period.words()),
            (_("Hours"), hours(figures.total_minutes)),
            (_("Meetings"), str(figures.meetings)),
        ]
        if self.kind == CERTIFICATE:
            rows.append((_("Products you helped make"), str(figures.products)))
        else:
            rows.append((_("Time entries"), str(figures.entries)))
        save_text = (
            _("Save the certificate") if self.kind == CERTIFICATE else _("Save the statement")
        )
        self.preview = PreviewPage(self.title, rows, save_text)
        assert self.preview.continue_button is not None
        self.preview.continue_button.clicked.connect(lambda: self.save(me.display_name))
        self.ctx.nav.push(self.preview)

    @classmethod
    def ask_where(cls, parent: QWidget, suggested: Path) -> str:
        """Ask where to save (tests replace this)."""
        return FileDialogs.save(
            parent, _("Save the PDF"), suggested, _("PDF documents") + " (*.pdf)"
        )

    def _suggested(self, person_name: str) -> Path:
        folder = documents_folder()
        what = _("Certificate") if self.kind == CERTIFICATE else _("Statement")
        when = str(self.period.end.year) if self.period.end else clock.today().isoformat()
        return folder / safe_file_name(f"{what} - {person_name} - {when}.pdf")

    def save(self, person_name: str) -> None:
        assert self.preview is not None
        if self._operation is not None and self._operation.running:
            return
        chosen = self.ask_where(self.preview, self._suggested(person_name))
        if not chosen:
            return
        out = Path(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf")
        me_id = self.ctx.call(profile.owner).id
        start, end, project_id = self.period.start, self.period.end, self.project_id
        language = self.preview.language.currentData() or current_language()

        def build() -> Any:
            # The PDF library is loaded only when a PDF is made, not at start-up.
            from desktop_app.reports.certificate import make_certificate
            from desktop_app.reports.statement import make_statement

            with language_switched(language):
                if self.kind == CERTIFICATE:
                    projects_ = [project_id] if project_id else None
                    return self.ctx.call(make_certificate, out, me_id, start, end, projects_)
                assert project_id is not None
                return self.ctx.call(make_statement, out, me_id, project_id, start, end)

        self.preview.status.setText(_("Making your PDF\u2026"))
        self._operation = run_in_background(
            self.preview,
            build,
            lambda result: self._saved(out, result),
            progress_text=_("Making your PDF\u2026"),
        )
        self._operation.finished.connect(self.preview.status.clear)

    def _saved(self, out: Path, result: Any) -> None:
        text = _("It is saved as {path}.").format(path=out)
        code = getattr(result, "code", "")
        if code:
            text += " " + _("Its check code is {code}.").format(code=code)
        self.ctx.nav.push(SavedPage(_("Your PDF is ready"), text, out, self.ctx.nav.home))
