"""Translation: one mechanism for every user-facing string, in the app and in the PDFs.

Strings are wrapped with ``_()`` (or ``N_()`` where they must be translated later) and
looked up in gettext catalogues. English is the source language, so a missing catalogue
simply shows English.

Each language is a folder: ``resources/locale/<lang>/LC_MESSAGES/partner_log.po``. The
languages the app offers are the folders present, so adding a language never means
touching code. A catalogue is compiled to ``.mo`` when the bundle is built
(``python -m desktop_app.i18n compile``, run by ``build_installer.py``); a source
checkout or an editable install compiles it at first use into the user cache, and again
whenever the ``.po`` changes.

The language of a run comes from, in order: ``--language`` on the command line, the saved
setting, the system (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), then English.
"""

from __future__ import annotations

import contextlib
import gettext
import io
import logging
import os
import sys
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

from desktop_app.resources import LOCALE_DIR

log = logging.getLogger("partner_log.i18n")
DOMAIN = "partner_log"
SOURCE_LANGUAGE = "en"
#: Where ``--language`` (or a test) fixed the language for this run, over the saved one.
_run_language: str | None = None

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE
_cache: dict[tuple[str, str], gettext.NullTranslations] = {}
#: A language switched for one thread only (a PDF made in the background in English
#: while the window stays in Spanish): ``(language, translation)`` or None.
_local = threading.local()


def catalogue_path(language: str, locale_dir: Path | None = None) -> Path:
    """Where the translator's ``.po`` for ``language`` lives."""
    return (locale_dir or LOCALE_DIR) / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def shipped_languages(locale_dir: Path | None = None) -> list[str]:
    """The languages the app can show: English (the source), then each language with a
    catalogue folder under ``resources/locale``, e.g. ``["en", "es"]``."""
    root = locale_dir or LOCALE_DIR
    found = {
        path.parent.parent.name
        for pattern in (f"*/LC_MESSAGES/{DOMAIN}.po", f"*/LC_MESSAGES/{DOMAIN}.mo")
        for path in root.glob(pattern)
    }
    return [SOURCE_LANGUAGE, *sorted(found - {SOURCE_LANGUAGE})]


def base_language(code: str | None) -> str:
    """ "es" for "es_MX.UTF-8", "es-419" or "ES"; "" for nothing, "C" or "POSIX"."""
    if not code:
        return ""
    bare = code.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return "" if bare in ("c", "posix") else bare


def supported(code: str | None) -> str | None:
    """The shipped language ``code`` names ("es" for "es_MX"), or None."""
    bare = base_language(code)
    return bare if bare in shipped_languages() else None


def system_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The first shipped language the system asks for: LANGUAGE (a list such as
    "es_MX:es:en"), then LC_ALL, LC_MESSAGES, LANG, as gettext reads them."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for part in env.get(name, "").split(":"):
            found = supported(part)
            if found:
                return found
    if environ is None and sys.platform in ("win32", "darwin"):
        with contextlib.suppress(Exception):
            import locale

            return supported(locale.getlocale()[0])
    return None


def choose_language(saved: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The language for this run: the run's own (``--language``), the saved setting, the
    system's, then English."""
    return (
        supported(_run_language) or supported(saved) or system_language(environ) or SOURCE_LANGUAGE
    )


def set_run_language(language: str | None) -> None:
    """Fix the language for this run, over the saved setting (``--language``)."""
    global _run_language
    _run_language = language


def run_language() -> str | None:
    return _run_language


def compile_po(po_path: Path) -> bytes:
    """The ``.mo`` bytes of a ``.po`` file (Babel; fuzzy entries are left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as source:
        catalogue = read_po(source, domain=DOMAIN)
    out = io.BytesIO()
    write_mo(out, catalogue, use_fuzzy=False)
    return out.getvalue()


def _cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("partner-log", appauthor=False)) / "locale"


def _digest(source: bytes) -> str:
    """A short fingerprint of a catalogue's text (hashlib is loaded only when a language
    other than English is: an English start does without it)."""
    import hashlib

    return hashlib.sha256(source).hexdigest()[:16]


def _load(language: str, locale_dir: Path) -> gettext.NullTranslations:
    """The compiled catalogue of ``language``: the ``.mo`` built beside the ``.po``, or one
    compiled from it into the cache (in memory if the cache cannot be written)."""
    po = catalogue_path(language, locale_dir)
    built = po.with_suffix(".mo")
    if not po.exists():
        if built.exists():
            with built.open("rb") as f:
                return gettext.GNUTranslations(f)
        return gettext.NullTranslations()
    source = po.read_bytes()
    digest = _digest(source)
    stamp = built.with_suffix(".sha256")
    if built.exists() and stamp.exists() and stamp.read_text().strip() == digest:
        with built.open("rb") as f:
            return gettext.GNUTranslations(f)
    cached = _cache_dir() / language / f"{DOMAIN}-{digest}.mo"
    if cached.exists():
        data = cached.read_bytes()
    else:
        data = compile_po(po)
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(".tmp")
            tmp.write_bytes(data)
            tmp.replace(cached)
        except OSError:
            log.info("could not keep the compiled catalogue in the cache")
    return gettext.GNUTranslations(io.BytesIO(data))


def translations(language: str, locale_dir: Path | None = None) -> gettext.NullTranslations:
    """The catalogue for ``language`` (English, or a missing one: no translation)."""
    bare = base_language(language)
    if not bare or bare == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    root = locale_dir or LOCALE_DIR
    key = (str(root), bare)
    if key not in _cache:
        _cache[key] = _load(bare, root)
    return _cache[key]


def compile_all(locale_dir: Path | None = None) -> list[Path]:
    """Build every ``.mo`` beside its ``.po`` (for the bundle); returns the files written."""
    written = []
    for language in shipped_languages(locale_dir)[1:]:
        po = catalogue_path(language, locale_dir)
        if not po.exists():
            continue
        mo = po.with_suffix(".mo")
        mo.write_bytes(compile_po(po))
        digest = _digest(po.read_bytes())
        mo.with_suffix(".sha256").write_text(digest + "\n")
        written.append(mo)
    return written


def set_language(language: str | None) -> None:
    """Switch every later ``_()`` call to ``language`` (e.g. "es"); None means English."""
    global _translation, _language
    _language = base_language(language) or SOURCE_LANGUAGE
    _translation = translations(_language)


def _active() -> tuple[str, gettext.NullTranslations]:
    switched: tuple[str, gettext.NullTranslations] | None = getattr(_local, "switched", None)
    return switched or (_language, _translation)


def current_language() -> str:
    """The language in force ("en" until one is set), for forms that read numbers and
    dates the way that language writes them."""
    return _active()[0]


@contextlib.contextmanager
def language_switched(language: str | None) -> Iterator[str]:
    """Run a block in ``language`` (a certificate in English from a Spanish app), then
    switch back. It holds for this thread only, so the window keeps its own language
    while a report is drawn in the background. None keeps the current language."""
    before = getattr(_local, "switched", None)
    code = base_language(language) or current_language()
    _local.switched = (code, translations(code))
    try:
        yield code
    finally:
        _local.switched = before


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return _active()[1].gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message that depends on a count."""
    return _active()[1].ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it yet (for tables of labels)."""
    return message


def babel_locale(language: str | None = None) -> str:
    """The Babel locale name for ``language`` (default: the current one), e.g. "es"."""
    return base_language(language or current_language()) or SOURCE_LANGUAGE


def main(argv: list[str] | None = None) -> int:
    """``python -m desktop_app.i18n compile``: build the ``.mo`` files for a bundle."""
    args = sys.argv[1:] if argv is None else argv
    if args != ["compile"]:
        print("usage: python -m desktop_app.i18n compile", file=sys.stderr)
        return 2
    for path in compile_all():
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
