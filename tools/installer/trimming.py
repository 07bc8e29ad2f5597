"""The files left out of the bundle after PyInstaller has collected them, and those kept
for each language the app ships."""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from typing import Any

from desktop_app.i18n import shipped_languages

#: Files left out of the bundle, as patterns on their path inside it. The app uses only
#: QtCore, QtGui, QtWidgets and QtSvg, never the network, OpenGL or printing.
TRIMMED = [
    # Qt libraries for QML/Quick, PDF, the virtual keyboard, OpenGL, the network, etc.
    "*Qt6Quick*",
    "*Qt6Qml*",
    "*Qt6Pdf*",
    "*Qt6VirtualKeyboard*",
    "*Qt6OpenGL*",
    "*Qt6Network*",
    "*Qt6Sql*",
    "*Qt6PrintSupport*",
    "*Qt6Designer*",
    "*Qt6Help*",
    "*Qt6Test*",
    "*Qt6UiTools*",
    "*Qt6Lottie*",
    "*Qt6Labs*",
    "*Qt6EglFs*",
    "*Qt6EglFS*",
    "*Qt6WaylandCompositor*",
    "*Qt6WaylandEgl*",
    # Whole plugin folders the app has no use for.
    "*/plugins/designer/*",
    "*/plugins/qmllint/*",
    "*/plugins/qmltooling/*",
    "*/plugins/sqldrivers/*",
    "*/plugins/tls/*",
    "*/plugins/networkinformation/*",
    "*/plugins/printsupport/*",
    "*/plugins/generic/*",
    "*/plugins/egldeviceintegrations/*",
    "*/plugins/xcbglintegrations/*",
    "*/plugins/vectorimageformats/*",
    "*/plugins/wayland-graphics-integration-*/*",
    "*/plugins/platforminputcontexts/*virtualkeyboard*",
    # The GTK theme would bring the whole GTK stack along; Qt's own look is used instead.
    "*/plugins/platformthemes/*qgtk3*",
    # Window systems other than X11, Wayland and offscreen (Linux), Windows and macOS.
    "*/plugins/platforms/*eglfs*",
    "*/plugins/platforms/*linuxfb*",
    "*/plugins/platforms/*minimal*",
    "*/plugins/platforms/*vnc*",
    "*/plugins/platforms/*vkkhrdisplay*",
    "*/plugins/platforms/*direct2d*",
    # Image formats: keep SVG (icons), ICO, JPEG, GIF and PNG (built in).
    "*/plugins/imageformats/*qpdf*",
    "*/plugins/imageformats/*qwebp*",
    "*/plugins/imageformats/*qtiff*",
    "*/plugins/imageformats/*qtga*",
    "*/plugins/imageformats/*qwbmp*",
    "*/plugins/imageformats/*qicns*",
    # D-Bus (screen readers, input methods) is used through the system's own libdbus,
    # which every Linux desktop has and which must match its D-Bus service anyway.
    "/libdbus-1.so*",
    # Qt's translations of its own dialogs, except qtbase for each shipped language (KEPT).
    "*/Qt/translations/*",
    # Babel's locale data for languages the app does not ship (KEPT keeps the rest).
    "*/babel/locale-data/*",
    "*/translations/qtwebengine*",
]


def kept_patterns() -> list[str]:
    """What ``TRIMMED`` would drop but each shipped language needs: Qt's own words and
    Babel's dates, numbers and plural rules for it (and Babel's root data)."""
    kept = ["*/babel/locale-data/root.dat"]
    for code in shipped_languages():
        kept += [f"*/Qt/translations/qtbase_{code}.qm"]
        kept += [f"*/babel/locale-data/{code}.dat", f"*/babel/locale-data/{code}_*.dat"]
    return kept


def trimmed(dest: str) -> bool:
    """True when the file at ``dest`` (its path inside the bundle) is left out."""
    path = "/" + dest.replace("\\", "/")
    if any(fnmatch.fnmatch(path, pattern) for pattern in kept_patterns()):
        return False
    return any(fnmatch.fnmatch(path, pattern) for pattern in TRIMMED)


def trim(toc: Sequence[Any]) -> list[Any]:
    """A PyInstaller TOC (entries start with the path inside the bundle) without the
    files in ``TRIMMED``."""
    return [entry for entry in toc if not trimmed(entry[0])]
