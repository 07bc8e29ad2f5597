"""The core stays free of Qt and of the UI; screens reach storage only through services."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(package: str) -> dict[Path, set[str]]:
    found: dict[Path, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[path] = names
    return found


def test_core_never_imports_qt_or_ui() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            name for name in names if name.split(".")[0] in {"PySide6", "shiboken6", "ui"}
        )
        for path, names in _imports("desktop_app").items()
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_ui_reaches_storage_only_through_services() -> None:
    forbidden = {"sqlalchemy", "sqlite3", "desktop_app.db"}
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            name for name in names if name in forbidden or name.split(".")[0] in forbidden
        )
        for path, names in _imports("ui").items()
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_import_linter_contracts_hold() -> None:
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(linter), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().replace("0 broken", "")
