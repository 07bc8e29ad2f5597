"""What differs between the platforms the tests may run on (Linux, Windows, macOS).

- ``posix_only(reason)`` skips a test that needs what only Linux and macOS have (file
  permission bits, ``fork``, signals), and says why.
- ``assert_private(path, mode)`` checks owner-only permissions where files have them;
  Windows keeps a user's files private through the profile folder's access list.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

IS_POSIX = os.name == "posix"


def posix_only(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not IS_POSIX, reason=f"Linux and macOS only: {reason}")


def assert_private(path: Path, mode: int = 0o600) -> None:
    """``path`` is readable by its owner only (checked on Linux and macOS)."""
    assert path.exists(), path
    if IS_POSIX:
        assert stat.S_IMODE(path.stat().st_mode) == mode, oct(path.stat().st_mode)
