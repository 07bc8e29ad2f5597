"""My records: entries by month, with totals and status; open, change, delete, undo."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from desktop_app.i18n import _
from desktop_app.reports.formatting import number
from desktop_app.services import profile, projects, records
from desktop_app.services.summaries import hours_by_month
from ui.announce import announce
from ui.context import AppContext
from ui.records_model import RecordsModel
from ui.widgets.buttons import PrimaryButton, SecondaryButton
from ui.widgets.fields import LabelledField, narrow
from ui.widgets.page import Page
from ui.widgets.record_cards import CardsModel, RecordCards

#: From this text size on, the records show as cards (a table's cells get cut off).
CARDS_FROM_SCALE = 1.5
#: The page's margins left and right (``Page`` sets them), which the list cannot use.
_SIDE_MARGINS_PX = 64


class RecordsPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            _("My records"), _("Your time and expenses, newest first."), back_text=_("Back to home")
        )
        self.ctx = ctx
        self.person_id = ctx.call(profile.owner).id
        self.project_filter = narrow(QComboBox())
        self.project_filter.addItem(_("All projects"), "")
        project_names = {}
        for project in ctx.call(projects.projects):
            self.project_filter.addItem(project.name, project.id)
            project_names[project.id] = project.name
        self.filter_field = self.add_field(
            "project", LabelledField(_("Show records for"), self.project_filter)
        )
        self.filter_field.setVisible(self.project_filter.count() > 2)
        self.banner = QFrame()
        self.banner.setProperty("role", "banner")
        banner_row = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.setProperty("role", "success")
        self.undo_button = SecondaryButton(_("Undo"))
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.undo_button)
        self.body.addWidget(self.banner)
        self.banner.setVisible(False)
        self.table = QTableView()
        self.table.setAccessibleName(_("Your records"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        # Fitting the columns to every page that arrives while scrolling (all 100,000
        # rows) made scrolling crawl: ``_fit_columns`` fits them to the first page.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(320)
        self.table.activated.connect(self._open_index)
        self.table.installEventFilter(self)
        self.body.addWidget(self.table, 1)
        self.model = RecordsModel(lambda _after, _limit: [], 0, {}, project_names)
        self.table.setModel(self.model)
        self.model.rowsInserted.connect(lambda _p, first, last: self._span_months(first, last))
        # At large text, or when the columns do not fit, the same records show as cards.
        self.cards = RecordCards()
        self.cards.setAccessibleName(_("Your records"))
        self.cards.setModel(CardsModel(self.model))
        self.cards.setMinimumHeight(320)
        self.cards.activated.connect(self._open_index)
        self.cards.delete_requested.connect(self._delete_index)
        self.body.addWidget(self.cards, 1)
        self.showing_cards = False
        self.let_body_grow()
        self.empty = QLabel(
            _(
                "There is nothing here yet. Use \u201cAdd my time\u201d on the home "
                "page to add your first entry."
            )
        )
        self.empty.setWordWrap(True)
        self.body.addWidget(self.empty)
        self.open_button = PrimaryButton(_("Open the chosen entry"))
        self.open_button.clicked.connect(self._open_selected)
        self.body.addWidget(self.open_button)
        self.project_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self._undo: object = None
        self.undo_button.clicked.connect(self._undo_clicked)
        self.set_tab_order(
            [self.project_filter, self.undo_button, self.table, self.cards, self.open_button]
        )
        self.reload()

    def first_focus(self) -> QWidget | None:
        if self.banner.isVisibleTo(self) and self.undo_button.isVisibleTo(self):
            return self.undo_button  # just deleted something: Undo is one key away
        return self.view() if self.model.rowCount() else self.back_button

    def view(self) -> QTableView | RecordCards:
        """The list on show: the table, or the cards."""
        return self.cards if self.showing_cards else self.table

    # -- table or cards -------------------------------------------------------------
    def columns_fit(self) -> bool:
        """Whether every column of the table fits the page's width without cutting."""
        header = self.table.horizontalHeader()
        last = self.model.columnCount() - 1
        widths = [header.sectionSize(c) for c in range(last)]
        widths.append(max(self.table.sizeHintForColumn(last), header.sectionSizeHint(last)))
        room = self.width() - _SIDE_MARGINS_PX - self.scroll.verticalScrollBar().sizeHint().width()
        return sum(widths) + 2 * self.table.frameWidth() <= room

    def choose_view(self) -> None:
        """Cards at large text sizes or when the table's columns do not fit; else the table."""
        large = self.ctx.settings.val.text_scale >= CARDS_FROM_SCALE
        cards = large or not self.columns_fit()
        has_rows = self.model.rowCount() > 0
        focused = self.view().hasFocus()
        row = self._chosen_row() if has_rows else 0
        switched = cards != self.showing_cards
        self.showing_cards = cards
        self.table.setVisible(has_rows and not cards)
        self.cards.setVisible(has_rows and cards)
        if has_rows and switched:
            self._choose_row(row)
        if focused and switched:
            self.view().setFocus(Qt.FocusReason.OtherFocusReason)

    def _chosen_row(self) -> int:
        for view in (self.view(), self.table, self.cards):  # the one on show first
            chosen = view.selectionModel().selectedIndexes()
            if chosen:
                return chosen[0].row()
        return 1 if self.model.is_month(0) else 0

    def _entry_id(self, row: int) -> str | None:
        entry = self.model.entry(row)
        return entry.id if entry is not None else None

    def _choose_row(self, row: int) -> None:
        """Select ``row`` in both lists, so a switch between them keeps the chosen entry."""
        self.table.selectRow(row)
        self.cards.setCurrentIndex(self.cards.model().index(row, 0))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        if hasattr(self, "showing_cards"):  # not while the page is being made
            self.choose_view()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt naming)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # The text size changed: measure the columns again once all text has it.
            QTimer.singleShot(0, self, self._refit)

    def _refit(self) -> None:
        self._fit_columns()
        self.choose_view()

    def _fit_columns(self) -> None:
        # Column widths are fitted to the first page once, not to every page that arrives
        # while scrolling. The last column (the note) stretches to the table's edge.
        for column in range(self.model.columnCount() - 1):
            self.table.resizeColumnToContents(column)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if (
            watched is getattr(self, "table", None)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
        ):
            self._delete_index(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def on_shown(self) -> None:
        self.reload()

    def project_id(self) -> str | None:
        return self.project_filter.currentData() or None

    def reload(self) -> None:
        project_id = self.project_id()
        total = self.ctx.call(records.count_entries, self.person_id, project_id)
        months = self.ctx.call(hours_by_month, person_id=self.person_id, project_id=project_id)
        month_text = {key: number(value) for key, value in months.items()}

        def fetch(after: records.EntryRow | None, limit: int) -> list[records.EntryRow]:
            return self.ctx.call(
                records.entry_rows, self.person_id, project_id, limit=limit, after=after
            )

        before = self.model.entry(self._chosen_row()) if self.model.rowCount() else None
        chosen = before.id if before is not None else None
        self.model.restart(fetch, total, month_text)
        self.table.clearSpans()
        self._fit_columns()
        self._span_months(0, self.model.rowCount() - 1)
        has_rows = total > 0
        self.open_button.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.choose_view()
        if has_rows:  # the entry chosen before, if it is still there; else the newest
            rows = range(self.model.rowCount())
            same = [r for r in rows if chosen is not None and self._entry_id(r) == chosen]
            self._choose_row(same[0] if same else 1 if self.model.is_month(0) else 0)

    def _span_months(self, first: int, last: int) -> None:
        for row in range(first, last + 1):
            if self.model.is_month(row):
                self.table.setSpan(row, 0, 1, self.model.columnCount())

    def _open_index(self, index: QModelIndex, to_delete: bool = False) -> None:
        entry = self.model.entry(index.row())
        if entry is not None:
            from ui.pages.entry_detail import EntryDetailPage

            page = EntryDetailPage(self.ctx, entry, on_deleted=self.deleted, to_delete=to_delete)
            self.ctx.nav.push(page)

    def _delete_index(self, index: QModelIndex) -> None:
        """Delete on an entry: open it with "Delete this entry" ready, so the person
        sees what they are deleting and one more key press does it."""
        self._open_index(index, to_delete=True)

    def _open_selected(self) -> None:
        # (Not selectedRows: that counts rows with every column chosen, and a card is
        # the first column only.)
        chosen = self.view().selectionModel().selectedIndexes()
        if chosen:
            self._open_index(chosen[0])
        else:
            self.show_problems([("", _("Choose an entry in the list first."))])

    def deleted(self, message: str, undo: object) -> None:
        """Called by the entry page after a delete: show the Undo banner here."""
        self._undo = undo
        self.undo_button.setVisible(True)
        self._say(message)
        self.reload()
        self.focus_start()

    def _undo_clicked(self) -> None:
        if callable(self._undo):
            self._undo()
        self._undo = None
        self.undo_button.setVisible(False)
        self._say(_("The entry is back."))
        self.ctx.changed()
        self.reload()
        self.view().setFocus(Qt.FocusReason.OtherFocusReason)

    def _say(self, message: str) -> None:
        """Show ``message`` in the banner; screen readers announce it at once."""
        self.banner_text.setText(message)
        self.banner.setAccessibleName(message)
        self.banner.setVisible(True)
        announce(self.banner, message, assertive=False)
