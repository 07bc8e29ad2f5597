"""macOS: a compressed disk image that opens on the app beside a link to Applications."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tools.installer.plan import DISPLAY_NAME, EXE_NAME, target_arch, version


def stage_disk_image(app: Path, stage: Path) -> Path:
    """A folder laid out as the disk image shows it: the app beside a link to the
    Applications folder, so a person installs it by dragging one onto the other."""
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    shutil.copytree(app, stage / app.name, symlinks=True)
    (stage / "Applications").symlink_to("/Applications")
    return stage


def pack_macos(app: Path, out: Path) -> Path:
    """A compressed disk image holding ``Partner Log.app`` and a link to Applications."""
    image = out / f"{EXE_NAME}-{version()}-macos-{target_arch()}.dmg"
    image.unlink(missing_ok=True)
    stage = stage_disk_image(app, out / "dmg-stage")
    try:
        subprocess.run(
            [
                "hdiutil",
                "create",
                "-volname",
                DISPLAY_NAME,
                "-srcfolder",
                str(stage),
                "-fs",
                "HFS+",
                "-format",
                "UDZO",
                str(image),
            ],
            check=True,
        )
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return image
