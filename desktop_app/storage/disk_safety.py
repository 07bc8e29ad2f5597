"""A plain warning when the records folder is on a network drive or in a cloud-sync folder.

SQLite's locking is not reliable over network file systems, and sync programs copy the
records file while it is half-written or bring back old copies. Either can damage it.

What is detected:

- **Linux:** the file system type of the mount holding the folder, read from
  ``/proc/mounts`` (nfs, cifs, smb, sshfs, 9p, davfs and similar).
- **Windows:** a network path written as ``\\\\server\\share``. Drive letters mapped to a
  network share are not detected.
- **macOS:** no network check; folders under ``/Volumes`` may just as well be USB disks.
- **Everywhere:** a folder inside a cloud-sync folder, recognised by a folder name in
  its path: OneDrive, Dropbox, iCloud Drive (``Mobile Documents``), Google Drive
  (``GoogleDrive``, ``My Drive``) and macOS's ``CloudStorage``.

The functions are pure (the mount table and platform are parameters), so they are
tested with made-up mount tables.
"""

from __future__ import annotations

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
    }
)

#: Folder names (compared without case) that belong to cloud-sync programs.
CLOUD_FOLDERS = (
    "onedrive",
    "dropbox",
    "icloud drive",
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


def is_network_folder(path: PurePath, platform: str, mounts_text: str | None) -> bool:
    if platform == "win32":
        return PureWindowsPath(str(path)).drive.startswith("\\\\")
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
    folder: PurePath, platform: str = sys.platform, mounts_text: str | None = None
) -> str | None:
    """A plain warning if ``folder`` is not a safe place for the records, else None."""
    if is_network_folder(folder, platform, mounts_text):
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
    """``storage_warning`` for this computer: reads /proc/mounts on Linux."""
    mounts = None
    if sys.platform.startswith("linux"):
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            mounts = None
    return storage_warning(data_dir.resolve(), sys.platform, mounts)
