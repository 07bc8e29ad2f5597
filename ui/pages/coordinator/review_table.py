"""The table of entries waiting for review: its model, its sorting and filters, and the view.

The model holds ``QueueRow``s and shows one column per fact. ``ReviewFilter`` sorts by
what a column means (a date by the day, time by the minutes) and keeps the rows of one
project and one partner. ``ReviewTable`` opens an entry on a double-click or Enter and
never decides anything itself.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop_app.i18n import _
from desktop_app.labels import label
from desktop_app.model import ActivityKind, ExpenseCategory, ReviewStatus
from desktop_app.reports import formatting
from desktop_app.services.review_queue import QueueRow
from ui.formatting import duration_words, money

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    PROJECT = 0
    PARTNER = 1
    DATE = 2
    WHAT = 3
    AMOUNT = 4
    STATUS = 5
    NOTE = 6
    QUESTION = 7


#: Columns whose text can be long: the table keeps them narrow (the detail shows it all).
LONG_COLUMNS = (Column.PROJECT, Column.WHAT, Column.NOTE, Column.QUESTION)
#: How many average letters wide a long column may be when the table opens.
LONG_COLUMN_LETTERS = 16


def what_words(row: QueueRow) -> str:
    if row.type == "time":
        return label(ActivityKind(row.what))
    return _("Expense: {category}").format(category=label(ExpenseCategory(row.what)))


def amount_words(row: QueueRow) -> str:
    if row.type == "time":
        return duration_words(row.minutes)
    return money(row.amount_minor, row.currency)


def short_date(row: QueueRow) -> str:
    """ "30 Sep 2026": the month in words, so no one reads 03/04 the wrong way round."""
    return formatting.short_date(row.date)


def headers() -> list[str]:
    return [
        _("Project"),
        _("Partner"),
        _("Date"),
        _("What"),
        _("Time or amount"),
        _("Status"),
        _("Partner\u2019s note"),
        _("Your question"),
    ]


def cell_text(row: QueueRow, column: Column) -> str:
    if column == Column.PROJECT:
        return row.project
    if column == Column.PARTNER:
        return row.person
    if column == Column.DATE:
        return short_date(row)
    if column == Column.WHAT:
        return what_words(row)
    if column == Column.AMOUNT:
        return amount_words(row)
    if column == Column.STATUS:
        return label(ReviewStatus(row.status))
    if column == Column.NOTE:
        return row.note
    return row.status_note


def sort_key(row: QueueRow, column: Column) -> tuple[Any, ...]:
    """What a column is sorted by: the day, the length of time, the amount, or the words.
    Ties fall back to the day and the partner, so the order is always the same."""
    tie = (row.date, row.person.casefold(), row.id)
    if column == Column.DATE:
        return tie
    if column == Column.AMOUNT:
        # Time first, by minutes; then expenses, by amount.
        return (row.type != "time", row.minutes if row.type == "time" else row.amount_minor, *tie)
    return (cell_text(row, column).casefold(), *tie)


class ReviewModel(QAbstractTableModel):
    """The waiting entries, one per row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[QueueRow] = []

    def set_rows(self, rows: list[QueueRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> QueueRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # -- Qt -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < len(Column):
            return None
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return cell_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in LONG_COLUMNS:
            return cell_text(row, column) or None
        return None

    def headerData(  # noqa: N802 (Qt naming)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return headers()[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ReviewFilter(QSortFilterProxyModel):
    """Sorts by meaning, and shows only the chosen project and partner (None: all)."""

    def __init__(self, model: ReviewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(model)
        self.reviews = model
        self.project_id: str | None = None
        self.person_id: str | None = None

    def choose(self, project_id: str | None, person_id: str | None) -> None:
        if (project_id, person_id) == (self.project_id, self.person_id):
            return
        if hasattr(self, "endFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self.project_id, self.person_id = project_id, person_id
            self.endFilterChange()
        else:
            self.project_id, self.person_id = project_id, person_id
            self.invalidateFilter()

    def row_at(self, index: Index) -> QueueRow | None:
        """The entry on the view's row of ``index``."""
        if not index.isValid():
            return None
        return self.reviews.row_at(self.mapToSource(index).row())

    def shown_rows(self) -> list[QueueRow]:
        """The entries in the order they are shown."""
        found = (self.row_at(self.index(n, 0)) for n in range(self.rowCount()))
        return [row for row in found if row is not None]

    # -- Qt -------------------------------------------------------------------------
    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        row = self.reviews.row_at(source_row)
        if row is None:
            return False
        if self.project_id is not None and row.project_id != self.project_id:
            return False
        return self.person_id is None or row.person_id == self.person_id

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802 (Qt naming)
        a, b = self.reviews.row_at(left.row()), self.reviews.row_at(right.row())
        if a is None or b is None:
            return False
        column = Column(left.column())
        return sort_key(a, column) < sort_key(b, column)


class ReviewTable(QTableView):
    """Rows chosen with the mouse or the keyboard (Shift, Control, Ctrl+A).

    A double-click or Enter asks to open the entry (``open_requested``); neither
    chooses nor decides anything.
    """

    open_requested = Signal(QModelIndex)

    #: Rows the table asks room for, and the fewest it shows, at any text size.
    ROWS_WANTED = 8
    ROWS_AT_LEAST = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setVisible(False)
        # One line a row, at a height set by the text size (see _fit_rows): sizing each
        # row to its content would make rows with accents or other scripts taller.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._fit_rows()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        self.doubleClicked.connect(self._open)

    def _row_height(self) -> int:
        return self.fontMetrics().lineSpacing() * 3 // 2 + 8

    def _fit_rows(self) -> None:
        self.verticalHeader().setDefaultSectionSize(self._row_height())
        self.verticalHeader().setMinimumSectionSize(self._row_height())
        self.updateGeometry()

    def fit_columns(self) -> None:
        """Size each column to its content, keeping the long ones narrow."""
        self._fit_rows()
        self.resizeColumnsToContents()
        widest = self.fontMetrics().averageCharWidth() * LONG_COLUMN_LETTERS
        for column in LONG_COLUMNS:
            if self.columnWidth(column) > widest:
                self.setColumnWidth(column, widest)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(index)

    def _rows_height(self, rows: int) -> int:
        frame = 2 * self.frameWidth()
        scroll_bar = self.horizontalScrollBar().sizeHint().height()
        header = self.horizontalHeader().sizeHint().height()
        return header + rows * self._row_height() + frame + scroll_bar

    # -- Qt -------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt naming)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_rows()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            current = self.currentIndex()
            if current.isValid():
                self.open_requested.emit(current)
            event.accept()
            return
        super().keyPressEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(super().sizeHint().width(), self._rows_height(self.ROWS_WANTED))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(super().minimumSizeHint().width(), self._rows_height(self.ROWS_AT_LEAST))
