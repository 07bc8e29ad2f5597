"""The whole build for this platform: PyInstaller, signing, the self-test, packing, and
the sizes printed at the end."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tools.installer.icons import icon_for_platform
from tools.installer.linux_tarball import pack_linux
from tools.installer.macos_disk_image import pack_macos
from tools.installer.paths import PACKAGING, ROOT
from tools.installer.plan import DISPLAY_NAME, EXE_NAME, cli_executable, executable, version
from tools.installer.signing import sign
from tools.installer.windows_setup import pack_windows

SPEC = PACKAGING / "partner-log.spec"


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) under ``folder``, not following symbolic links."""
    total = files = 0
    for dirpath, _dirnames, filenames in os.walk(folder):
        for name in filenames:
            total += os.lstat(os.path.join(dirpath, name)).st_size
            files += 1
    return total, files


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def run_pyinstaller(out: Path, work: Path) -> Path:
    """Build the one-folder bundle into ``out``; return the bundle (or the .app)."""
    import PyInstaller.__main__  # type: ignore[import-untyped]

    PyInstaller.__main__.run(
        [
            str(SPEC),
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={out}",
            f"--workpath={work}",
        ]
    )
    if sys.platform == "darwin":
        return out / f"{DISPLAY_NAME}.app"
    return out / EXE_NAME


def self_test(bundle: Path) -> None:
    """Run the built app's own ``--self-test``; stop the build if it fails."""
    result = subprocess.run([str(cli_executable(bundle)), "--self-test"], check=False)
    if result.returncode != 0:
        raise SystemExit("The built Partner Log failed its self-test (see above).")


def compile_catalogues() -> None:
    """Build each language's .mo beside its .po, so the bundle never compiles at start."""
    subprocess.run([sys.executable, "-m", "desktop_app.i18n", "compile"], cwd=ROOT, check=True)


def build(out: Path, work: Path | None = None, check: bool = True) -> tuple[Path, Path | None]:
    """Build, self-test and pack for this platform; print what was made and its size."""
    out = out.resolve()
    work = (work or out / "pyinstaller-work").resolve()
    missing = [str(p) for p in (SPEC, icon_for_platform()) if not p.exists()]
    if missing:
        raise SystemExit("Missing: " + ", ".join(missing))
    started = time.monotonic()
    print(f"Building {DISPLAY_NAME} {version()} for {sys.platform} in {out}", flush=True)
    compile_catalogues()
    bundle = run_pyinstaller(out, work)
    built = time.monotonic() - started
    if sys.platform == "win32":
        sign("bundle", [executable(bundle), cli_executable(bundle)])
    elif sys.platform == "darwin":
        sign("bundle", [bundle])
    if check:
        self_test(bundle)
    if sys.platform == "win32":
        package = pack_windows(bundle, out)
    elif sys.platform == "darwin":
        package = pack_macos(bundle, out)
    else:
        package = pack_linux(bundle, out)
    if package is not None and sys.platform in ("win32", "darwin"):
        sign("package", [package])
    size, files = folder_size(bundle)
    print(f"Built in {built:.0f} s.")
    print(f"Bundle: {bundle} ({megabytes(size)} unpacked, {files} files)")
    if package is not None:
        print(f"Package: {package} ({megabytes(package.stat().st_size)})")
    return bundle, package
