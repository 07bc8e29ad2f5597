"""Collect every user-facing string into the translation template.

Finds the calls ``_("...")``, ``N_("...")`` and ``ngettext("...", "...", n)`` in
``desktop_app/`` and ``ui/`` with Python's own parser, and writes them, with where each
is used, to ``resources/locale/partner_log.pot``. Translators start from that file, and
``tests/test_plain_language.py`` reads every string in it for plain words.

    python -m tools.extract_strings           # write the template
    python -m tools.extract_strings --check   # fail if the template is out of date
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.i18n import DOMAIN
from desktop_app.resources import LOCALE_DIR

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("desktop_app", "ui")
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
MARKERS = {"_": 1, "N_": 1, "ngettext": 2}

HEADER = """\
# Partner Log: every user-facing string, for translators.
# Made by tools/extract_strings.py; do not edit by hand.
#
msgid ""
msgstr ""
"Project-Id-Version: Partner Log\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n"
"""


@dataclass
class Message:
    msgid: str
    plural: str | None = None
    places: list[str] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [self.msgid] + ([self.plural] if self.plural else [])


def _marker(call: ast.Call) -> str | None:
    func = call.func
    name = func.id if isinstance(func, ast.Name) else None
    if isinstance(func, ast.Attribute):
        name = func.attr
    return name if name in MARKERS else None


def strings_in(source: str, place: str) -> Iterable[tuple[str, str | None, str]]:
    """``(msgid, plural, "path:line")`` for each marked string literal in ``source``."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        marker = _marker(node)
        if marker is None or len(node.args) < MARKERS[marker]:
            continue
        texts = node.args[: MARKERS[marker]]
        if not all(isinstance(t, ast.Constant) and isinstance(t.value, str) for t in texts):
            continue  # a variable: its literal is marked with N_ where it is defined
        values = [t.value for t in texts]  # type: ignore[attr-defined]
        if not values[0]:
            continue
        yield values[0], values[1] if len(values) > 1 else None, f"{place}:{node.lineno}"


def collect(root: Path = ROOT) -> list[Message]:
    """Every marked string under ``desktop_app/`` and ``ui/``, in the order first seen."""
    messages: dict[tuple[str, str | None], Message] = {}
    for package in SOURCES:
        for path in sorted((root / package).rglob("*.py")):
            place = path.relative_to(root).as_posix()
            found = strings_in(path.read_text(encoding="utf-8"), place)
            for msgid, plural, where in sorted(found, key=lambda f: int(f[2].split(":")[1])):
                message = messages.setdefault((msgid, plural), Message(msgid, plural))
                message.places.append(where)
    return list(messages.values())


def _quote(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    )
    lines = escaped.split("\n")
    if len(lines) == 1:
        return f'"{escaped}"'
    parts = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return '""\n' + "\n".join(f'"{part}"' for part in parts)


def render(messages: Iterable[Message]) -> str:
    out = [HEADER]
    for message in messages:
        out.append("")
        # Files only, not line numbers: the template changes when the strings do.
        files = dict.fromkeys(place.rsplit(":", 1)[0] for place in message.places)
        out.append("#: " + " ".join(files))
        if any("{" in text for text in message.texts):
            out.append("#, python-brace-format")
        out.append("msgid " + _quote(message.msgid))
        if message.plural is None:
            out.append('msgstr ""')
        else:
            out.append("msgid_plural " + _quote(message.plural))
            out.append('msgstr[0] ""')
            out.append('msgstr[1] ""')
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write resources/locale/partner_log.pot.")
    parser.add_argument("--check", action="store_true", help="fail if it is out of date")
    args = parser.parse_args(argv)
    text = render(collect())
    if args.check:
        if not TEMPLATE.exists() or TEMPLATE.read_text(encoding="utf-8") != text:
            print(f"{TEMPLATE} is out of date: run python -m tools.extract_strings")
            return 1
        return 0
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_text(text, encoding="utf-8")
    print(f"Wrote {len(text.splitlines())} lines to {TEMPLATE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
