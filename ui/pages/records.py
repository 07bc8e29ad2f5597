"""My records: entries by month, with totals and status; open, change, delete, undo."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
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
from desktop_app.services import profile, projects, records
from desktop_app.services.summaries import hours_by_month
from ui.context import AppContext
from ui.records_model import RecordsModel
from ui.widgets.buttons import PrimaryButton, SecondaryButton
from ui.widgets.fields import LabelledField, narrow
from ui.widgets.page import Page


class RecordsPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            _("My records"), _("Your time and expenses, newest first."), back_text=_("Back to home")
        )
        self.ctx = ctx
        self.person_id = ctx.call(profile.owner).id
        self.project_filter = narrow(QComboBox())
        self.project_filter.addItem(_("All projects"), "")
        for project in ctx.call(projects.projects):
            self.project_filter.addItem(project.name, project.id)
        self.filter_field = self.add_field(
            "project", LabelledField(_("Show records for"), self.project_filter)
        )
        self.filter_field.setVisible(self.project_filter.count() > 2)
        self.banner = QFrame()
        self.banner.setProperty("role", "banner")
        banner_row = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
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
        # Column widths are fitted to the first page once, not to every page that arrives
        # while scrolling (fitting all 100,000 rows made scrolling crawl).
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(320)
        self.table.activated.connect(self._open_index)
        self.body.addWidget(self.table, 1)
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
        self.set_tab_order([self.project_filter, self.undo_button, self.table, self.open_button])
        self.reload()

    def first_focus(self) -> QWidget | None:
        if self.banner.isVisibleTo(self):
            return self.undo_button  # just deleted something: Undo is one key away
        return self.table if self.model.rowCount() else self.back_button

    def on_shown(self) -> None:
        self.reload()

    def project_id(self) -> str | None:
        return self.project_filter.currentData() or None

    def reload(self) -> None:
        project_id = self.project_id()
        total = self.ctx.call(records.count_entries, self.person_id, project_id)
        months = self.ctx.call(hours_by_month, person_id=self.person_id, project_id=project_id)
        month_text = {key: f"{value:.1f}" for key, value in months.items()}

        def fetch(after: records.EntryRow | None, limit: int) -> list[records.EntryRow]:
            return self.ctx.call(
                records.entry_rows, self.person_id, project_id, limit=limit, after=after
            )

        self.model = RecordsModel(fetch, total, month_text)
        self.table.setModel(self.model)
        self.model.rowsInserted.connect(lambda _p, first, last: self._span_months(first, last))
        if self.model.canFetchMore():
            self.model.fetchMore()
        self.table.resizeColumnsToContents()
        self._span_months(0, self.model.rowCount() - 1)
        has_rows = total > 0
        self.table.setVisible(has_rows)
        self.open_button.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if has_rows:
            first_entry = 1 if self.model.is_month(0) else 0
            self.table.selectRow(first_entry)

    def _span_months(self, first: int, last: int) -> None:
        for row in range(first, last + 1):
            if self.model.is_month(row):
                self.table.setSpan(row, 0, 1, self.model.columnCount())

    def _open_index(self, index: QModelIndex) -> None:
        entry = self.model.entry(index.row())
        if entry is not None:
            from ui.pages.entry_detail import EntryDetailPage

            self.ctx.nav.push(EntryDetailPage(self.ctx, entry, on_deleted=self.deleted))

    def _open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._open_index(rows[0])
        else:
            self.show_problems([("", _("Choose an entry in the list first."))])

    def deleted(self, message: str, undo: object) -> None:
        """Called by the entry page after a delete: show the Undo banner here."""
        self.banner_text.setText(message)
        self._undo = undo
        self.banner.setVisible(True)
        self.reload()
        self.focus_start()

    def _undo_clicked(self) -> None:
        if callable(self._undo):
            self._undo()
        self._undo = None
        self.banner.setVisible(False)
        self.ctx.changed()
        self.reload()
        self.table.setFocus()
