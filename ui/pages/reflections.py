"""My reflections: gentle prompts from Valuing All Voices, private unless shared."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop_app.errors import InvalidInput
from desktop_app.i18n import _
from desktop_app.labels import label
from desktop_app.model import ReflectionAspect, VavDomain
from desktop_app.services import profile, reflections
from ui.context import AppContext
from ui.formatting import long_date
from ui.pages.list_page import ListPage
from ui.widgets.check_box import CheckBox
from ui.widgets.fields import LabelledField
from ui.widgets.page import Page
from ui.widgets.tiles import Choice, TileGroup


def prompt(domain: VavDomain) -> str:
    prompts = {
        VavDomain.RELATIONSHIP_BUILDING: _("How did you and the team get to know each other?"),
        VavDomain.TRUST: _("Did you feel safe and respected?"),
        VavDomain.UNDERSTANDING: _("Did people accept your views and your story?"),
        VavDomain.EDUCATION: _("Was the information clear? Did you learn from each other?"),
        VavDomain.SELF_AWARENESS: _("What did you notice about yourself? Did you pace yourself?"),
    }
    return prompts[domain]


class ReflectionsPage(ListPage):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            _("My reflections"),
            _(
                "Your thoughts about working with the team. They stay on this "
                "computer unless you choose to share one."
            ),
            _("Add a reflection"),
            lambda: ctx.nav.push(ReflectionFormPage(ctx)),
            _("You have not written any reflections yet."),
        )
        self.reload()
        self.set_tab_order([self.add_button])

    def reload(self) -> None:
        me = self.ctx.call(profile.owner)
        found = self.ctx.call(reflections.list_reflections, person_id=me.id)
        cards: list[QWidget] = []
        for reflection in found:
            card = QFrame()
            card.setProperty("role", "card")
            column = QVBoxLayout(card)
            heading = QLabel(f"{label(reflection.domain)} \u2014 {label(reflection.aspect)}")
            heading.setProperty("role", "h2")
            heading.setWordWrap(True)
            shared = _("Shared with my coordinator") if reflection.shared else _("Only for me")
            body = QLabel(f"{long_date(reflection.date)}. {shared}.\n{reflection.text}")
            body.setWordWrap(True)
            column.addWidget(heading)
            column.addWidget(body)
            cards.append(card)
        self.list_box.show_cards(cards)


class ReflectionFormPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(_("Add a reflection"), continue_text=_("Save"), back_text="")
        self.ctx = ctx
        self.domain = TileGroup(
            [Choice(d.value, label(d), prompt(d)) for d in VavDomain], columns=1
        )
        self.add_field("domain", LabelledField(_("What do you want to think about?"), self.domain))
        self.aspect = TileGroup([Choice(a.value, label(a)) for a in ReflectionAspect])
        self.add_field(
            "aspect",
            LabelledField(
                _("Was it something that helped, or something that was hard?"), self.aspect
            ),
        )
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(120)
        self.add_field("text", LabelledField(_("Your thoughts"), self.text))
        self.share = CheckBox(_("Share this with my coordinator"))
        self.share.setChecked(False)
        self.add_field(
            "shared",
            LabelledField(
                _("Sharing (optional)"),
                self.share,
                _("If you do not tick this, it stays on this computer."),
            ),
        )
        assert self.continue_button is not None
        self.continue_button.clicked.connect(self.save)
        self.set_tab_order([*self.domain.tiles, *self.aspect.tiles, self.text, self.share])

    def first_focus(self) -> QWidget | None:
        return self.domain.tiles[0]

    def save(self) -> None:
        problems = []
        if self.domain.value() is None:
            problems.append(("domain", _("Choose what you want to think about.")))
        if self.aspect.value() is None:
            problems.append(("aspect", _("Choose if it helped or was hard.")))
        if not self.text.toPlainText().strip():
            problems.append(("text", _("Enter your thoughts.")))
        if problems:
            self.show_problems(problems)
            return
        try:
            self.ctx.call(
                reflections.record_reflection,
                date=date.today(),
                domain=self.domain.value(),
                aspect=self.aspect.value(),
                text=self.text.toPlainText(),
                shared=self.share.isChecked(),
            )
        except InvalidInput as problem:
            self.show_failure(problem)
            return
        self.ctx.nav.back()
