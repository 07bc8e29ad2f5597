"""A lazy table model of "My records": pages of 200 rows, with a header row per month."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.i18n import _
from desktop_app.labels import label
from desktop_app.model import ActivityKind, ExpenseCategory, ReviewStatus
from desktop_app.services.records import TIME, EntryRow
from ui.formatting import duration_words, long_date, money, month_words

PAGE = 200
Index = QModelIndex | QPersistentModelIndex
#: The lines of a row's card (``list[str]``): each fact on a line of its own.
CARD_LINES_ROLE = Qt.ItemDataRole.UserRole + 1


class MonthRow:
    def __init__(self, year: int, month: int, hours_text: str) -> None:
        self.year, self.month, self.hours_text = year, month, hours_text

    def text(self) -> str:
        return _("{month} \u2014 {hours} hours").format(
            month=month_words(self.year, self.month), hours=self.hours_text
        )


class RecordsModel(QAbstractTableModel):
    """Fetches rows on demand, so 100,000 entries open as fast as 10.

    ``fetch(after, limit)`` returns the ``limit`` entries that follow ``after`` (the
    last entry already shown, or None for the first page). Asking by the last row, not
    by a row number, keeps the last page as quick to read as the first.
    """

    COLUMNS = ("date", "what", "amount", "status", "note")

    def __init__(
        self,
        fetch: Callable[[EntryRow | None, int], list[EntryRow]],
        total: int,
        month_hours: dict[str, str],
        project_names: dict[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.project_names = project_names or {}
        self._start(fetch, total, month_hours)

    def _start(
        self,
        fetch: Callable[[EntryRow | None, int], list[EntryRow]],
        total: int,
        month_hours: dict[str, str],
    ) -> None:
        self._fetch = fetch
        self._total = total
        self._month_hours = month_hours
        self._loaded = 0
        self._last: EntryRow | None = None
        self.rows: list[MonthRow | EntryRow] = []

    def restart(
        self,
        fetch: Callable[[EntryRow | None, int], list[EntryRow]],
        total: int,
        month_hours: dict[str, str],
    ) -> None:
        """Read the records afresh (after a change, a delete, Undo or another filter).

        The view keeps this model, so its header keeps its sections: swapping in a new
        model made the header lay out its columns again, and the Note column, no longer
        stretched to the edge, left its header blank.
        """
        self.beginResetModel()
        self._start(fetch, total, month_hours)
        # The first page comes with the reset: a view that asks for more while it hears
        # of the reset would otherwise add rows in the middle of it.
        if total > 0:
            self.rows = self._read_page()
        self.endResetModel()

    def headers(self) -> list[str]:
        return [_("Date"), _("What"), _("Time or amount"), _("Status"), _("Note")]

    # -- shape ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._loaded < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._loaded >= self._total:
            return
        new_rows = self._read_page()
        if not new_rows:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new_rows) - 1)
        self.rows.extend(new_rows)
        self.endInsertRows()

    def _read_page(self) -> list[MonthRow | EntryRow]:
        """The next page of entries, with a month row where a month starts (not yet shown)."""
        batch = self._fetch(self._last_entry(), PAGE)
        if not batch:
            self._total = self._loaded
            return []
        new_rows: list[MonthRow | EntryRow] = []
        last = self._last_entry()
        for entry in batch:
            if last is None or (last.date.year, last.date.month) != (
                entry.date.year,
                entry.date.month,
            ):
                key = f"{entry.date.year:04d}-{entry.date.month:02d}"
                new_rows.append(
                    MonthRow(entry.date.year, entry.date.month, self._month_hours.get(key, "0.0"))
                )
            new_rows.append(entry)
            last = entry
        self._loaded += len(batch)
        self._last = batch[-1]
        return new_rows

    def _last_entry(self) -> EntryRow | None:
        return self._last

    # -- content --------------------------------------------------------------------
    def entry(self, row: int) -> EntryRow | None:
        item = self.rows[row] if 0 <= row < len(self.rows) else None
        return item if isinstance(item, EntryRow) else None

    def is_month(self, row: int) -> bool:
        return 0 <= row < len(self.rows) and isinstance(self.rows[row], MonthRow)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        item = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if isinstance(item, MonthRow):
                return item.text() if index.column() == 0 else ""
            return self._cell(item, self.COLUMNS[index.column()])
        if role == CARD_LINES_ROLE:
            return [item.text()] if isinstance(item, MonthRow) else self.card_lines(item)
        return None

    def card_lines(self, entry: EntryRow) -> list[str]:
        """The entry as a card reads it: date, what, how long, project, status, note."""
        lines = [self._cell(entry, column) for column in ("date", "what", "amount")]
        project = self.project_names.get(entry.project_id)
        if project:
            lines.append(_("Project: {name}").format(name=project))
        lines.append(_("Status: {status}").format(status=self._cell(entry, "status")))
        if entry.note:
            lines.append(_("Note: {note}").format(note=entry.note))
        return lines

    @staticmethod
    def _cell(entry: EntryRow, column: str) -> str:
        if column == "date":
            return long_date(entry.date)
        if column == "what":
            if entry.type == TIME:
                return label(ActivityKind(entry.what))
            return _("Expense: {category}").format(category=label(ExpenseCategory(entry.what)))
        if column == "amount":
            if entry.type == TIME:
                return duration_words(entry.minutes)
            return money(entry.amount_minor, entry.currency)
        if column == "status":
            return label(ReviewStatus(entry.status))
        return entry.note

    def headerData(  # noqa: N802 (Qt naming)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return self.headers()[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.is_month(index.row()):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
