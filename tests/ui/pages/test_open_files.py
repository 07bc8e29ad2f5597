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
