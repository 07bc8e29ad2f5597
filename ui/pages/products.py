"""My products: what I helped make, and a way to add one."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop_app.i18n import _
from desktop_app.labels import label
from desktop_app.model import Audience, Product
from desktop_app.services import products, profile
from ui.context import AppContext
from ui.open_externally import CannotOpenNotice, open_link
from ui.pages.list_page import ListPage
from ui.widgets.buttons import SecondaryButton


class ProductCard(QFrame):
    def __init__(self, product: Product) -> None:
        super().__init__()
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        title = QLabel(product.title)
        title.setProperty("role", "h2")
        title.setWordWrap(True)
        layout.addWidget(title)
        audiences = ", ".join(label(Audience(a)) for a in product.audiences) or _("Not said")
        facts = [
            _("Kind: {kind}").format(kind=label(product.type)),
            _("How I took part: {how}").format(how=label(product.engagement)),
            _("Made for: {who}").format(who=audiences),
            _("Stage: {stage}").format(stage=label(product.status)),
        ]
        text = QLabel("\n".join(facts))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.notice = CannotOpenNotice()
        self.open_button: SecondaryButton | None = None
        if product.location:
            self.open_button = SecondaryButton(
                _("Open the latest version"), _("Opens {title}").format(title=product.title)
            )
            self.open_button.setAccessibleName(
                _("Open the latest version of {title}").format(title=product.title)
            )
            self.open_button.clicked.connect(lambda: open_link(product.location, self.notice))
            layout.addWidget(self.open_button)
        layout.addWidget(self.notice)
        self.setAccessibleName(product.title)


class ProductsPage(ListPage):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            _("My products"),
            _("Things the team made that you helped with."),
            _("Add a product"),
            self._add,
            _("You have not added any products yet."),
        )
        self.list_box.setSpacing(12)
        self.cards: list[ProductCard] = []
        self.reload()

    def reload(self) -> None:
        me = self.ctx.call(profile.owner)
        found = self.ctx.call(products.list_products, person_id=me.id)
        self.cards = [ProductCard(p) for p in found]
        self.list_box.show_cards(self.cards)
        order: list[QWidget] = [self.add_button]
        order += [c.open_button for c in self.cards if c.open_button is not None]
        self.set_tab_order(order)

    def _add(self) -> None:
        from ui.pages.product_form import ProductFormPage

        self.ctx.nav.push(ProductFormPage(self.ctx))
