"""Opening files: a file that is not a Partner Log file is refused plainly."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.helpers.screens import Opener, current
from ui.file_dialogs import FileDialogs
from ui.pages.open_files import ResultPage


def test_a_file_that_is_not_ours_is_refused_plainly(
    qtbot: QtBot, open_app: Opener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    junk = tmp_path / "holiday.partnerlog"
    junk.write_bytes(b"these are not the records you are looking for")
    monkeypatch.setattr(FileDialogs, "open_one", classmethod(lambda cls, p, t, f: str(junk)))
    ctx, _window = open_app()
    current(ctx).links["open_file"].click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: isinstance(current(ctx), ResultPage), timeout=10000)
    assert "could not be opened" in current(ctx).heading.text()
    assert "Nothing was changed" in current(ctx).hint.text()


def test_three_files_with_your_project_are_filed_under_it_after_one_question(
    qtbot: QtBot,
    open_app: Opener,
    tmp_path: Path,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox, QLabel

    from desktop_app.exchange import export_partner_file
    from desktop_app.model import Role
    from desktop_app.services import activities, projects
    from tests.helpers.sites import Site, add_time
    from ui.pages.open_files import PreviewPage

    files = []
    for name, project in (("Ana", "pain care"), ("Ben", "Pain Care"), ("Cleo", "PAIN CARE")):
        site = Site(tmp_path / name, Role.PARTNER, name)
        site.call(lambda s, p=project: projects.create_project(s, name=p))
        site.call(add_time, 60)
        files.append(str(site.call(export_partner_file, tmp_path / f"{name}.partnerlog").path))
        site.close()
    coordinator = Site(data_dir, Role.COORDINATOR, "Karen Lee")
    coordinator.call(lambda s: projects.create_project(s, name="Pain Care"))
    coordinator.close()

    monkeypatch.setattr(FileDialogs, "open_many", classmethod(lambda cls, p, t, f: files))
    ctx, _window = open_app(None)
    qtbot.mouseClick(current(ctx).action_buttons["open_files"], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: isinstance(current(ctx), PreviewPage), timeout=10000)
    page = current(ctx)
    shown = [label.text() for label in page.findChildren(QLabel) if label.isVisible()]
    assert shown.count("Filed under your project Pain Care") == 3  # said on each file
    assert sum("New: 1 time entry, plus the partner." in text for text in shown) == 3
    questions = [combo for combo in page.findChildren(QComboBox) if combo.isVisible()]
    assert len(questions) == 1  # asked once for the batch
    assert questions[0].currentText() == "Filed under your project Pain Care"

    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: isinstance(current(ctx), ResultPage), timeout=10000)
    assert [p.name for p in ctx.call(projects.projects)] == ["Pain Care"]
    assert len(ctx.call(activities.list_activities)) == 3
