"""The app's words in the language under test, read from its ``.po`` catalogue with the
standard library alone (``atspi_check.py`` runs under the system Python, not the app's).

The check presses buttons by the names a screen reader hears. In English those are the
words of the code; in another language they are the catalogue's. A word the catalogue
does not hold is returned as it is, as gettext does, so a missing translation shows up
as a control that cannot be found.
"""

from __future__ import annotations

import ast
import gettext
import re
from collections.abc import Callable
from pathlib import Path

_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$")
_CONTINUED = re.compile(r"^(\".*\")\s*$")
_PLURAL_FORMS = re.compile(r"plural=([^;\n]+)")


def _unquote(text: str) -> str:
    return str(ast.literal_eval(text))


def read_po(path: Path) -> list[dict[str, object]]:
    """The entries of a ``.po`` file: msgid, msgid_plural and msgstr (a list, one string
    per plural form), leaving out obsolete (``#~``) entries."""
    entries: list[dict[str, object]] = []
    entry: dict[str, object] = {}
    key: tuple[str, int] | None = None

    def finish() -> None:
        nonlocal entry
        if "msgid" in entry:
            entries.append(entry)
        entry = {}

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            if not line and entry.get("msgstr"):
                finish()
            continue
        found = _KEYWORD.match(line)
        if found:
            word, form, text = found.group(1), found.group(2), _unquote(found.group(3))
            if word == "msgid" and "msgstr" in entry:
                finish()
            if word.startswith("msgstr"):
                forms = entry.setdefault("msgstr", [])
                assert isinstance(forms, list)
                index = int(form) if form else 0
                forms.extend([""] * (index + 1 - len(forms)))
                forms[index] = text
                key = ("msgstr", index)
            else:
                entry[word] = text
                key = (word, -1)
            continue
        more = _CONTINUED.match(line)
        if more and key is not None:
            word, index = key
            if word == "msgstr":
                forms = entry["msgstr"]
                assert isinstance(forms, list)
                forms[index] += _unquote(more.group(1))
            else:
                entry[word] = str(entry[word]) + _unquote(more.group(1))
    finish()
    return entries


class Catalogue:
    """``_`` and ``ngettext`` for one language; English (or no catalogue) is the code's
    own words."""

    def __init__(self, po_path: Path | None = None) -> None:
        self.words: dict[str, str] = {}
        self.plurals: dict[tuple[str, str], list[str]] = {}
        self.plural: Callable[[int], int] = lambda n: int(n != 1)
        if po_path is None or not po_path.is_file():
            return
        for entry in read_po(po_path):
            msgid, forms = str(entry["msgid"]), entry.get("msgstr") or [""]
            assert isinstance(forms, list)
            if entry.get("msgctxt") is not None:
                continue  # the app uses no context; a context would be a different word
            if not msgid:
                rule = _PLURAL_FORMS.search(forms[0])
                if rule:
                    self.plural = gettext.c2py(rule.group(1).strip())
            elif "msgid_plural" in entry:
                if all(forms):
                    self.plurals[(msgid, str(entry["msgid_plural"]))] = forms
            elif forms[0]:
                self.words[msgid] = forms[0]

    @classmethod
    def for_language(cls, repo: Path, language: str) -> Catalogue:
        """The catalogue the app uses for ``language`` (its base: ``es_MX`` is ``es``)."""
        base = language.replace("-", "_").split("_")[0]
        path = repo / "resources" / "locale" / base / "LC_MESSAGES" / "partner_log.po"
        return cls(path if path.is_file() else None)

    def _(self, message: str) -> str:
        return self.words.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        forms = self.plurals.get((singular, plural))
        if forms is None:
            return singular if n == 1 else plural
        return forms[min(self.plural(n), len(forms) - 1)]

    def duration(self, minutes: int) -> str:
        """A duration as the app says it ("1 hour 30 minutes"), from the same words as
        ``desktop_app.services.durations.describe``."""
        hours, rest = divmod(minutes, 60)
        parts = []
        if hours:
            parts.append(self.ngettext("{n} hour", "{n} hours", hours).format(n=hours))
        if rest:
            parts.append(self.ngettext("{n} minute", "{n} minutes", rest).format(n=rest))
        return " ".join(parts) if parts else self._("no time")
