"""Which languages ship: English always, and each language with a compiled catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app import i18n


def test_english_ships_and_each_compiled_catalogue_adds_its_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    assert i18n.shipped_languages() == ["en"]
    for language, name in (("es", "partner_log.mo"), ("fr", "partner_log.po")):
        folder = tmp_path / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / name).write_bytes(b"")
    assert i18n.shipped_languages() == ["en", "es"]  # French is not compiled yet
