"""Translation: one mechanism for every user-facing string, in the app and in the PDFs.

Strings are wrapped with ``_()`` (or ``N_()`` where they must be translated later) and
looked up in gettext catalogues under ``resources/locale``. English is the source
language, so a missing catalogue simply shows English.
"""

from __future__ import annotations

import gettext

from desktop_app.resources import LOCALE_DIR

DOMAIN = "partner_log"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def shipped_languages() -> list[str]:
    """The languages the app can show: English (the source), and each language with a
    catalogue under ``resources/locale``, e.g. ``["en", "es"]``."""
    found = {path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")}
    return ["en", *sorted(found - {"en"})]


def set_language(language: str | None) -> None:
    """Switch every later ``_()`` call to ``language`` (e.g. "es"); None means English."""
    global _translation, _language
    _language = language or "en"
    if not language or language.startswith("en"):
        _translation = gettext.NullTranslations()
        return
    _translation = gettext.translation(
        DOMAIN, localedir=str(LOCALE_DIR), languages=[language], fallback=True
    )


def current_language() -> str:
    """The language set last with ``set_language`` ("en" until then), for forms that read
    numbers and dates the way that language writes them."""
    return _language


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message that depends on a count."""
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it yet (for tables of labels)."""
    return message
