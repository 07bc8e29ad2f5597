"""Where the build finds its inputs in the repository."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
#: Fonts, icons and translations. The bundle keeps them beside the packages, where
#: desktop_app/resources.py looks for them at run time.
RESOURCES = ROOT / "resources"
