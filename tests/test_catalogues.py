"""Every shipped catalogue keeps step with the template, and its strings still format.

The template (``resources/locale/partner_log.pot``, made from the code) is the source. For
each language folder under ``resources/locale``: every template string has a translation,
none is fuzzy or empty, and each translation has the same placeholders as its English, so
``.format()`` never fails in that language. The checks themselves are tested on a tiny
catalogue in a temporary folder, so they are proved before any translation arrives.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from desktop_app import i18n
from tests.helpers.catalogues import po_text
from tools.extract_strings import Message, collect

TRANSLATED = i18n.shipped_languages()[1:]
_PERCENT = re.compile(r"%(?:\([^)]*\))?[#0 +-]*\d*(?:\.\d+)?[sdifr%]")


def placeholders(text: str) -> set[str]:
    """The named parts that ``.format()`` fills, and any %-style ones."""
    names = set()
    try:
        for _literal, field, _spec, _conv in string.Formatter().parse(text):
            if field is not None:
                names.add("{" + field + "}")
    except ValueError:
        names.add("<unbalanced braces>")
    return names | set(_PERCENT.findall(text))


def load(path: Path) -> Catalog:
    with path.open("rb") as source:
        return read_po(source, abort_invalid=True)


def problems(catalogue: Catalog, messages: list[Message]) -> list[str]:
    """What is missing, fuzzy, empty or broken in ``catalogue`` for today's strings."""
    found = []
    for message in messages:
        entry = catalogue.get(message.msgid)
        name = repr(message.msgid[:60])
        if entry is None:
            found.append(f"missing: {name}")
            continue
        if entry.fuzzy:
            found.append(f"fuzzy: {name}")
        forms = list(entry.string) if isinstance(entry.string, tuple | list) else [entry.string]
        if not all(forms):
            found.append(f"untranslated: {name}")
            continue
        english = set().union(*(placeholders(t) for t in message.texts))
        for form in forms:
            theirs = placeholders(form)
            if message.plural is None and theirs != english:
                found.append(f"placeholders {sorted(theirs)} != {sorted(english)}: {name}")
            elif not theirs <= english:
                found.append(f"unknown placeholders {sorted(theirs - english)}: {name}")
    return found


@pytest.fixture(scope="module")
def messages() -> list[Message]:
    return collect()


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_template_string_is_translated_and_none_is_fuzzy(
    language: str, messages: list[Message]
) -> None:
    catalogue = load(i18n.catalogue_path(language))
    found = problems(catalogue, messages)
    assert found == [], f"{len(found)} in {language}:\n" + "\n".join(found[:40])


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_catalogue_says_its_language_and_plural_rule(language: str) -> None:
    catalogue = load(i18n.catalogue_path(language))
    assert str(catalogue.locale).split("_")[0] == language
    assert catalogue.num_plurals >= 1 and catalogue.plural_expr


def test_the_checks_find_a_missing_a_fuzzy_and_a_broken_string(tmp_path: Path) -> None:
    messages = [
        Message("Home"),
        Message("Hello {name}."),
        Message("{n} entry", "{n} entries"),
        Message("Settings"),
        Message("Back"),
    ]
    text = po_text(
        {"Home": "Inicio", "Hello {name}.": "Hola {nombre}.", "Back": ""},
        {("{n} entry", "{n} entries"): ("Un registro", "{n} registros")},
    )
    text += '#, fuzzy\nmsgid "Settings"\nmsgstr "Ajustes"\n'
    path = tmp_path / "es.po"
    path.write_text(text, encoding="utf-8")
    assert problems(load(path), messages) == [
        "placeholders ['{nombre}'] != ['{name}']: 'Hello {name}.'",
        "fuzzy: 'Settings'",
        "untranslated: 'Back'",
    ]
    assert problems(load(path), [Message("Gone")]) == ["missing: 'Gone'"]


def test_placeholders_are_read_as_format_reads_them() -> None:
    assert placeholders("{count} of {total:,} — {{braces}} %s %(x)d") == {
        "{count}",
        "{total}",
        "%s",
        "%(x)d",
    }
    assert placeholders("a {broken") == {"<unbalanced braces>"}
