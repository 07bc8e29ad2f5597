#!/usr/bin/env python3
"""Build a standalone Partner Log that starts without Python, for the platform it runs on.

    python build_installer.py                  # build, self-test, pack, print the sizes
    python build_installer.py --out DIR        # put everything in DIR (default: dist/)
    python build_installer.py --render-icons   # redraw the app icon files from the SVG

PyInstaller makes a one-folder bundle (``packaging/partner-log.spec``). Then:

- Linux: ``partner-log-VERSION-linux-ARCH.tar.gz`` with the bundle, a .desktop file, the
  icon and ``install.sh``, which adds Partner Log to the person's menu without root.
- Windows: ``partner-log-VERSION-windows-ARCH-setup.exe`` made by Inno Setup's ``iscc``
  from ``packaging/windows/partner-log.iss`` (a Start-menu shortcut, no administrator
  rights needed; files left by an older version are removed first). The bundle holds
  two programs: ``partner-log.exe`` opens the window and never shows a console, and
  ``partner-log-cli.exe`` is the same app for the command line (``--self-test``,
  ``export``...), whose output stays in the console it was typed in. Without ``iscc``
  on PATH, the exact command to run is printed instead.
- macOS: ``Partner Log.app`` and ``partner-log-VERSION-macos-ARCH.dmg`` (made with
  hdiutil), which opens on the app beside a link to the Applications folder. One build
  per architecture: ``--arch arm64`` or ``--arch x86_64`` (the default is this Mac's).

Signing and notarising run only when their environment variables are set (see
``signing_commands`` and ``docs/installing.md``); unsigned builds are for testing.

The version comes from ``desktop_app/__init__.py``, the one place it is written.
See ``docs/installing.md``.
"""

from __future__ import annotations

import argparse
import ast
import fnmatch
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "partner-log.spec"
#: Fonts, icons and translations. The bundle keeps them beside the packages, where
#: desktop_app/resources.py looks for them at run time.
RESOURCES = ROOT / "resources"
ICONS = RESOURCES / "icons"
ICON_SVG = ICONS / "partner-log.svg"
EXE_NAME = "partner-log"
#: Windows only: the console program, for the command line.
CLI_EXE_NAME = "partner-log-cli"
#: macOS: the architecture to build for, set by ``--arch`` (read by the spec file).
ARCH_VARIABLE = "PARTNER_LOG_ARCH"
MAC_ARCHES = ("arm64", "x86_64")
#: A time-stamping service, so signatures stay valid after the certificate expires.
TIMESTAMP_URL = "http://timestamp.digicert.com"
DISPLAY_NAME = "Partner Log"
BUNDLE_ID = "org.partnerlog.PartnerLog"

#: Stripping symbols is safe for ELF files; on macOS it would break code signatures,
#: and Windows has no strip.
STRIP = sys.platform.startswith("linux")

#: Python modules the app never uses but that a dependency may name.
EXCLUDED_MODULES = [
    "tkinter",
    "_tkinter",
    "turtle",
    "idlelib",
    "lib2to3",
    "pydoc_data",
    "ensurepip",
    "pip",
    "setuptools",
    "pkg_resources",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "IPython",
    "numpy",
    "readline",
    "pygments",  # Mako's optional syntax highlighting
    # Database drivers other than SQLite. SQLAlchemy's PostgreSQL dialect stays, but not
    # the psycopg driver and its own libpq and OpenSSL (about 10 MB): the bundle is for
    # partners, who never use a shared database. A coordinator whose organisation has one
    # installs Partner Log with pip and its "postgres" extra (docs/organisation.md); the
    # bundle says plainly that it cannot reach such a database.
    "psycopg",
    "psycopg_binary",
    "psycopg_c",
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.mssql",
    "sqlalchemy.dialects.oracle",
    "pyphen",  # ReportLab's optional hyphenation; the PDFs do not hyphenate
    # Pillow's image formats and bridges that ReportLab never reaches (no AVIF, WebP,
    # colour profiles, Tk or Qt images).
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
    "PIL._imagingft",  # Pillow's text drawing; ReportLab draws its own text
    # Python's OpenSSL bindings: the app never uses the network (no ssl), and hashlib
    # has built-in SHA-2 and the rest (the encryption itself is in cryptography).
    "ssl",
    "_ssl",
    "_hashlib",
    # Nothing in the app or its libraries starts processes through multiprocessing (only
    # concurrent.futures' process pool would, and nothing uses it). Left in, PyInstaller's
    # runtime hook for it imports 20-odd modules before Home's first paint.
    "multiprocessing",
    "PySide6.QtNetwork",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPrintSupport",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtPdf",
    "PySide6.QtSql",
    "PySide6.QtUiTools",
    "PySide6.QtDesigner",
    "PySide6.QtTest",
    "PySide6.QtXml",
]

#: Files left out of the bundle, as patterns on their path inside it. The app uses only
#: QtCore, QtGui, QtWidgets and QtSvg, never the network, OpenGL or printing.
TRIMMED = [
    # Qt libraries for QML/Quick, PDF, the virtual keyboard, OpenGL, the network, etc.
    "*Qt6Quick*",
    "*Qt6Qml*",
    "*Qt6Pdf*",
    "*Qt6VirtualKeyboard*",
    "*Qt6OpenGL*",
    "*Qt6Network*",
    "*Qt6Sql*",
    "*Qt6PrintSupport*",
    "*Qt6Designer*",
    "*Qt6Help*",
    "*Qt6Test*",
    "*Qt6UiTools*",
    "*Qt6Lottie*",
    "*Qt6Labs*",
    "*Qt6EglFs*",
    "*Qt6EglFS*",
    "*Qt6WaylandCompositor*",
    "*Qt6WaylandEgl*",
    # Whole plugin folders the app has no use for.
    "*/plugins/designer/*",
    "*/plugins/qmllint/*",
    "*/plugins/qmltooling/*",
    "*/plugins/sqldrivers/*",
    "*/plugins/tls/*",
    "*/plugins/networkinformation/*",
    "*/plugins/printsupport/*",
    "*/plugins/generic/*",
    "*/plugins/egldeviceintegrations/*",
    "*/plugins/xcbglintegrations/*",
    "*/plugins/vectorimageformats/*",
    "*/plugins/wayland-graphics-integration-*/*",
    "*/plugins/platforminputcontexts/*virtualkeyboard*",
    # The GTK theme would bring the whole GTK stack along; Qt's own look is used instead.
    "*/plugins/platformthemes/*qgtk3*",
    # Window systems other than X11, Wayland and offscreen (Linux), Windows and macOS.
    "*/plugins/platforms/*eglfs*",
    "*/plugins/platforms/*linuxfb*",
    "*/plugins/platforms/*minimal*",
    "*/plugins/platforms/*vnc*",
    "*/plugins/platforms/*vkkhrdisplay*",
    "*/plugins/platforms/*direct2d*",
    # Image formats: keep SVG (icons), ICO, JPEG, GIF and PNG (built in).
    "*/plugins/imageformats/*qpdf*",
    "*/plugins/imageformats/*qwebp*",
    "*/plugins/imageformats/*qtiff*",
    "*/plugins/imageformats/*qtga*",
    "*/plugins/imageformats/*qwbmp*",
    "*/plugins/imageformats/*qicns*",
    # D-Bus (screen readers, input methods) is used through the system's own libdbus,
    # which every Linux desktop has and which must match its D-Bus service anyway.
    "/libdbus-1.so*",
    # Qt's translations of its own dialogs, except qtbase for each shipped language (KEPT).
    "*/Qt/translations/*",
    # Babel's locale data for languages the app does not ship (KEPT keeps the rest).
    "*/babel/locale-data/*",
    "*/translations/qtwebengine*",
]


def version() -> str:
    """``__version__`` from ``desktop_app/__init__.py``, read without importing the app."""
    tree = ast.parse((ROOT / "desktop_app" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            if isinstance(value, str):
                return value
    raise SystemExit("desktop_app/__init__.py has no __version__")


def _files_under(folder: Path, skip_suffixes: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(source file, folder inside the bundle) for every file under ``folder``."""
    skipped = set(skip_suffixes)
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_dir() or "__pycache__" in path.parts or path.suffix in skipped:
            continue
        found.append((str(path), str(path.parent.relative_to(ROOT))))
    return found


def data_files() -> list[tuple[str, str]]:
    """Fonts, icons, translations and the Alembic migrations, at the paths the app
    expects them beside its modules."""
    return [
        *_files_under(RESOURCES, skip_suffixes=(".py", ".pyc")),
        *_files_under(ROOT / "desktop_app" / "migrations", skip_suffixes=(".pyc",)),
    ]


def hidden_imports() -> list[str]:
    """Modules reached only by name: the pages (each loaded the first time it is shown),
    what the migration scripts (loaded from files by Alembic) import, and the
    barcode modules ReportLab imports by name when it draws the certificate's QR code."""
    from PyInstaller.utils.hooks import collect_submodules  # type: ignore[import-untyped]

    return [
        *collect_submodules("ui"),
        *collect_submodules(
            "desktop_app", filter=lambda name: not name.startswith("desktop_app.migrations")
        ),
        *collect_submodules("reportlab.graphics.barcode"),
        "alembic.op",
        "alembic.context",
        "alembic.ddl.sqlite",
        "sqlalchemy.dialects.sqlite",
        "sqlalchemy.dialects.sqlite.pysqlite",
    ]


def shipped_languages() -> list[str]:
    """The languages with a catalogue folder under resources/locale, English first."""
    found = {p.parent.parent.name for p in (RESOURCES / "locale").glob("*/LC_MESSAGES/*.po")}
    return ["en", *sorted(found - {"en"})]


def kept_patterns() -> list[str]:
    """What ``TRIMMED`` would drop but each shipped language needs: Qt's own words and
    Babel's dates, numbers and plural rules for it (and Babel's root data)."""
    kept = ["*/babel/locale-data/root.dat"]
    for code in shipped_languages():
        kept += [f"*/Qt/translations/qtbase_{code}.qm"]
        kept += [f"*/babel/locale-data/{code}.dat", f"*/babel/locale-data/{code}_*.dat"]
    return kept


def trimmed(dest: str) -> bool:
    """True when the file at ``dest`` (its path inside the bundle) is left out."""
    path = "/" + dest.replace("\\", "/")
    if any(fnmatch.fnmatch(path, pattern) for pattern in kept_patterns()):
        return False
    return any(fnmatch.fnmatch(path, pattern) for pattern in TRIMMED)


def trim(toc: Sequence[Any]) -> list[Any]:
    """A PyInstaller TOC (entries start with the path inside the bundle) without the
    files in ``TRIMMED``."""
    return [entry for entry in toc if not trimmed(entry[0])]


#: Libraries loaded at run time by name (dlopen), so no other file lists them as needed.
LOADED_BY_NAME = ("libpython*",)


def _orphan(entry: Sequence[Any], needed: set[str]) -> bool:
    dest, _source, kind = entry[:3]
    path = Path(dest.replace("\\", "/"))
    name = path.name
    return (
        kind == "BINARY"
        and (path.parent == Path(".") or path.parent.name.endswith(".libs"))
        and ".so" in name
        and name not in needed
        and not any(fnmatch.fnmatch(name, pattern) for pattern in LOADED_BY_NAME)
    )


def needed_libraries(binary: str | os.PathLike[str]) -> set[str]:
    """The libraries an ELF file names as needed (its own list, not their needs)."""
    listing = subprocess.run(
        ["readelf", "--dynamic", "--wide", str(binary)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LC_ALL": "C"},
    ).stdout
    return {
        line.rsplit("[", 1)[1].rstrip("]")
        for line in listing.splitlines()
        if "(NEEDED)" in line and "[" in line
    }


def drop_orphans(binaries: Sequence[Any]) -> list[Any]:
    """Linux: also leave out the shared libraries that only trimmed files needed (e.g.
    the GTK stack for the GTK theme). PyInstaller collected them before the trim. Only
    libraries at the top of the bundle, or vendored by a wheel (``*.libs/``), go."""
    kept = list(binaries)
    if not sys.platform.startswith("linux"):
        return kept
    needs = {
        entry[1]: needed_libraries(entry[1])
        for entry in kept
        if entry[1] and Path(entry[1]).is_file()
    }
    while True:
        needed = set().union(*(needs.get(entry[1], set()) for entry in kept))
        orphans = [entry for entry in kept if _orphan(entry, needed)]
        if not orphans:
            return kept
        kept = [entry for entry in kept if entry not in orphans]


def icon_for_platform() -> Path:
    if sys.platform == "win32":
        return ICONS / "partner-log.ico"
    if sys.platform == "darwin":
        return ICONS / "partner-log.icns"
    return ICONS / "partner-log.png"


def render_icons() -> list[Path]:
    """Draw ``partner-log.png``, ``.ico`` and ``.icns`` from ``partner-log.svg`` with Qt,
    offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ICON_SVG))
    made = []
    for name, size in (
        ("partner-log.png", 256),
        ("partner-log.ico", 256),
        ("partner-log.icns", 512),
    ):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = ICONS / name
        if not image.save(str(target)):
            raise SystemExit(f"Qt could not write {target}")
        made.append(target)
    del app
    return made


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


def executable(bundle: Path) -> Path:
    if sys.platform == "darwin":
        return bundle / "Contents" / "MacOS" / EXE_NAME
    if sys.platform == "win32":
        return bundle / f"{EXE_NAME}.exe"
    return bundle / EXE_NAME


def cli_executable(bundle: Path) -> Path:
    """The program to run from a command line (on Windows, the console one)."""
    if sys.platform == "win32":
        return bundle / f"{CLI_EXE_NAME}.exe"
    return executable(bundle)


def target_arch(requested: str | None = None, platform_name: str = sys.platform) -> str:
    """The architecture being built: ``requested`` (macOS only), else this machine's."""
    machine = platform.machine().lower()
    if platform_name == "darwin":
        arch = requested or os.environ.get(ARCH_VARIABLE) or machine
        if arch not in MAC_ARCHES:
            raise SystemExit(f"--arch must be one of {', '.join(MAC_ARCHES)}, not {arch}")
        return arch
    if requested:
        raise SystemExit("--arch is for macOS; elsewhere build on a machine of that kind")
    return {"amd64": "x64", "x86_64": "x64" if platform_name == "win32" else machine}.get(
        machine, machine
    )


def self_test(bundle: Path) -> None:
    """Run the built app's own ``--self-test``; stop the build if it fails."""
    result = subprocess.run([str(cli_executable(bundle)), "--self-test"], check=False)
    if result.returncode != 0:
        raise SystemExit("The built Partner Log failed its self-test (see above).")


def signing_commands(
    stage: str, paths: Sequence[Path], env: dict[str, str], platform_name: str = sys.platform
) -> list[list[str]]:
    """The commands that sign (and on macOS notarise) ``paths``, from ``env``.

    ``stage`` is "bundle" (the programs, before packing) or "package" (the installer or
    disk image). Nothing is returned when the variables are not set: the build is then
    unsigned, which is fine for testing but not for release (see docs/installing.md).

    - Windows: ``PARTNER_LOG_SIGN_PFX`` (a .pfx file) and ``PARTNER_LOG_SIGN_PASSWORD``,
      or ``PARTNER_LOG_SIGN_THUMBPRINT`` (a certificate in the Windows store); signed
      with ``signtool`` (``PARTNER_LOG_SIGNTOOL`` if it is not on PATH).
    - macOS: ``PARTNER_LOG_CODESIGN_IDENTITY`` ("Developer ID Application: ...") signs
      the app with the hardened runtime; ``PARTNER_LOG_NOTARY_PROFILE`` (a
      ``notarytool store-credentials`` profile) then notarises the disk image and staples
      the ticket to it, so macOS opens it without "Open Anyway".
    """
    files = [str(path) for path in paths]
    if platform_name == "win32":
        signtool = env.get("PARTNER_LOG_SIGNTOOL", "signtool")
        common = ["sign", "/fd", "SHA256", "/tr", TIMESTAMP_URL, "/td", "SHA256"]
        if env.get("PARTNER_LOG_SIGN_PFX"):
            who = ["/f", env["PARTNER_LOG_SIGN_PFX"]]
            if env.get("PARTNER_LOG_SIGN_PASSWORD"):
                who += ["/p", env["PARTNER_LOG_SIGN_PASSWORD"]]
        elif env.get("PARTNER_LOG_SIGN_THUMBPRINT"):
            who = ["/sha1", env["PARTNER_LOG_SIGN_THUMBPRINT"]]
        else:
            return []
        return [[signtool, *common, *who, *files]]
    if platform_name == "darwin":
        identity = env.get("PARTNER_LOG_CODESIGN_IDENTITY")
        if not identity:
            return []
        if stage == "bundle":
            return [
                ["codesign", "--force", "--deep", "--options", "runtime", "--timestamp",
                 "--sign", identity, *files],
                ["codesign", "--verify", "--deep", "--strict", *files],
            ]  # fmt: skip
        commands = [["codesign", "--force", "--timestamp", "--sign", identity, *files]]
        profile = env.get("PARTNER_LOG_NOTARY_PROFILE")
        if profile:
            for image in files:
                commands += [
                    ["xcrun", "notarytool", "submit", image, "--keychain-profile", profile,
                     "--wait"],
                    ["xcrun", "stapler", "staple", image],
                ]  # fmt: skip
        return commands
    return []


def sign(stage: str, paths: Sequence[Path]) -> bool:
    """Run ``signing_commands``; True when something was signed."""
    commands = signing_commands(stage, paths, dict(os.environ))
    for command in commands:
        shown = [
            "***" if i > 0 and command[i - 1] == "/p" else part for i, part in enumerate(command)
        ]
        print("Running: " + subprocess.list2cmdline(shown), flush=True)
        subprocess.run(command, check=True)
    return bool(commands)


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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, help="PyInstaller's work folder")
    parser.add_argument(
        "--no-self-test", action="store_true", help="do not run the bundle's self-test"
    )
    parser.add_argument(
        "--render-icons", action="store_true", help="redraw the icon files from the SVG"
    )
    parser.add_argument("--arch", choices=MAC_ARCHES, help="macOS: the architecture to build for")
    args = parser.parse_args(argv)
    if args.arch:
        os.environ[ARCH_VARIABLE] = target_arch(args.arch)
    if args.render_icons:
        for path in render_icons():
            print(f"Wrote {path}")
        return 0
    build(args.out, args.work, check=not args.no_self_test)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
