"""The data tables of the documents: a row of column names, then one row a record."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import LongTable

from desktop_app.reports import layout
from desktop_app.reports.text import cell


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    shares: Sequence[float],
    st: layout.Styles,
    width: float,
    *,
    numeric_columns: Sequence[int] = (),
    total_row: bool = False,
) -> LongTable:
    """A table ``width`` wide in the calm data style, each column a share of the width.

    The column names repeat at the top of every page the table runs on to.
    """
    data: list[Sequence[object]] = [[cell(name, st.header_cell) for name in header], *rows]
    table = LongTable(data, colWidths=[width * share for share in shares], repeatRows=1)
    table.setStyle(layout.table_style(numeric_columns, total_row))
    return table
