"""The AT-SPI check's own reading of the catalogue (standard library only) gives the
words the app shows, so its tasks find the controls in every shipped language."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from desktop_app import i18n
from desktop_app.services.durations import describe
from tests.accessibility.catalogue import Catalogue
from tests.accessibility.expectations import PROBLEM_STOPS, STOP_TITLES
from tests.helpers.page_tour import COORDINATOR_STOPS, STOPS

REPO = Path(__file__).resolve().parents[2]
LANGUAGES = [language for language in i18n.shipped_languages() if language != "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_reads_as_babel_reads_it(language: str) -> None:
    path = i18n.catalogue_path(language)
    words = Catalogue(path)
    with path.open("rb") as handle:
        babel = read_po(handle)
    for message in babel:
        if not message.id:
            continue
        if isinstance(message.id, tuple | list):
            assert words.plurals[tuple(message.id)] == list(message.string)
        else:
            assert words.words[message.id] == message.string


@pytest.mark.parametrize("language", LANGUAGES)
def test_names_and_durations_are_the_apps(language: str) -> None:
    words = Catalogue.for_language(REPO, language)
    with i18n.language_switched(language):
        for name in ("Add my time", "Your records", "1\u00bd hours", "Go to home"):
            assert words._(name) == i18n._(name) != name
        for minutes in (30, 60, 90, 125):
            assert words.duration(minutes) == describe(minutes)


def test_english_is_the_codes_own_words() -> None:
    words = Catalogue.for_language(REPO, "en")
    assert words._("Add my time") == "Add my time"
    assert words.duration(90) == "1 hour 30 minutes"
    assert words.ngettext("{n} hour", "{n} hours", 2) == "{n} hours"


def test_every_expected_stop_is_on_the_tour() -> None:
    stops = {**STOPS, **COORDINATOR_STOPS}
    assert set(STOP_TITLES) <= set(stops)
    assert PROBLEM_STOPS <= set(STOP_TITLES)
