"""The PyInstaller plan that ``packaging/partner-log.spec`` reads: what the programs are
called and where they land in the bundle, the architecture they are built for, the Python
modules left out, the data files and the imports PyInstaller cannot see.

What is trimmed after PyInstaller has collected it is in ``trimming`` and ``orphans``.
"""

from __future__ import annotations

import ast
import os
import platform
import sys
from collections.abc import Iterable
from pathlib import Path

from tools.installer.paths import RESOURCES, ROOT

EXE_NAME = "partner-log"
#: Windows only: the console program, for the command line.
CLI_EXE_NAME = "partner-log-cli"
#: macOS: the architecture to build for, set by ``--arch`` (read by the spec file).
ARCH_VARIABLE = "PARTNER_LOG_ARCH"
MAC_ARCHES = ("arm64", "x86_64")
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
