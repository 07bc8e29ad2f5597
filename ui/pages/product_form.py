"""Add a product: its name, kind, how I took part (in everyday words), who it is for."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from desktop_app.errors import InvalidInput
from desktop_app.i18n import _
from desktop_app.labels import formal_engagement, label
from desktop_app.model import Audience, EngagementType, ProductStatus, ProductType
from desktop_app.services import products
from ui.context import AppContext
from ui.widgets.check_box import CheckBox
from ui.widgets.fields import LabelledField, narrow
from ui.widgets.page import Page
from ui.widgets.tiles import Choice, TileGroup


class ProductFormPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(_("Add a product"), continue_text=_("Save the product"), back_text="")
        self.ctx = ctx
        self.title = QLineEdit()
        self.add_field("title", LabelledField(_("What is it called?"), self.title))
        self.kind = narrow(QComboBox())
        for kind in ProductType:
            self.kind.addItem(label(kind), kind.value)
        self.add_field("type", LabelledField(_("What kind of thing is it?"), self.kind))
        self.engagement = TileGroup(
            [Choice(e.value, label(e), formal_engagement(e)) for e in EngagementType], columns=1
        )
        self.add_field("engagement", LabelledField(_("How did you take part?"), self.engagement))
        audience_box = QWidget()
        audience_box.setAccessibleName(_("Who is it for?"))
        column = QVBoxLayout(audience_box)
        column.setContentsMargins(0, 0, 0, 0)
        self.audiences: dict[str, CheckBox] = {}
        for audience in Audience:
            box = CheckBox(label(audience))
            box.setAccessibleName(label(audience))
            column.addWidget(box)
            self.audiences[audience.value] = box
        self.add_field(
            "audiences", LabelledField(_("Who is it for?"), audience_box, _("Choose all that fit"))
        )
        self.status = narrow(QComboBox())
        for status in ProductStatus:
            self.status.addItem(label(status), status.value)
        self.status.setCurrentIndex(list(ProductStatus).index(ProductStatus.DRAFT))
        self.add_field("status", LabelledField(_("How far along is it?"), self.status))
        self.location = QLineEdit()
        self.add_field(
            "location",
            LabelledField(
                _("Where is the latest version? (optional)"),
                self.location,
                _("A web link, or where the file is kept"),
            ),
        )
        self.role = QLineEdit()
        self.add_field(
            "role",
            LabelledField(
                _("What was your part? (optional)"),
                self.role,
                _("For example, I checked the words"),
            ),
        )
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(140)
        self.add_field(
            "description", LabelledField(_("A short description (optional)"), self.description)
        )
        assert self.continue_button is not None
        self.continue_button.clicked.connect(self.save)
        self.set_tab_order(
            [
                self.title,
                self.kind,
                *self.engagement.tiles,
                *self.audiences.values(),
                self.status,
                self.location,
                self.role,
                self.description,
            ]
        )

    def first_focus(self) -> QWidget | None:
        return self.title

    def save(self) -> None:
        problems = []
        if not self.title.text().strip():
            problems.append(("title", _("Enter the name of the product.")))
        if self.engagement.value() is None:
            problems.append(("engagement", _("Choose how you took part.")))
        if problems:
            self.show_problems(problems)
            return
        chosen = [value for value, box in self.audiences.items() if box.isChecked()]
        try:
            self.ctx.call(
                products.create_my_product,
                title=self.title.text(),
                type=self.kind.currentData(),
                engagement=self.engagement.value(),
                audiences=chosen,
                status=self.status.currentData(),
                location=self.location.text(),
                description=self.description.toPlainText(),
                my_role=self.role.text(),
            )
        except InvalidInput as problem:
            self.show_failure(problem)
            return
        self.ctx.changed()
        self.ctx.nav.back()
