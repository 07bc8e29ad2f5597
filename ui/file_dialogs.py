"""Choosing files: Qt's own dialogs, in one place that tests can replace.

Every dialog starts in the person's Documents folder (or their home folder when there is
none), never in the folder the app happened to be started from. It opens large, so whole
file names show, but never larger than the screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, QStandardPaths
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

#: Big enough to show long names such as "Partner Log - Rosa Martínez - 2026-11-26.partnerlog".
DIALOG_SIZE = QSize(900, 600)


def start_folder(found: str) -> Path:
    """``found`` (the system's Documents folder) if it exists, else the home folder."""
    if found and Path(found).is_dir():
        return Path(found)
    return Path.home()


def documents_folder() -> Path:
    return start_folder(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    )


def dialog_size(parent: QWidget | None) -> QSize:
    """At least ``DIALOG_SIZE``, but no bigger than the screen's free space."""
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    if screen is None:
        return DIALOG_SIZE
    free = screen.availableGeometry().size()
    return QSize(min(DIALOG_SIZE.width(), free.width()), min(DIALOG_SIZE.height(), free.height()))


class FileDialogs:
    """Every file chooser the app opens. Tests monkeypatch these class methods."""

    @classmethod
    def make(
        cls,
        parent: QWidget | None,
        title: str,
        filters: str,
        *,
        suggested: Path | None = None,
        save: bool = False,
        many: bool = False,
    ) -> QFileDialog:
        """The dialog, ready to show: in Documents (or the suggested file's folder), large."""
        start = documents_folder()
        if suggested is not None and suggested.parent != Path(".") and suggested.parent.is_dir():
            start = suggested.parent
        dialog = QFileDialog(parent, title, str(start), filters)
        dialog.setDirectory(str(start))
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        else:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
            mode = QFileDialog.FileMode.ExistingFiles if many else QFileDialog.FileMode.ExistingFile
            dialog.setFileMode(mode)
        if suggested is not None:
            dialog.selectFile(suggested.name)
        dialog.resize(dialog_size(parent))
        return dialog

    @classmethod
    def _run(cls, dialog: QFileDialog) -> list[str]:
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return []
            return list(dialog.selectedFiles())
        finally:
            dialog.deleteLater()

    @classmethod
    def save(cls, parent: QWidget, title: str, suggested: Path, filters: str) -> str:
        chosen = cls._run(cls.make(parent, title, filters, suggested=suggested, save=True))
        return chosen[0] if chosen else ""

    @classmethod
    def open_one(cls, parent: QWidget, title: str, filters: str) -> str:
        chosen = cls._run(cls.make(parent, title, filters))
        return chosen[0] if chosen else ""

    @classmethod
    def open_many(cls, parent: QWidget, title: str, filters: str) -> list[str]:
        return cls._run(cls.make(parent, title, filters, many=True))

    @classmethod
    def folder(cls, parent: QWidget, title: str) -> str:
        """A folder to save files in ("" if the person cancels); it starts in Documents."""
        start = documents_folder()
        dialog = QFileDialog(parent, title, str(start))
        dialog.setDirectory(str(start))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.resize(dialog_size(parent))
        chosen = cls._run(dialog)
        return chosen[0] if chosen else ""
