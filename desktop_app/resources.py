"""Where the files Partner Log ships beside its code are: fonts, icons and translations.

They live in the ``resources`` folder next to the ``desktop_app`` package. That holds in
the source tree and in the standalone bundle, where ``build_installer.py`` copies the
folder to the same place beside the modules, so one path serves both.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"
FONTS_DIR = RESOURCES_DIR / "fonts"
ICONS_DIR = RESOURCES_DIR / "icons"
LOCALE_DIR = RESOURCES_DIR / "locale"
