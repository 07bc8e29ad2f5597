"""Project files: one for each chosen partner, saved in a folder, each said in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.exchange import document
from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener
from ui.file_dialogs import FileDialogs
from ui.pages.coordinator.outputs import OutputsPage


def test_each_chosen_partner_gets_a_file_of_their_own(
    qtbot: QtBot, open_app: Opener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "to send"
    asked: list[str] = []

    def choose(cls: object, parent: object, title: str) -> str:
        asked.append(title)
        return str(folder)

    monkeypatch.setattr(FileDialogs, "folder", classmethod(choose))
    ctx, _window = open_app("coordinator-demo")
    page = visit(ctx, "coordinator-outputs")
    assert isinstance(page, OutputsPage)
    boxes = page.partners
    assert len(boxes) >= 3 and all(box.isChecked() for box in boxes.values())

    left_out_id, left_out = next(iter(boxes.items()))
    left_out.setFocus()
    qtbot.waitUntil(left_out.hasFocus)
    qtbot.keyClick(left_out, Qt.Key.Key_Space)  # the coordinator unticks one partner
    assert not left_out.isChecked()
    qtbot.mouseClick(page.project_file, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "own file" in page.done.text(), timeout=20000)

    made = sorted(folder.iterdir())
    chosen = sorted(box.text() for box in boxes.values() if box.isChecked())
    expected = [f"{name} \u2013 2026-09-30.partnerlog" for name in chosen]
    assert [path.name for path in made] == expected
    lines = page.done.text().splitlines()
    for path, name in zip(made, chosen, strict=True):  # one plain line per file
        (line,) = [line for line in lines if line.startswith(path.name + ":")]
        assert "entr" in line and "payment" in line and line.endswith(f"for {name} only.")
    assert left_out_id not in {document.read_file(path).recipient for path in made}
    assert asked == ["Choose a folder for the project files"]


def test_no_partner_chosen_asks_for_one(
    qtbot: QtBot, open_app: Opener, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        FileDialogs, "folder", classmethod(lambda cls, p, t: opened.append(t) or "")
    )
    ctx, _window = open_app("coordinator-demo")
    page = visit(ctx, "coordinator-outputs")
    assert isinstance(page, OutputsPage)
    for box in page.partners.values():
        box.setFocus()
        qtbot.waitUntil(box.hasFocus)
        qtbot.keyClick(box, Qt.Key.Key_Space)
    qtbot.mouseClick(page.project_file, Qt.MouseButton.LeftButton)
    field = page.field("partners")
    assert field is not None
    qtbot.waitUntil(lambda: field.error.text() == "Choose at least one partner.")
    assert opened == []  # no folder is asked for until someone is chosen
