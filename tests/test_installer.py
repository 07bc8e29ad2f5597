"""The standalone Partner Log: build it, unpack the tarball, and prove it runs without Python.

Builds with ``build_installer.py`` into a temporary folder (about a minute on 2 cores).
Linux only: the tarball, the desktop entry and the X11 check are Linux things.
"""

from __future__ import annotations

import fnmatch
import os
import platform
import shutil
import signal
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_app import __version__, self_test
from tools.installer.build import folder_size

pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install '.[test]')")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux tarball"),
]

ROOT = Path(__file__).resolve().parent.parent
LIMIT_MB = 150
WINDOW_SECONDS = 5


@dataclass
class Built:
    tarball: Path
    unpacked: Path  # the folder the tarball holds
    bundle: Path  # unpacked/partner-log
    build_seconds: float
    output: str

    @property
    def exe(self) -> Path:
        return self.bundle / "partner-log"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("installer")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(ROOT / "build_installer.py"), "--out", str(out / "dist")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    seconds = time.monotonic() - started
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    name = f"partner-log-{__version__}-linux-{platform.machine()}"
    tarball = out / "dist" / f"{name}.tar.gz"
    assert tarball.is_file(), result.stdout
    with tarfile.open(tarball) as archive:
        assert all(m.name.split("/")[0] == name for m in archive.getmembers())
        if hasattr(tarfile, "data_filter"):
            archive.extractall(out / "unpacked", filter="data")
        else:  # Python before 3.11.4; the archive was made by the build just above
            archive.extractall(out / "unpacked")  # noqa: S202
    unpacked = out / "unpacked" / name
    print(f"\nbuild_installer.py took {seconds:.0f} s\n{result.stdout[-600:]}")
    return Built(tarball, unpacked, unpacked / "partner-log", seconds, result.stdout)


@pytest.fixture
def no_python(tmp_path: Path) -> dict[str, str]:
    """A minimal environment: a fresh HOME and TMPDIR, LANG, and a PATH holding every
    program of /usr/bin and /bin except Python."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for folder in (Path("/usr/bin"), Path("/bin")):
        for program in folder.iterdir():
            target = bin_dir / program.name
            if program.name.startswith(("python", "pypy")) or target.exists():
                continue
            target.symlink_to(program)
    for name in ("home", "tmp"):
        (tmp_path / name).mkdir()
    path = str(bin_dir)
    for python in ("python", "python3", f"python3.{sys.version_info.minor}"):
        assert shutil.which(python, path=path) is None
    return {
        "PATH": path,
        "HOME": str(tmp_path / "home"),
        "TMPDIR": str(tmp_path / "tmp"),
        "LANG": "C.UTF-8",
    }


def test_the_tarball_holds_the_bundle_the_menu_entry_the_icon_and_the_script(
    built: Built,
) -> None:
    names = sorted(p.name for p in built.unpacked.iterdir())
    assert names == ["install.sh", "partner-log", "partner-log.desktop", "partner-log.png"]
    assert os.access(built.unpacked / "install.sh", os.X_OK)
    assert os.access(built.exe, os.X_OK)
    entry = (built.unpacked / "partner-log.desktop").read_text(encoding="utf-8")
    assert entry.startswith("[Desktop Entry]\n")
    for line in ("Type=Application", "Name=Partner Log", "Icon=partner-log", 'Exec="@EXEC@"'):
        assert line in entry.splitlines()
    assert (built.unpacked / "partner-log.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    internal = built.bundle / "_internal"
    assert (internal / "desktop_app" / "migrations" / "script.py.mako").is_file()
    assert (internal / "desktop_app" / "migrations" / "env.py").is_file()
    versions = {p.name for p in (ROOT / "desktop_app" / "migrations" / "versions").glob("*.py")}
    assert {p.name for p in (internal / "desktop_app/migrations/versions").glob("*.py")} == (
        versions
    )
    assert (internal / "resources" / "fonts" / "wqy-microhei.ttc").is_file()
    assert (internal / "resources" / "icons" / "meeting.svg").is_file()


def test_the_bundle_passes_its_self_test_with_no_python_on_path(
    built: Built, no_python: dict[str, str]
) -> None:
    result = subprocess.run(
        [str(built.exe), "--self-test"],
        env=no_python,
        cwd=no_python["HOME"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Partner Log {__version__} self-test"
    total = len(self_test.STEPS)
    assert [line.split(" ")[1] for line in lines[1:-1]] == [
        f"{n}/{total}" for n in range(1, total + 1)
    ]
    assert lines[-1] == "Self-test passed: every step worked."
    assert result.stderr == ""
    # Nothing left behind: not in the fresh home, not in the temporary folder.
    assert list(Path(no_python["HOME"]).iterdir()) == []
    assert list(Path(no_python["TMPDIR"]).iterdir()) == []


def test_the_bundle_opens_a_window_offscreen_in_its_self_test(
    built: Built, no_python: dict[str, str]
) -> None:
    """``--self-test --gui``: the platform plugin and fonts the bundle carries work."""
    result = subprocess.run(
        [str(built.exe), "--self-test", "--gui"],
        env=no_python,
        cwd=no_python["HOME"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    total = len(self_test.STEPS) + 1
    assert f"ok {total}/{total} open a window offscreen (offscreen platform, Atkinson" in (
        result.stdout
    )
    assert list(Path(no_python["TMPDIR"]).iterdir()) == []


#: Another app's menu entry that opens files, in the same applications folder.
NEIGHBOUR = "other-viewer.desktop"
NEIGHBOUR_ENTRY = """[Desktop Entry]
Type=Application
Name=Other Viewer
Exec=other-viewer %f
MimeType=application/pdf;text/plain;
"""

#: Stands in for desktop-file-utils' update-desktop-database where that is not installed.
#: Like the real one, it rewrites FOLDER/mimeinfo.cache from the MimeType lines of the
#: entries in FOLDER (only the heading when none declares one); the output is the same.
STAND_IN = """#!/bin/sh
set -eu
cd "$1"
{
    echo "[MIME Cache]"
    for entry in *.desktop; do
        [ -f "$entry" ] || continue
        awk -F';' -v id="$entry" 'sub(/^MimeType=/, "") {
            for (i = 1; i <= NF; i++) if ($i != "") print $i "=" id }' "$entry"
    done | sort | awk -F= '
        $1 != type { if (type != "") print line; type = $1; line = $1 "=" }
        { line = line $2 ";" }
        END { if (type != "") print line }'
} > mimeinfo.cache.new
mv mimeinfo.cache.new mimeinfo.cache
"""


def mime_cache(applications: Path) -> dict[str, set[str]] | None:
    """What ``mimeinfo.cache`` in ``applications`` lists: the entries for each MIME type."""
    cache = applications / "mimeinfo.cache"
    if not cache.exists():
        return None
    heading, *lines = cache.read_text(encoding="utf-8").splitlines()
    assert heading == "[MIME Cache]"
    listed: dict[str, set[str]] = {}
    for line in filter(None, lines):
        mime_type, entries = line.split("=", 1)
        listed[mime_type] = set(filter(None, entries.split(";")))
    return listed


def declared_mime_types(entry: Path) -> set[str]:
    types: set[str] = set()
    for line in entry.read_text(encoding="utf-8").splitlines():
        if line.startswith("MimeType="):
            types |= set(filter(None, line.removeprefix("MimeType=").split(";")))
    return types


def run_install(built: Built, env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [str(built.unpacked / "install.sh"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def with_desktop_database(env: dict[str, str], tools: Path, present: bool) -> dict[str, str]:
    """``env`` with update-desktop-database on PATH or surely not: the real one when this
    machine has it, else the stand-in."""
    (Path(env["PATH"]) / "update-desktop-database").unlink(missing_ok=True)
    if not present:
        return env
    tools.mkdir()
    tool = tools / "update-desktop-database"
    real = shutil.which("update-desktop-database")
    if real is not None:
        tool.symlink_to(real)
    else:
        tool.write_text(STAND_IN, encoding="utf-8")
        tool.chmod(0o755)
    return {**env, "PATH": f"{tools}{os.pathsep}{env['PATH']}"}


@pytest.mark.parametrize("neighbour", [False, True], ids=["alone", "beside-another-app"])
@pytest.mark.parametrize(
    "desktop_database", [False, True], ids=["no-desktop-database", "desktop-database"]
)
def test_install_script_adds_the_menu_entry_and_uninstall_removes_it(
    built: Built,
    no_python: dict[str, str],
    tmp_path: Path,
    desktop_database: bool,
    neighbour: bool,
) -> None:
    """With or without update-desktop-database (desktop-file-utils), alone or beside
    another app's entry: uninstalling leaves the applications folder as it would be
    without Partner Log. Its mimeinfo.cache belongs to every app there, so it is
    rebuilt, never deleted."""
    env = with_desktop_database(no_python, tmp_path / "tools", desktop_database)
    home = Path(env["HOME"])
    applications = home / ".local/share/applications"
    others: dict[str, set[str]] = {}
    if neighbour:
        applications.mkdir(parents=True)
        (applications / NEIGHBOUR).write_text(NEIGHBOUR_ENTRY, encoding="utf-8")
        others = {"application/pdf": {NEIGHBOUR}, "text/plain": {NEIGHBOUR}}
        if desktop_database:  # the cache as a desktop with the other app has it
            subprocess.run(["update-desktop-database", applications], env=env, check=True)
            assert mime_cache(applications) == others

    assert "Partner Log is installed." in run_install(built, env)
    app = home / ".local" / "lib" / "partner-log" / "partner-log"
    entry = applications / "partner-log.desktop"
    icon = home / ".local/share/icons/hicolor/256x256/apps/partner-log.png"
    assert os.access(app, os.X_OK)
    assert f'Exec="{app}"' in entry.read_text(encoding="utf-8").splitlines()
    assert icon.read_bytes() == (built.unpacked / "partner-log.png").read_bytes()
    assert (home / ".local/bin/partner-log").resolve() == app.resolve()
    if desktop_database:
        with_us = {mime_type: set(entries) for mime_type, entries in others.items()}
        for mime_type in declared_mime_types(entry):
            with_us.setdefault(mime_type, set()).add(entry.name)
        assert mime_cache(applications) == with_us
    else:
        assert mime_cache(applications) is None

    assert "Partner Log is removed." in run_install(built, env, "--uninstall")
    left = sorted(p.relative_to(home).as_posix() for p in home.rglob("*") if p.is_file())
    expected = [f".local/share/applications/{NEIGHBOUR}"] if neighbour else []
    if desktop_database:
        expected = sorted([*expected, ".local/share/applications/mimeinfo.cache"])
        assert mime_cache(applications) == others  # the other app still opens its files
    assert left == expected


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
def test_the_window_starts_under_xvfb_with_no_python_on_path(
    built: Built, no_python: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "fresh records"
    log_file = tmp_path / "window.out"
    env = {**no_python, "QT_QPA_PLATFORM": "xcb"}
    with log_file.open("wb") as output:
        window = subprocess.Popen(
            ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", str(built.exe)]
            + ["--data-dir", str(data)],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: xvfb-run, Xvfb and the app
        )
        try:
            time.sleep(WINDOW_SECONDS)
            still_running = window.poll() is None
            made = sorted(p.name for p in data.iterdir()) if data.exists() else []
            log_text = (data / "logs" / "partner-log.log").read_text(encoding="utf-8")
        finally:
            if window.poll() is None:
                os.killpg(window.pid, signal.SIGTERM)
            try:
                window.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(window.pid, signal.SIGKILL)
                window.wait(timeout=20)
    said = log_file.read_text(encoding="utf-8", errors="replace")
    assert still_running, said
    assert "partner-log.lock" in made and "partner-log.sqlite3" in made, made
    assert "schema is at the newest revision" in log_text
    assert "qt.qpa.plugin" not in said and "Could not load" not in said, said


def test_unused_qt_parts_are_trimmed_and_what_is_left_can_load(built: Built) -> None:
    internal = built.bundle / "_internal"
    files = [p.relative_to(internal).as_posix() for p in internal.rglob("*") if not p.is_dir()]
    for unwanted in (
        "*Qt6Quick*",
        "*Qt6Qml*",
        "*Qt6Pdf*",
        "*Qt6VirtualKeyboard*",
        "*Qt6OpenGL*",
        "*Qt6Network*",
        "*plugins/sqldrivers/*",
        "*plugins/qmltooling/*",
        "*plugins/designer/*",
        "*plugins/tls/*",
        "*plugins/printsupport/*",
        "*/libqpdf.so",
        "*/libqtvirtualkeyboardplugin.so",
        "libgtk-3*",
        "PIL/_avif*",
        "pyphen/*",
    ):
        assert fnmatch.filter(files, unwanted) == [], unwanted
    platforms = {Path(f).name for f in files if "/plugins/platforms/" in f}
    assert platforms == {"libqxcb.so", "libqoffscreen.so", "libqwayland.so"}
    # Every ELF file finds every library it needs, in the bundle or on the system
    # (Wayland's own libraries come with a Wayland desktop, and this machine has none).
    missing = []
    for path in internal.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        listing = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, check=False
        ).stdout
        missing += [
            f"{path.name}: {line.strip()}"
            for line in listing.splitlines()
            if "not found" in line and "libwayland-" not in line
        ]
    assert missing == []


def test_the_bundle_is_small_enough(built: Built) -> None:
    unpacked, _files = folder_size(built.bundle)
    packed = built.tarball.stat().st_size
    print(
        f"\nunpacked bundle: {unpacked / 1e6:.1f} MB ({unpacked / 2**20:.1f} MiB); "
        f"tarball: {packed / 1e6:.1f} MB; build {built.build_seconds:.0f} s"
    )
    assert unpacked <= LIMIT_MB * 1_000_000
    assert f"({unpacked / 1e6:.1f} MB unpacked" in built.output  # the build says it too
    assert packed < unpacked
