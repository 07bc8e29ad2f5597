"""Window size and position, kept apart from the records and the preferences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow


class WindowState:
    def __init__(self, data_dir: Path) -> None:
        self._store = QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat)

    def restore(self, window: QMainWindow) -> None:
        geometry = self._store.value("geometry")
        if geometry is not None:
            window.restoreGeometry(geometry)

    def save(self, window: QMainWindow) -> None:
        self._store.setValue("geometry", window.saveGeometry())
        self._store.sync()
