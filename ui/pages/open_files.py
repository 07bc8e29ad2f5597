"""Open files: a partner opens a project file; a coordinator opens partners' files.

Nothing changes until the person has seen what each file would add or change, and said
yes. A checked backup is taken first; then everything is added in one go.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.errors import UserFacingError
from desktop_app.exchange import FilePreview, Preview, apply, preview
from desktop_app.exchange.errors import PassphraseNeeded, WrongPassphrase
from desktop_app.i18n import _
from desktop_app.services import projects
from desktop_app.services.projects import fold
from ui.context import AppContext
from ui.crash_dialog import report_bug
from ui.file_dialogs import FileDialogs
from ui.formatting import long_date
from ui.operations import Operation, run_in_background
from ui.widgets.buttons import SecondaryButton
from ui.widgets.check_box import CheckBox
from ui.widgets.fields import LabelledField, narrow
from ui.widgets.page import Page

FILES_FILTER = "(*.partnerlog)"


def counts_words(counts: Any) -> str:
    return _("{new} new, {changed} changed, {same} already here, {conflict} to sort out").format(
        new=counts.new, changed=counts.changed, same=counts.duplicate, conflict=counts.conflict
    )


def file_counts_words(item: FilePreview) -> str:
    """ "New: 3 time entries, plus the partner and the project. 0 changed, ..." """
    counts = item.counts
    return _("New: {new}. {changed} changed, {same} already here, {conflict} to sort out.").format(
        new=item.new_words(),
        changed=counts.changed,
        same=counts.duplicate,
        conflict=counts.conflict,
    )


def project_questions(found: Preview) -> list[tuple[str, str, list[str]]]:
    """One question per project name in the whole batch, not one per file:
    (their name, your project id it is filed under or "", their project ids)."""
    groups: dict[str, tuple[str, str, list[str]]] = {}
    for item in found.files:
        for pid, theirs, mine, _name in item.filed_under:
            groups.setdefault(fold(theirs), (theirs, mine, []))[2].append(pid)
        for pid, theirs in item.unknown_projects:
            groups.setdefault(fold(theirs), (theirs, "", []))[2].append(pid)
    return list(groups.values())


def file_words(item: FilePreview) -> str:
    return _("From {who}, made on {day}.").format(
        who=item.author_name, day=long_date(item.created_at.date())
    )


class PassphrasePage(Page):
    def __init__(self, message: str, on_answer: Any) -> None:
        super().__init__(
            _("This file has a password"), message, continue_text=_("Open it"), back_text=""
        )
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_field(
            "passphrase",
            LabelledField(_("Password"), self.passphrase, _("Ask the person who sent the file")),
        )
        assert self.continue_button is not None
        self.continue_button.clicked.connect(lambda: on_answer(self.passphrase.text()))
        self.set_tab_order([self.passphrase])

    def first_focus(self) -> QWidget | None:
        return self.passphrase


class PreviewPage(Page):
    def __init__(self, ctx: AppContext, found: Preview, on_apply: Any) -> None:
        super().__init__(
            _("Check what these files will add"),
            _("Nothing has changed yet."),
            continue_text=_("Add this to my records"),
            back_text="",
        )
        order: list[QWidget] = []
        self.links: dict[str, QComboBox] = {}
        my_projects = [(p.id, p.name) for p in ctx.call(projects.projects)]
        for item in found.files:
            card = QFrame()
            card.setProperty("role", "card")
            column = QVBoxLayout(card)
            for text, role in (
                (Path(item.label).name, "h2"),
                (file_words(item), ""),
                (file_counts_words(item), ""),
            ):
                label = QLabel(text)
                label.setWordWrap(True)
                if role:
                    label.setProperty("role", role)
                column.addWidget(label)
            for words in [*item.filed_words(), item.left_out_words()]:
                if not words:
                    continue
                label = QLabel(words)
                label.setWordWrap(True)
                column.addWidget(label)
            self.body.addWidget(card)
        self.groups: list[tuple[QComboBox, list[str]]] = []
        names = dict(my_projects)
        for number, (theirs, mine, ids) in enumerate(project_questions(found)):
            combo = narrow(QComboBox())
            if mine:
                combo.addItem(
                    _("Filed under your project {name}").format(name=names.get(mine, "")), mine
                )
            combo.addItem(_("Keep it as a project of its own"), "")
            for pid, pname in my_projects:
                if pid != mine:
                    combo.addItem(_("Same as {name}").format(name=pname), pid)
            self.add_field(
                f"link-{number}",
                LabelledField(
                    _(
                        "The files have a project called \u201c{name}\u201d. Is it one of yours?"
                    ).format(name=theirs),
                    combo,
                ),
            )
            self.groups.append((combo, ids))
            for pid in ids:
                self.links[pid] = combo
            order.append(combo)
        # A child of the page even when it is not asked: a widget with no parent belongs to
        # Python, whose garbage collector could free it while Qt is busy with every widget.
        self.confirm = CheckBox(_("Yes, I want to go ahead"), self)
        if found.needs_confirmation:
            self.add_field("confirm", LabelledField(found.reason, self.confirm))
            order.append(self.confirm)
        else:
            self.confirm.hide()
        self.needs_confirmation = found.needs_confirmation
        assert self.continue_button is not None
        self.connect_kept(self.continue_button.clicked, on_apply)
        self.set_tab_order(order)

    def chosen_links(self) -> dict[str, str]:
        return {
            pid: combo.currentData() for pid, combo in self.links.items() if combo.currentData()
        }


class OpenFilesFlow:
    def __init__(self, ctx: AppContext, many: bool) -> None:
        self.ctx = ctx
        self.many = many
        self.files: list[str] = []
        self.passphrase: str | None = None
        self.found: Preview | None = None
        self.page: PreviewPage | None = None
        self._operation: Operation | None = None

    def start(self) -> None:
        title = _("Choose the files to open") if self.many else _("Choose the file to open")
        filters = _("Partner Log files") + " " + FILES_FILTER
        if self.many:
            self.files = FileDialogs.open_many(self.ctx.nav.stack, title, filters)
        else:
            one = FileDialogs.open_one(self.ctx.nav.stack, title, filters)
            self.files = [one] if one else []
        if self.files:
            self._read()

    def _read(self) -> None:
        files, secret = list(self.files), self.passphrase
        self._operation = run_in_background(
            self.ctx.nav.stack,
            lambda: self.ctx.call(preview, files, secret),
            self._previewed,
            self._refused,
            progress_text=_("Reading the files\u2026"),
        )

    def _refused(self, problem: Exception) -> None:
        # No page is open for these files yet: a refusal gets a page of its own.
        if isinstance(problem, PassphraseNeeded | WrongPassphrase):
            self.ctx.nav.push(PassphrasePage(str(problem), self._with_passphrase))
        elif isinstance(problem, UserFacingError):
            title = _("This file could not be opened")
            self.ctx.nav.push(ResultPage(self.ctx, title, str(problem)))
        else:
            report_bug(problem)

    def _with_passphrase(self, secret: str) -> None:
        self.passphrase = secret
        self.ctx.nav.back()
        self._read()

    def _previewed(self, found: Preview) -> None:
        self.found = found
        self.page = PreviewPage(self.ctx, found, self._apply)
        self.ctx.nav.push(self.page)

    def _apply(self) -> None:
        assert self.page is not None and self.found is not None
        if self.page.needs_confirmation and not self.page.confirm.isChecked():
            self.page.show_problems([("confirm", _("Tick the box to go ahead, or go back."))])
            return
        found, links = self.found, self.page.chosen_links()
        self._operation = run_in_background(
            self.page,
            lambda: self.ctx.call(apply, found, links=links, confirm=True),
            self._applied,
            progress_text=_("Adding the records\u2026"),
        )

    def _applied(self, result: Any) -> None:
        self.ctx.changed()
        counts = result.preview.counts
        text = _("Added: {words}.").format(words=counts_words(counts))
        for item in result.preview.files:
            if item.left_out:
                text += " " + item.left_out_words()
        if result.backup is not None:
            text += " " + _("A backup was made first.")
        self.ctx.nav.home()
        self.ctx.nav.push(ResultPage(self.ctx, _("The files are added"), text))


class ResultPage(Page):
    def __init__(self, ctx: AppContext, title: str, text: str) -> None:
        super().__init__(title, text)
        self.home_button = SecondaryButton(_("Go to home"))
        self.home_button.clicked.connect(ctx.nav.home)
        self.body.addWidget(self.home_button)
        self.set_tab_order([self.home_button])

    def first_focus(self) -> QWidget | None:
        return self.home_button
