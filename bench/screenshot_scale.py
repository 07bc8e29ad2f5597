"""Open the app on 100,000 entries, scroll "My records" to the end, save a picture.

The data is one partner with every entry (``bench.generate --partners 1``), so "My
records" holds all 100,000 of them. Prints how long opening the page and scrolling took.

Run: QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x1024x24" \\
     python -m bench.screenshot_scale docs/screenshots/records-100k.png
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from bench.generate import generate
from desktop_app.storage.workspace import Workspace
from tests.helpers.page_tour import visit
from ui.app import make_context
from ui.fonts import load_bundled_fonts
from ui.main_window import MainWindow


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots/records-100k.png")
    app = QApplication(sys.argv[:1])
    load_bundled_fonts(app)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "scale"
        generate(folder, 100_000, partners=1)
        workspace = Workspace.open(folder)
        try:
            ctx = make_context(app, workspace)
            window = MainWindow(ctx)
            window.resize(1024, 768)
            window.show()
            app.processEvents()
            start = time.perf_counter()
            page = visit(ctx, "records")
            app.processEvents()
            opened = time.perf_counter() - start
            table, model = page.table, page.model  # type: ignore[attr-defined]
            start = time.perf_counter()
            while model.canFetchMore():
                table.scrollToBottom()  # the view asks the model for the next page
                app.processEvents()
            table.scrollToBottom()
            table.selectRow(model.rowCount() - 1)
            for _ in range(5):
                app.processEvents()
            scrolled = time.perf_counter() - start
            out.parent.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(out))
            entries = sum(1 for r in range(model.rowCount()) if model.entry(r))
            print(
                f"My records: {entries:,} entries; opened in {opened:.2f} s, scrolled to the "
                f"end in {scrolled:.2f} s; saved {out}"
            )
            window.close()
        finally:
            workspace.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
