"""Which languages ship, how a catalogue is compiled, and which language a run uses."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop_app import i18n
from desktop_app.i18n import _, ngettext
from desktop_app.reports import formatting
from tests.helpers.catalogues import use_locale_dir, write_catalogue


@pytest.fixture
def spanish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    locale_dir = tmp_path / "locale"
    write_catalogue(locale_dir)
    use_locale_dir(monkeypatch, locale_dir)
    return locale_dir


def test_english_ships_and_each_catalogue_folder_adds_its_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_locale_dir(monkeypatch, tmp_path)
    assert i18n.shipped_languages() == ["en"]
    write_catalogue(tmp_path, "es")
    write_catalogue(tmp_path, "fr", {"Home": "Accueil"})
    assert i18n.shipped_languages() == ["en", "es", "fr"]  # no code names French


def test_a_catalogue_is_compiled_at_first_use_and_again_when_it_changes(spanish: Path) -> None:
    i18n.set_language("es")
    assert _("Settings and help") == "Ajustes y ayuda"
    assert ngettext("{n} time entry", "{n} time entries", 1) == "{n} registro de tiempo"
    assert ngettext("{n} time entry", "{n} time entries", 2) == "{n} registros"
    assert _("Not in the catalogue") == "Not in the catalogue"  # English, never blank
    write_catalogue(spanish, entries={"Home": "Portada"})
    i18n._cache.clear()
    i18n.set_language("es")
    assert _("Home") == "Portada"


def test_a_built_catalogue_is_used_as_it_is(spanish: Path) -> None:
    assert i18n.compile_all(spanish) == [spanish / "es" / "LC_MESSAGES" / "partner_log.mo"]
    i18n.catalogue_path("es", spanish).unlink()  # a bundle may ship the .mo alone
    i18n._cache.clear()
    assert i18n.shipped_languages() == ["en", "es"]
    i18n.set_language("es")
    assert _("Home") == "Inicio"


def test_a_report_can_be_drawn_in_another_language_and_the_app_keeps_its_own(
    spanish: Path,
) -> None:
    i18n.set_language("es")
    with i18n.language_switched("en"):
        assert formatting.long_date(date(2026, 12, 2)) == "2 December 2026"
        assert formatting.money(123450, "CAD") == "CAD 1,234.50"
    assert formatting.long_date(date(2026, 12, 2)) == "2 de diciembre de 2026"
    assert formatting.money(123450, "CAD") == "CAD 1.234,50"
    assert _("Home") == "Inicio"


@pytest.mark.parametrize(
    ("flag", "saved", "environ", "expected"),
    [
        ("es", "en", {"LANG": "en_CA.UTF-8"}, "es"),
        (None, "es", {"LANG": "en_CA.UTF-8"}, "es"),
        (None, "", {"LANGUAGE": "fr:es_MX", "LANG": "en_CA.UTF-8"}, "es"),
        (None, "", {"LC_ALL": "es_MX.UTF-8"}, "es"),
        (None, "", {"LC_MESSAGES": "es_AR", "LANG": "en_US"}, "es"),
        (None, "", {"LANG": "es_ES.UTF-8"}, "es"),
        (None, "", {"LANG": "C"}, "en"),
        (None, "fr", {}, "en"),  # a language not shipped here
    ],
)
def test_the_run_language_is_the_flag_then_the_saved_choice_then_the_system(
    spanish: Path, flag: str | None, saved: str, environ: dict[str, str], expected: str
) -> None:
    i18n.set_run_language(flag)
    assert i18n.choose_language(saved, environ) == expected
