"""File dialogs start in Documents (never where the app was started) and show whole names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog

from ui.file_dialogs import DIALOG_SIZE, FileDialogs, documents_folder, start_folder


def test_the_save_dialog_starts_in_documents(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = Path.home() / "Documents"
    documents.mkdir()
    monkeypatch.chdir(tmp_path)  # the folder the app was started from
    assert documents_folder() == documents
    dialog = FileDialogs.make(
        None,
        "Save the file",
        "Partner Log files (*.partnerlog)",
        suggested=documents / "Partner Log - Rosa Martinez - 2026-11-26.partnerlog",
        save=True,
    )
    assert Path(dialog.directory().absolutePath()) == documents
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    free = qapp.primaryScreen().availableGeometry()
    assert dialog.width() >= min(DIALOG_SIZE.width(), free.width())
    assert dialog.height() >= min(DIALOG_SIZE.height(), free.height())
    assert dialog.width() <= free.width() and dialog.height() <= free.height()


def test_the_open_dialog_starts_in_documents(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (Path.home() / "Documents").mkdir()
    monkeypatch.chdir(tmp_path)
    dialog = FileDialogs.make(None, "Open", "Partner Log files (*.partnerlog)", many=True)
    assert Path(dialog.directory().absolutePath()) == Path.home() / "Documents"
    assert dialog.fileMode() == QFileDialog.FileMode.ExistingFiles


def test_without_a_documents_folder_the_home_folder_is_used(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert start_folder("") == Path.home()
    assert start_folder(str(tmp_path / "gone")) == Path.home()
    assert documents_folder() == Path.home()  # no Documents folder in this home
    dialog = FileDialogs.make(None, "Open", "*")
    assert Path(dialog.directory().absolutePath()) == Path.home()
    assert Path(dialog.directory().absolutePath()) != Path(os.getcwd())
