"""Linux: a .tar.gz with the bundle, the desktop entry, the icon and ``install.sh``."""

from __future__ import annotations

import platform
import tarfile
from pathlib import Path

from tools.installer.icons import ICONS
from tools.installer.paths import PACKAGING
from tools.installer.plan import EXE_NAME, version


def pack_linux(bundle: Path, out: Path) -> Path:
    """A .tar.gz with the bundle, the desktop entry, the icon and ``install.sh``."""
    name = f"{EXE_NAME}-{version()}-linux-{platform.machine()}"
    tarball = out / f"{name}.tar.gz"
    extras = {
        "install.sh": PACKAGING / "linux" / "install.sh",
        f"{EXE_NAME}.desktop": PACKAGING / "linux" / f"{EXE_NAME}.desktop",
        f"{EXE_NAME}.png": ICONS / "partner-log.png",
    }

    def owned_by_nobody(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(tarball, "w:gz", compresslevel=9) as archive:
        archive.add(bundle, arcname=f"{name}/{EXE_NAME}", filter=owned_by_nobody)
        for arcname, source in extras.items():
            archive.add(source, arcname=f"{name}/{arcname}", filter=owned_by_nobody)
    return tarball
