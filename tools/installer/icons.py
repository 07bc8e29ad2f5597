"""The app icon for each platform, drawn from its SVG."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tools.installer.paths import RESOURCES

ICONS = RESOURCES / "icons"
ICON_SVG = ICONS / "partner-log.svg"


def icon_for_platform() -> Path:
    if sys.platform == "win32":
        return ICONS / "partner-log.ico"
    if sys.platform == "darwin":
        return ICONS / "partner-log.icns"
    return ICONS / "partner-log.png"


def render_icons() -> list[Path]:
    """Draw ``partner-log.png``, ``.ico`` and ``.icns`` from ``partner-log.svg`` with Qt,
    offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ICON_SVG))
    made = []
    for name, size in (
        ("partner-log.png", 256),
        ("partner-log.ico", 256),
        ("partner-log.icns", 512),
    ):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = ICONS / name
        if not image.save(str(target)):
            raise SystemExit(f"Qt could not write {target}")
        made.append(target)
    del app
    return made
