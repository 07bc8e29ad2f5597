"""Choosing files: Qt's own dialogs, in one place that tests can replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class FileDialogs:
    """Every file chooser the app opens. Tests monkeypatch these class methods."""

    @classmethod
    def save(cls, parent: QWidget, title: str, suggested: Path, filters: str) -> str:
        name, _chosen = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
        return name

    @classmethod
    def open_one(cls, parent: QWidget, title: str, filters: str) -> str:
        name, _chosen = QFileDialog.getOpenFileName(parent, title, str(documents_folder()), filters)
        return name

    @classmethod
    def open_many(cls, parent: QWidget, title: str, filters: str) -> list[str]:
        names, _chosen = QFileDialog.getOpenFileNames(
            parent, title, str(documents_folder()), filters
        )
        return list(names)
