"""A plain warning when the records folder is on a network drive or in a cloud-sync folder.

SQLite's locking is not reliable over network file systems, and sync programs copy the
records file while it is half-written or bring back old copies. Either can damage it.

What is detected:

- **Linux:** the file system type of the mount holding the folder, read from
  ``/proc/mounts`` (nfs, cifs, smb, sshfs, 9p, davfs and similar).
- **Windows:** a network path written as ``\\\\server\\share`` (or ``\\\\?\\UNC\\...``),
  and a drive letter mapped to a network share: ``GetDriveTypeW`` says
  ``DRIVE_REMOTE``. The folder is made absolute without ``resolve()``, which would turn
  a mapped drive into its ``\\\\server\\share`` name (that is caught too).
- **macOS:** the file system type from ``statfs`` (``f_fstypename``): smbfs, afpfs,
  nfs, webdav and similar. USB disks under ``/Volumes`` are not flagged.
- **Everywhere:** a folder inside a cloud-sync folder, recognised by a folder name in
  its path: OneDrive (also "OneDrive - Company"), Dropbox, Box, iCloud Drive
  (``Mobile Documents``), Google Drive (``GoogleDrive``, ``My Drive``) and macOS's
  ``~/Library/CloudStorage``, where every sync program keeps its folder now.

``is_network_folder`` and ``storage_warning`` are pure: the mount table, the Windows
drive type and the macOS file system type are parameters, so they are tested with
made-up values on any platform. Only ``data_folder_warning`` asks this computer.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path, PurePath, PureWindowsPath

from desktop_app.i18n import _

NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "sshfs",
        "fuse.sshfs",
        "9p",
        "davfs",
        "fuse.davfs",
        "fuse.rclone",
        "afs",
        "ncpfs",
        "glusterfs",
        "fuse.glusterfs",
        "ceph",
        "fuse.ceph",
        # macOS (statfs f_fstypename)
        "afpfs",
        "webdav",
        "ftp",
    }
)
#: ``GetDriveTypeW`` answers (Windows).
DRIVE_REMOTE = 4

#: Folder names (compared without case) that belong to cloud-sync programs.
CLOUD_FOLDERS = (
    "onedrive",
    "dropbox",
    "box",
    "box sync",
    "icloud drive",
    "iclouddrive",
    "icloud",
    "mobile documents",
    "google drive",
    "googledrive",
    "my drive",
    "cloudstorage",
)


def _unescape_mount(field: str) -> str:
    """/proc/mounts writes spaces and tabs in paths as octal escapes (``\\040``)."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def mount_type(path: PurePath, mounts_text: str) -> str | None:
    """The file system type of the mount that holds ``path``, from /proc/mounts text."""
    best: tuple[int, str] | None = None
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = PurePath(_unescape_mount(fields[1]))
        if path == point or point in path.parents:
            depth = len(point.parts)
            if best is None or depth >= best[0]:
                best = (depth, fields[2])
    return best[1] if best else None


def windows_network_path(path: PurePath | str) -> bool:
    """True for ``\\\\server\\share\\...`` and ``\\\\?\\UNC\\server\\share\\...``."""
    drive = PureWindowsPath(str(path)).drive
    if drive.upper().startswith(("\\\\?\\UNC\\", "//?/UNC/")):
        return True
    if drive.startswith(("\\\\?\\", "\\\\.\\", "//?/", "//./")):
        return False  # a long-path or device name for a local drive
    return drive.startswith(("\\\\", "//"))


def is_network_folder(
    path: PurePath,
    platform: str,
    mounts_text: str | None = None,
    *,
    drive_type: int | None = None,
    fs_type: str | None = None,
) -> bool:
    """Whether ``path`` is on a network drive, from what the platform said about it.

    ``mounts_text`` is Linux's /proc/mounts, ``drive_type`` Windows' ``GetDriveTypeW``
    answer for the folder's drive, ``fs_type`` macOS's ``f_fstypename``.
    """
    if platform == "win32":
        return windows_network_path(path) or drive_type == DRIVE_REMOTE
    if platform == "darwin":
        return fs_type is not None and fs_type.lower() in NETWORK_FILESYSTEMS
    if platform.startswith("linux") and mounts_text is not None:
        kind = mount_type(path, mounts_text)
        return kind is not None and kind.lower() in NETWORK_FILESYSTEMS
    return False


def cloud_folder(path: PurePath) -> str | None:
    """The cloud-sync folder name in ``path``, if there is one."""
    for part in path.parts:
        name = part.lower()
        for cloud in CLOUD_FOLDERS:
            if name == cloud or name.startswith((cloud + " ", cloud + "-")):
                return part
    return None


def storage_warning(
    folder: PurePath,
    platform: str = sys.platform,
    mounts_text: str | None = None,
    *,
    drive_type: int | None = None,
    fs_type: str | None = None,
) -> str | None:
    """A plain warning if ``folder`` is not a safe place for the records, else None."""
    if is_network_folder(folder, platform, mounts_text, drive_type=drive_type, fs_type=fs_type):
        where = _("Your records are in a folder on a network drive.")
    elif cloud_folder(folder) is not None:
        where = _("Your records are in a folder that a program like OneDrive copies.")
    else:
        return None
    return " ".join(
        (
            where,
            _("Two computers using the same records file can damage it."),
            _("Please keep your records in a folder on this computer."),
            _("To share them, use \u201cSend my records\u201d and send the file."),
        )
    )


def data_folder_warning(data_dir: Path) -> str | None:
    """``storage_warning`` for this computer: asks the platform about ``data_dir``.

    None when the records are on an organisation's database: then no file of records
    sits in the folder for a network drive or a cloud-sync program to harm.
    """
    from desktop_app.storage.server_choice import uses_server

    if uses_server(data_dir):
        return None
    folder = Path(os.path.abspath(data_dir))  # not resolve(): keep a mapped drive letter
    mounts = drive_type = fs_type = None
    if sys.platform.startswith("linux"):
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            mounts = None
        folder = folder.resolve()  # a symbolic link into a network mount counts
    elif sys.platform == "win32":  # pragma: no cover - on Windows only
        drive_type = _windows_drive_type(folder)
    elif sys.platform == "darwin":  # pragma: no cover - on macOS only
        fs_type = _macos_fs_type(folder)
    warning = storage_warning(folder, sys.platform, mounts, drive_type=drive_type, fs_type=fs_type)
    if warning is None and sys.platform == "win32":  # pragma: no cover - on Windows only
        with contextlib.suppress(OSError):  # a mapped drive resolves to its server name
            warning = storage_warning(folder.resolve(), sys.platform)
    return warning


def _windows_drive_type(folder: Path) -> int | None:  # pragma: no cover - on Windows only
    """``GetDriveTypeW`` for the drive holding ``folder`` (4 is a network drive)."""
    if sys.platform != "win32":
        return None
    import ctypes

    anchor = folder.anchor
    if not anchor:
        return None
    try:
        return int(ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(anchor)))
    except (AttributeError, OSError):
        return None


#: Where ``f_fstypename`` sits in macOS's 64-bit ``struct statfs``: after f_bsize,
#: f_iosize (4 bytes each), five 8-byte counts, f_fsid (8), then f_owner, f_type,
#: f_flags and f_fssubtype (4 bytes each).
_FSTYPENAME_OFFSET = 72
_FSTYPENAME_SIZE = 16


def _macos_fs_type(folder: Path) -> str | None:  # pragma: no cover - on macOS only
    """The file system type macOS's ``statfs`` gives for ``folder`` (``smbfs``...)."""
    import ctypes
    import ctypes.util
    import platform

    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        name = "statfs" if platform.machine() == "arm64" else "statfs$INODE64"
        statfs = getattr(libc, name)
    except (OSError, AttributeError):
        return None
    buffer = ctypes.create_string_buffer(4096)  # far larger than the structure
    if statfs(os.fsencode(existing), buffer) != 0:
        return None
    raw = buffer.raw[_FSTYPENAME_OFFSET : _FSTYPENAME_OFFSET + _FSTYPENAME_SIZE]
    return raw.split(b"\0", 1)[0].decode("ascii", "replace") or None
