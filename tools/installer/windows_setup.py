"""Windows: the setup program, made by Inno Setup's ``iscc`` from
``packaging/windows/partner-log.iss``."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tools.installer.icons import ICONS
from tools.installer.paths import PACKAGING
from tools.installer.plan import EXE_NAME, target_arch, version


def pack_windows(bundle: Path, out: Path) -> Path | None:
    """The Inno Setup installer, when ``iscc`` is on PATH; otherwise say how to make it."""
    arch = target_arch()
    command = [
        "iscc",
        f"/DAppVersion={version()}",
        f"/DAppArch={arch}",
        f"/DBundleDir={bundle}",
        f"/DOutputDir={out}",
        f"/DIconFile={ICONS / 'partner-log.ico'}",
        str(PACKAGING / "windows" / "partner-log.iss"),
    ]
    iscc = shutil.which("iscc")
    if iscc is None:
        print("Inno Setup's iscc is not on PATH, so no installer was made. With Inno Setup 6")
        print("installed and on PATH, run:\n  " + subprocess.list2cmdline(command))
        return None
    subprocess.run([iscc, *command[1:]], check=True)
    return out / f"{EXE_NAME}-{version()}-windows-{arch}-setup.exe"
