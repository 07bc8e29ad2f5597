"""Settings and help: my details, text size, contrast, projects, where my data is kept."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from desktop_app.errors import InvalidInput, UserFacingError
from desktop_app.i18n import _, current_language, shipped_languages
from desktop_app.labels import label
from desktop_app.model import PaymentChoice, Role
from desktop_app.services import profile, projects
from desktop_app.services.organisation_database import usable_address
from desktop_app.settings import Preferences
from ui.context import AppContext
from ui.language import language_name
from ui.open_externally import CannotOpenNotice, open_folder
from ui.operations import Operation, run_in_background
from ui.pages.backups import BackupsPage
from ui.pages.help_page import HelpPage
from ui.pages.setup.flow import BENEFITS_NOTE
from ui.theme import wants_high_contrast
from ui.widgets.buttons import LinkButton, SecondaryButton
from ui.widgets.check_box import CheckBox
from ui.widgets.fields import LabelledField, narrow
from ui.widgets.page import Page
from ui.widgets.text_size import TextSizeControl


class SettingsPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(_("Settings and help"), back_text=_("Back to home"))
        self.ctx = ctx
        me = ctx.call(profile.owner)
        self.help_link = LinkButton(_("How to use Partner Log"))
        self.help_link.clicked.connect(lambda: ctx.nav.push(HelpPage()))
        self.body.addWidget(self.help_link)

        self.section(_("Your details"))
        self.name = QLineEdit(me.display_name)
        self.add_field("name", LabelledField(_("Your full name"), self.name))
        self.preferred = QLineEdit(me.preferred_name)
        self.add_field(
            "preferred_name", LabelledField(_("What we call you (optional)"), self.preferred)
        )
        self.payment = narrow(QComboBox())
        for choice in PaymentChoice:
            self.payment.addItem(label(choice), choice.value)
        self.payment.setCurrentIndex(list(PaymentChoice).index(me.payment_choice))
        self.add_field(
            "payment_choice", LabelledField(_("Payment"), self.payment, _(BENEFITS_NOTE))
        )
        self.save_details = SecondaryButton(_("Save my details"))
        self.save_details.clicked.connect(self._save_details)
        self.body.addWidget(self.save_details)
        self.saved_note = QLabel()
        self.saved_note.setProperty("role", "success")
        self.body.addWidget(self.saved_note)

        self.section(_("How it looks"))
        self.language = narrow(QComboBox())
        for code in shipped_languages():
            self.language.addItem(language_name(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.language.activated.connect(self._language)
        language = Preferences.language
        self.add_field(language.key, LabelledField(_(language.title), self.language))
        self.text_size = TextSizeControl(ctx.settings.val.text_scale)
        self.text_size.changed.connect(self._text_size)
        text_scale = Preferences.text_scale
        self.add_field(text_scale.key, LabelledField(_(text_scale.title), self.text_size))
        self.contrast = CheckBox(_(Preferences.high_contrast.title))
        self.contrast.setChecked(wants_high_contrast(ctx.settings))
        self.contrast.toggled.connect(self._contrast)
        self.body.addWidget(self.contrast)

        self.section(_("Your projects"))
        names = [p.name for p in ctx.call(projects.projects)]
        self.project_list = QLabel("\n".join(names) or _("No projects yet."))
        self.project_list.setWordWrap(True)
        self.body.addWidget(self.project_list)
        self.new_project = QLineEdit()
        self.add_field(
            "project",
            LabelledField(_("Add a project"), self.new_project, _("Type the project's name")),
        )
        self.add_project = SecondaryButton(_("Add this project"))
        self.add_project.clicked.connect(self._add_project)
        self.body.addWidget(self.add_project)

        self.section(_("Where your records are kept"))
        folder = str(ctx.workspace.data_dir)
        where = QLabel(folder)
        where.setWordWrap(True)
        where.setAccessibleName(_("Your records folder: {folder}").format(folder=folder))
        self.body.addWidget(where)
        self.open_folder = SecondaryButton(_("Open the folder"))
        self.folder_notice = CannotOpenNotice()
        self.open_folder.clicked.connect(
            lambda: open_folder(ctx.workspace.data_dir, self.folder_notice)
        )
        self.body.addWidget(self.open_folder)
        self.body.addWidget(self.folder_notice)
        self.backups_button = SecondaryButton(_("Backups: make one, or put one back"))
        self.backups_button.clicked.connect(lambda: ctx.nav.push(BackupsPage(ctx)))
        self.body.addWidget(self.backups_button)
        self.old_records_button = SecondaryButton(_("Bring in old records from a spreadsheet"))
        self.old_records_button.clicked.connect(self._old_records)
        self.body.addWidget(self.old_records_button)
        shared: list[QWidget] = []
        if me.role == Role.COORDINATOR:
            shared = self._organisation_section()
        self.set_tab_order(
            [
                self.help_link,
                self.name,
                self.preferred,
                self.payment,
                self.save_details,
                self.language,
                self.text_size.smaller,
                self.text_size.slider,
                self.text_size.bigger,
                self.contrast,
                self.new_project,
                self.add_project,
                self.open_folder,
                self.backups_button,
                self.old_records_button,
                *shared,
            ]
        )

    def _organisation_section(self) -> list[QWidget]:
        """A coordinator's choice of their organisation's shared records (PostgreSQL)."""
        option = Preferences.organisation_database
        self.organisation = QLineEdit(self.ctx.settings.val.organisation_database)
        self._checking: Operation | None = None
        self.add_field(
            option.key,
            LabelledField(
                _(option.title),
                self.organisation,
                _(
                    "Only if your IT team gave you an address. Leave it empty to keep "
                    "your records in this folder."
                ),
            ),
        )
        self.save_organisation = SecondaryButton(_("Save the address"))
        self.save_organisation.clicked.connect(self._save_organisation)
        self.body.addWidget(self.save_organisation)
        self.organisation_note = QLabel()
        self.organisation_note.setProperty("role", "success")
        self.organisation_note.setWordWrap(True)
        self.body.addWidget(self.organisation_note)
        return [self.organisation, self.save_organisation]

    def _save_organisation(self) -> None:
        """Keep the address once a login to it has worked (checked off the UI thread): an
        address that does not work now would stop the next start at a message."""
        if self._checking is not None and self._checking.running:
            return
        typed = self.organisation.text()
        self.clear_problems()  # the last answer no longer holds
        self.organisation_note.setText("")
        self._checking = run_in_background(
            self,
            lambda: usable_address(typed),
            self._keep_organisation,
            self._organisation_refused,
            progress_text=_("Checking the address\u2026"),
        )

    def _keep_organisation(self, kept: str) -> None:
        self.ctx.settings.set(Preferences.organisation_database, kept)
        self.clear_problems()
        self.organisation_note.setText(
            _("Saved. Partner Log uses it the next time it starts.")
            if kept
            else _("Saved. Your records stay in this folder.")
        )

    def _organisation_refused(self, problem: Exception) -> None:
        if isinstance(problem, UserFacingError) and problem.field is None:
            problem.field = Preferences.organisation_database.key  # said at the address
        self.show_failure(problem)

    def section(self, title: str) -> None:
        heading = QLabel(title)
        heading.setProperty("role", "h1")
        heading.setWordWrap(True)
        self.body.addWidget(heading)

    def first_focus(self) -> QWidget | None:
        return self.help_link

    def _old_records(self) -> None:
        from ui.pages.old_records.flow import OldRecordsFlow  # loaded when first used

        OldRecordsFlow(self.ctx).start()

    def _save_details(self) -> None:
        try:
            self.ctx.call(
                profile.change_profile,
                name=self.name.text(),
                preferred_name=self.preferred.text(),
                payment_choice=self.payment.currentData(),
            )
        except InvalidInput as problem:
            self.show_failure(problem)
            return
        self.clear_problems()
        self.saved_note.setText(_("Your details are saved."))
        self.ctx.changed()

    def _language(self, index: int) -> None:
        code = self.language.itemData(index)
        if code != current_language():
            self.ctx.relanguage(code)

    def _text_size(self, scale: float) -> None:
        self.ctx.settings.set(Preferences.text_scale, scale)
        self.ctx.restyle()

    def _contrast(self, on: bool) -> None:
        self.ctx.settings.set(Preferences.high_contrast, on)
        self.ctx.restyle()

    def _add_project(self) -> None:
        try:
            self.ctx.call(projects.create_project, name=self.new_project.text())
        except InvalidInput as problem:
            self.show_problems([("project", str(problem))])
            return
        self.clear_problems()
        self.new_project.clear()
        names = [p.name for p in self.ctx.call(projects.projects)]
        self.project_list.setText("\n".join(names))
