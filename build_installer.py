#!/usr/bin/env python3
"""Build a standalone Partner Log that starts without Python, for the platform it runs on.

    python build_installer.py                  # build, self-test, pack, print the sizes
    python build_installer.py --out DIR        # put everything in DIR (default: dist/)
    python build_installer.py --render-icons   # redraw the app icon files from the SVG

PyInstaller makes a one-folder bundle (``packaging/partner-log.spec``). Then:

- Linux: ``partner-log-VERSION-linux-ARCH.tar.gz`` with the bundle, a .desktop file, the
  icon and ``install.sh``, which adds Partner Log to the person's menu without root.
- Windows: ``partner-log-VERSION-windows-ARCH-setup.exe`` made by Inno Setup's ``iscc``
  from ``packaging/windows/partner-log.iss`` (a Start-menu shortcut, no administrator
  rights needed; files left by an older version are removed first). The bundle holds
  two programs: ``partner-log.exe`` opens the window and never shows a console, and
  ``partner-log-cli.exe`` is the same app for the command line (``--self-test``,
  ``export``...), whose output stays in the console it was typed in. Without ``iscc``
  on PATH, the exact command to run is printed instead.
- macOS: ``Partner Log.app`` and ``partner-log-VERSION-macos-ARCH.dmg`` (made with
  hdiutil), which opens on the app beside a link to the Applications folder. One build
  per architecture: ``--arch arm64`` or ``--arch x86_64`` (the default is this Mac's).

Signing and notarising run only when their environment variables are set (see
``tools/installer/signing.py`` and ``docs/installing.md``); unsigned builds are for testing.

The version comes from ``desktop_app/__init__.py``, the one place it is written.
See ``docs/installing.md``. The steps themselves live in ``tools/installer/``.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from tools.installer.build import build
from tools.installer.icons import render_icons
from tools.installer.paths import ROOT
from tools.installer.plan import ARCH_VARIABLE, MAC_ARCHES, target_arch


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, help="PyInstaller's work folder")
    parser.add_argument(
        "--no-self-test", action="store_true", help="do not run the bundle's self-test"
    )
    parser.add_argument(
        "--render-icons", action="store_true", help="redraw the icon files from the SVG"
    )
    parser.add_argument("--arch", choices=MAC_ARCHES, help="macOS: the architecture to build for")
    args = parser.parse_args(argv)
    if args.arch:
        os.environ[ARCH_VARIABLE] = target_arch(args.arch)
    if args.render_icons:
        for path in render_icons():
            print(f"Wrote {path}")
        return 0
    build(args.out, args.work, check=not args.no_self_test)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
