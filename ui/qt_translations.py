"""Qt's own words (stock buttons, the colour and file dialogs, context menus) in the app's
language, from the ``qtbase_<lang>.qm`` files that PySide6 ships."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_installed: list[QTranslator] = []


def install_qt_translations(app: QCoreApplication, language: str) -> bool:
    """Replace Qt's translations with ``language``'s (none for English); True if found.

    Also sets the default ``QLocale``, so Qt's date and number widgets follow the app."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{language}", folder):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
