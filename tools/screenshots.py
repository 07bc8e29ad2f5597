"""Save a PNG of every page at 100% and 200% text and in high contrast.

Run with `make screenshots` (it uses a virtual screen). The pictures go into
docs/screenshots/<variant>/<page>.png (``--language es docs/screenshots/es`` for
Spanish), made from the demo data, on the same pinned day the
tests use, so the pictures do not change with the day they are taken.

``--only old-records`` takes only the pages whose names start with that (it may be
given more than once), so a change to a few pages does not remake every picture.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop_app import clock
from desktop_app.commands.demo_data import make_demo_folder
from desktop_app.i18n import set_run_language
from desktop_app.model import Role
from desktop_app.settings import Preferences
from desktop_app.storage.workspace import Workspace
from tests.helpers.days import TEST_DAY
from tests.helpers.page_tour import COORDINATOR_STOPS, SETUP_STOPS, STOPS, visit, visit_setup
from ui.app import make_context
from ui.fonts import load_bundled_fonts
from ui.main_window import MainWindow

VARIANTS = {"100": (1.0, False), "200": (2.0, False), "high-contrast": (1.0, True)}


def shoot(
    app: QApplication, data_dir: Path, out: Path, stops: dict[str, object], setup: bool = False
) -> int:
    workspace = Workspace.open(data_dir)
    count = 0
    try:
        ctx = make_context(app, workspace)
        window = MainWindow(ctx)
        window.resize(1024, 768)
        window.show()
        for variant, (scale, high_contrast) in VARIANTS.items():
            ctx.settings.set(Preferences.text_scale, scale)
            ctx.settings.set(Preferences.high_contrast, high_contrast)
            ctx.restyle()
            folder = out / variant
            folder.mkdir(parents=True, exist_ok=True)
            for name in stops:
                (visit_setup if setup else visit)(ctx, name)
                for _ in range(5):
                    app.processEvents()
                window.grab().save(str(folder / f"{name}.png"))
                count += 1
        ctx.settings.restore_defaults()
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        workspace.close()
    return count


def _chosen(stops: dict[str, object], only: list[str]) -> dict[str, object]:
    if not only:
        return stops
    return {name: steps for name, steps in stops.items() if name.startswith(tuple(only))}


def main() -> int:
    parser = argparse.ArgumentParser(description="Save a PNG of every page.")
    parser.add_argument("out", nargs="?", default="docs/screenshots")
    parser.add_argument("--language", default="en", help="the app's language, e.g. es")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="START",
        help="only the pages whose names start with this, e.g. old-records",
    )
    args = parser.parse_args()
    out = Path(args.out).resolve()
    set_run_language(args.language)
    app = QApplication(sys.argv[:1])
    load_bundled_fonts(app)
    with clock.pinned(TEST_DAY), tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo"
        make_demo_folder(demo, Role.PARTNER)
        count = 0
        for stops, role in ((STOPS, Role.PARTNER), (COORDINATOR_STOPS, Role.COORDINATOR)):
            chosen = _chosen(stops, args.only)
            if chosen:
                folder = Path(tmp) / ("demo" if role == Role.PARTNER else "coordinator")
                make_demo_folder(folder, role)
                count += shoot(app, folder, out, chosen)
        setup_stops = _chosen(SETUP_STOPS, args.only)
        if setup_stops:
            count += shoot(app, Path(tmp) / "first-run", out, setup_stops, setup=True)
    print(f"Saved {count} screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
