"""The flow grid: as many columns as fit, always in reading order, down to one column."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from tests.helpers.screens import in_window
from ui.widgets.buttons import SecondaryButton
from ui.widgets.flow_grid import FlowGrid


def test_columns_follow_the_width_and_keep_reading_order(qtbot: QtBot) -> None:
    buttons = [SecondaryButton(f"Action number {n}") for n in range(1, 7)]
    grid = FlowGrid(buttons)
    cell = grid.cell_width()
    window = in_window(qtbot, grid, width=3 * cell + 2 * 16 + 40)
    qtbot.waitUntil(lambda: grid.columns == 3)
    places = [(b.mapTo(grid, QPoint(0, 0)).y(), b.mapTo(grid, QPoint(0, 0)).x()) for b in buttons]
    assert places == sorted(places)  # row by row, left to right
    window.resize(cell + 40, window.height())
    qtbot.waitUntil(lambda: grid.columns == 1)

    def tops() -> list[int]:
        return [b.mapTo(grid, QPoint(0, 0)).y() for b in buttons]

    qtbot.waitUntil(lambda: len(set(tops())) == 6)  # one a line, in the same order
    assert tops() == sorted(tops())
    assert all(b.width() <= grid.width() for b in buttons)
