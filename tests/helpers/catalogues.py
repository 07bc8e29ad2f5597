"""A tiny Spanish catalogue in a temporary folder, to test the machinery before (and
apart from) the real translation."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from desktop_app import i18n

HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: es\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)
SPANISH = {
    "Partner Log": "Partner Log",
    "Settings and help": "Ajustes y ayuda",
    "{day} {month} {year}": "{day} de {month} de {year}",
    "Home": "Inicio",
}
PLURALS = {("{n} time entry", "{n} time entries"): ("{n} registro de tiempo", "{n} registros")}


def po_text(
    entries: dict[str, str], plurals: dict[tuple[str, str], tuple[str, str]] | None = None
) -> str:
    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    parts = [HEADER]
    for msgid, msgstr in entries.items():
        parts.append(f"msgid {quoted(msgid)}\nmsgstr {quoted(msgstr)}\n\n")
    for (one, many), (uno, varios) in (plurals or {}).items():
        parts.append(
            f"msgid {quoted(one)}\nmsgid_plural {quoted(many)}\n"
            f"msgstr[0] {quoted(uno)}\nmsgstr[1] {quoted(varios)}\n\n"
        )
    return "".join(parts)


def write_catalogue(
    locale_dir: Path,
    language: str = "es",
    entries: dict[str, str] | None = None,
    plurals: dict[tuple[str, str], tuple[str, str]] | None = None,
) -> Path:
    path = i18n.catalogue_path(language, locale_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(po_text(SPANISH if entries is None else entries, plurals or PLURALS))
    return path


def use_locale_dir(monkeypatch: pytest.MonkeyPatch, locale_dir: Path) -> None:
    """Make ``locale_dir`` the app's catalogues for one test."""
    monkeypatch.setattr(i18n, "LOCALE_DIR", locale_dir)
    i18n._cache.clear()
    from desktop_app.services import dates

    dates.month_names.cache_clear()


def write_pseudo_catalogue(locale_dir: Path, language: str = "es") -> Path:
    """A catalogue that changes every string of the template ("«Home»"), keeping each
    placeholder: any word that leaks into data shows up at once."""
    from babel.messages.pofile import read_po, write_po

    from tools.extract_strings import TEMPLATE

    text = TEMPLATE.read_text(encoding="utf-8").replace(
        "nplurals=INTEGER; plural=EXPRESSION;", "nplurals=2; plural=(n != 1);"
    )
    catalogue = read_po(io.StringIO(text), locale=language)
    for message in catalogue:
        if not message.id:
            continue
        if isinstance(message.id, tuple | list):
            message.string = tuple(f"\u00ab{text}\u00bb" for text in message.id)
        else:
            message.string = f"\u00ab{message.id}\u00bb"
    path = i18n.catalogue_path(language, locale_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, catalogue)
    return path
