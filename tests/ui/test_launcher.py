"""The app package owns the start: subcommands run without Qt, and the core cannot open a window."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main as core_main
from ui import launcher

ROOT = Path(__file__).resolve().parents[2]


def test_a_subcommand_never_loads_qt(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from ui.launcher import main\n"
        f"status = main(['--data-dir', {str(tmp_path)!r}, 'demo', '--no-gui'])\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print('QT', qt, 'STATUS', status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "QT [] STATUS 0" in result.stdout


def test_no_command_opens_the_window_the_launcher_passes_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(launcher, "open_window", lambda folder: opened.append(folder) or 0)
    assert launcher.main(["--data-dir", str(tmp_path)]) == 0
    assert [folder.resolve() for folder in opened] == [tmp_path.resolve()]


def test_the_core_alone_has_no_window(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert core_main(["--data-dir", str(tmp_path)]) == 1
    assert "has no window" in capsys.readouterr().err


def test_without_a_screen_the_person_is_told_how(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert launcher.main(["--data-dir", str(tmp_path)]) == 1
    assert "xvfb-run" in capsys.readouterr().err


def test_the_core_has_no_import_by_name() -> None:
    """import-linter sees only import statements, so the core may not import by a string."""
    by_name = re.compile(r"import_module\(|__import__\(|importlib")
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "desktop_app").rglob("*.py")
        if "migrations" not in path.parts and by_name.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
