"""Changing the app's language while it runs: the saved choice, the catalogues and Qt's own
words switch together; the screens are then rebuilt by whoever asked (see ``MainWindow``)."""

from __future__ import annotations

from babel import Locale
from PySide6.QtWidgets import QApplication

from desktop_app import i18n
from desktop_app.settings import Preferences, Settings
from ui.qt_translations import install_qt_translations

#: The question of the first page, in every language, because none is chosen yet.
QUESTION = "Which language? / ¿Qué idioma?"


def language_name(code: str) -> str:
    """The language's own name for itself: "English", "Español"."""
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


def switch_language(settings: Settings, code: str) -> None:
    """Save ``code`` as the chosen language and show every later word in it."""
    settings.set(Preferences.language, code)
    i18n.set_run_language(None)  # the person's choice now outranks --language
    i18n.set_language(i18n.choose_language(code))
    app = QApplication.instance()
    if app is not None:
        install_qt_translations(app, i18n.current_language())
