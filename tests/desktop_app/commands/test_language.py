"""``--language`` on the command line, the system's language, and data that never depends
on either: JSON keys, stored values and exchange files are the same in every language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.settings import Preferences, Settings
from tests.helpers.catalogues import use_locale_dir, write_catalogue, write_pseudo_catalogue
from tests.helpers.cli import run

ENTRY = {
    ("{count} time entry, {hours} hours in all.", "{count} time entries, {hours} hours in all."): (
        "{count} registro de tiempo, {hours} horas en total.",
        "{count} registros de tiempo, {hours} horas en total.",
    )
}


@pytest.fixture
def spanish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    locale_dir = tmp_path / "locale"
    write_catalogue(locale_dir, entries={"Home": "Inicio"}, plurals=ENTRY)
    use_locale_dir(monkeypatch, locale_dir)
    return locale_dir


@pytest.fixture
def pseudo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    locale_dir = tmp_path / "locale"
    write_pseudo_catalogue(locale_dir)
    use_locale_dir(monkeypatch, locale_dir)
    return locale_dir


def _one_entry(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    assert (
        run(
            capsys,
            "--data-dir",
            folder,
            "setup",
            "--role",
            "partner",
            "--name",
            "Ana",
            "--project",
            "Care",
        )[0]
        == 0
    )
    add = ("add-time", "--date", "2026-09-29", "--kind", "meeting", "--minutes", "60")
    assert run(capsys, "--data-dir", folder, *add)[0] == 0


def test_one_entry_is_singular_in_both_languages(
    spanish: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "records"
    _one_entry(capsys, folder)
    assert "1 time entry, 1.0 hours in all." in run(capsys, "--data-dir", folder, "list")[1]
    out = run(capsys, "--language", "es", "--data-dir", folder, "list")[1]
    assert "1 registro de tiempo, 1,0 horas en total." in out


def test_without_the_flag_the_saved_choice_then_the_system_decides(
    spanish: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "records"
    _one_entry(capsys, folder)
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert "registro de tiempo" in run(capsys, "--data-dir", folder, "list")[1]
    Settings.load(folder).set(Preferences.language, "en")
    assert "1 time entry" in run(capsys, "--data-dir", folder, "list")[1]
    assert "registro" in run(capsys, "--language", "es", "--data-dir", folder, "list")[1]


def test_a_language_that_is_not_shipped_is_one_plain_line(
    spanish: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "--language", "tlh", "summary")
    assert status == 2 and out == ""
    assert err.strip() == "partner-log: There is no tlh language here. Choose one of: en, es."


def test_json_output_is_the_same_in_every_language(
    pseudo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "rosa"
    assert run(capsys, "demo", "--no-gui", "--data-dir", folder)[0] == 0
    for command in (["list", "--json"], ["summary", "--json"]):
        english = run(capsys, "--data-dir", folder, *command)
        spanish = run(capsys, "--language", "es", "--data-dir", folder, *command)
        assert english[0] == spanish[0] == 0
        assert json.loads(english[1]) == json.loads(spanish[1])
    assert "\u00ab" in run(capsys, "--language", "es", "--data-dir", folder, "list")[1]


def _partner_to_coordinator(
    capsys: pytest.CaptureFixture[str], where: Path, partner_language: str
) -> list[tuple[str, ...]]:
    """A partner's demo records sent in ``partner_language``, merged by an English
    coordinator: what the coordinator then holds."""
    rosa, karen, sent = where / "rosa", where / "karen", where / "sent.partnerlog"
    language = ("--language", partner_language)
    assert run(capsys, *language, "demo", "--no-gui", "--data-dir", rosa)[0] == 0
    assert run(capsys, *language, "--data-dir", rosa, "export", "--out", sent)[0] == 0
    setup = ("setup", "--role", "coordinator", "--name", "Karen")
    assert run(capsys, "--language", "en", "--data-dir", karen, *setup)[0] == 0
    assert run(capsys, "--language", "en", "--data-dir", karen, "import", sent)[0] == 0
    rows = json.loads(run(capsys, "--language", "en", "--data-dir", karen, "list", "--json")[1])
    items = rows if isinstance(rows, list) else [r for v in rows.values() for r in v]
    return sorted(
        tuple(
            str(row.get(key))
            for key in ("date", "kind", "category", "status", "minutes", "amount_minor")
        )
        for row in items
    )


def test_a_spanish_partners_file_merges_into_an_english_coordinators_app(
    pseudo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from_english = _partner_to_coordinator(capsys, tmp_path / "en", "en")
    from_spanish = _partner_to_coordinator(capsys, tmp_path / "es", "es")
    assert from_spanish and from_spanish == from_english


def test_finance_spreadsheet_columns_are_the_same_in_every_language(
    pseudo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "karen"
    demo = ("demo", "--no-gui", "--role", "coordinator", "--data-dir", folder)
    assert run(capsys, *demo)[0] == 0
    heads = {}
    for language in ("en", "es"):
        out = tmp_path / f"payments-{language}.csv"
        args = ("--language", language, "--data-dir", folder, "finance-export", "--out", out)
        assert run(capsys, *args)[0] == 0
        heads[language] = out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert heads["en"] == heads["es"] and "\u00ab" not in heads["es"]


def test_an_expense_in_the_list_is_written_as_the_language_writes_money(
    spanish: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "records"
    _one_entry(capsys, folder)
    add = ("add-expense", "--date", "2026-09-29", "--amount", "1,250.50", "--category", "parking")
    assert run(capsys, "--data-dir", folder, *add)[0] == 0
    assert "1,250.50" in run(capsys, "--data-dir", folder, "list")[1]
    spanish_list = run(capsys, "--language", "es", "--data-dir", folder, "list")[1]
    assert "1.250,50" in spanish_list and "1250.50" not in spanish_list
