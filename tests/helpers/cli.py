"""Running the ``partner-log`` command line in-process, as a script would."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """The exit status, what was printed, and what was said on stderr."""
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err
