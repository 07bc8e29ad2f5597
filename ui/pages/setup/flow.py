"""First-run set-up: role, name, project, payment choice and text size."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from desktop_app.errors import InvalidInput
from desktop_app.i18n import N_, _, current_language, shipped_languages
from desktop_app.labels import label
from desktop_app.model import PaymentChoice, Role
from desktop_app.services import profile
from desktop_app.settings import Preferences
from ui.context import AppContext
from ui.language import QUESTION, language_name, switch_language
from ui.pages.add_time.steps import TilePage
from ui.widgets.buttons import SecondaryButton
from ui.widgets.fields import LabelledField
from ui.widgets.page import Page
from ui.widgets.text_size import TextSizeControl
from ui.widgets.tiles import Choice

BENEFITS_NOTE = N_(
    "Being paid can affect some benefits or taxes. Your coordinator can help you find out more."
)


class NamePage(Page):
    def __init__(self, name: str, preferred: str, on_answer: Callable[[str, str], None]) -> None:
        super().__init__(_("What is your name?"), continue_text="", back_text="")
        self.name = QLineEdit(name)
        self.preferred = QLineEdit(preferred)
        self.add_field("name", LabelledField(_("Your full name"), self.name))
        self.add_field(
            "preferred_name",
            LabelledField(
                _("What would you like us to call you? (optional)"),
                self.preferred,
                _("For example, Maggie instead of Margaret"),
            ),
        )
        assert self.continue_button is not None
        self.continue_button.clicked.connect(self._continue)
        self._answer = on_answer
        self.set_tab_order([self.name, self.preferred])

    def _continue(self) -> None:
        if not self.name.text().strip():
            self.show_problems([("name", _("Enter your name."))])
            return
        self._answer(self.name.text().strip(), self.preferred.text().strip())

    def first_focus(self) -> QWidget | None:
        return self.name


class ProjectNamePage(Page):
    def __init__(self, current: str, on_answer: Callable[[str], None]) -> None:
        super().__init__(
            _("What is your project called?"),
            _("This is the research or care project you give your time to."),
            continue_text="",
            back_text="",
        )
        self.project = QLineEdit(current)
        self.add_field("project", LabelledField(_("Project name"), self.project))
        self.later = SecondaryButton(_("I will get a project file from my coordinator"))
        self.body.addWidget(self.later)
        assert self.continue_button is not None
        self.continue_button.clicked.connect(self._continue)
        self.later.clicked.connect(lambda: on_answer(""))
        self._answer = on_answer
        self.set_tab_order([self.project, self.later])

    def _continue(self) -> None:
        if not self.project.text().strip():
            self.show_problems(
                [
                    (
                        "project",
                        _(
                            "Enter the project name, or choose to get a "
                            "project file from your coordinator."
                        ),
                    )
                ]
            )
            return
        self._answer(self.project.text().strip())

    def first_focus(self) -> QWidget | None:
        return self.project


class TextSizePage(Page):
    def __init__(self, ctx: AppContext, on_done: Callable[[], None]) -> None:
        super().__init__(
            _("Choose your text size"),
            _("Make the words as big as you like. You can change this later in Settings."),
            continue_text=_("Finish setting up"),
            back_text="",
        )
        option = Preferences.text_scale
        self.control = TextSizeControl(ctx.settings.val.text_scale)
        self.add_field(option.key, LabelledField(_(option.title), self.control))
        self.preview = QLabel(_("This is how your words will look."))
        self.preview.setWordWrap(True)
        self.body.addWidget(self.preview)

        def changed(scale: float) -> None:
            ctx.settings.set(Preferences.text_scale, scale)
            ctx.restyle()

        self.control.changed.connect(changed)
        assert self.continue_button is not None
        self.connect_kept(self.continue_button.clicked, on_done)
        self.set_tab_order([self.control.smaller, self.control.slider, self.control.bigger])

    def first_focus(self) -> QWidget | None:
        return self.control.slider


class SetupFlow:
    def __init__(self, ctx: AppContext, on_done: Callable[[], None]) -> None:
        self.ctx = ctx
        self.on_done = on_done
        self.answers: dict[str, Any] = {
            "role": None,
            "name": "",
            "preferred": "",
            "project": "",
            "payment": PaymentChoice.PAID.value,
        }
        #: The first page, "Which language?", when more than one language ships.
        self.language_page: TilePage | None = None

    def start(self) -> None:
        """Ask for the language first (when more than one ships), then the role."""
        languages = shipped_languages()
        if len(languages) < 2:
            self._ask_role()
            return
        choices = [Choice(code, language_name(code)) for code in languages]
        page = TilePage(QUESTION, choices, self._language, current_language(), columns=1)
        if page.back_button is not None:
            page.back_button.setVisible(False)
        self.language_page = page
        self.ctx.nav.reset(page)

    def _language(self, code: str) -> None:
        switch_language(self.ctx.settings, code)
        self._ask_role()

    def _ask_role(self) -> None:
        choices = [
            Choice(
                Role.PARTNER.value, _("I am a patient partner"), _("I give my time to a project")
            ),
            Choice(
                Role.COORDINATOR.value,
                _("I am a coordinator"),
                _("I run a project and pay partners"),
            ),
        ]
        page = TilePage(
            _("Welcome to Partner Log"),
            choices,
            self._role,
            columns=1,
            hint=_("Are you a patient partner or a coordinator?"),
        )
        if page.back_button is not None:
            page.back_button.setVisible(False)
        self.ctx.nav.reset(page)

    def _role(self, role: str) -> None:
        self.answers["role"] = role
        self.ctx.nav.push(NamePage(self.answers["name"], self.answers["preferred"], self._name))

    def _name(self, name: str, preferred: str) -> None:
        self.answers.update(name=name, preferred=preferred)
        self.ctx.nav.push(ProjectNamePage(self.answers["project"], self._project))

    def _project(self, project: str) -> None:
        self.answers["project"] = project
        if self.answers["role"] == Role.COORDINATOR.value:
            self._text_size()
            return
        choices = [Choice(c.value, label(c)) for c in PaymentChoice]
        page = TilePage(
            _("How would you like to be paid?"),
            choices,
            self._payment,
            self.answers["payment"],
            columns=1,
            hint=_(BENEFITS_NOTE),
        )
        self.ctx.nav.push(page)

    def _payment(self, choice: str) -> None:
        self.answers["payment"] = choice
        self._text_size()

    def _text_size(self) -> None:
        self.ctx.nav.push(TextSizePage(self.ctx, self._finish))

    def _finish(self) -> None:
        a = self.answers
        try:
            self.ctx.call(
                profile.setup, a["role"], a["name"], a["preferred"], a["project"], a["payment"]
            )
        except InvalidInput as problem:
            page = self.ctx.nav.current
            if page is not None:
                page.show_failure(problem)
            return
        self.on_done()
