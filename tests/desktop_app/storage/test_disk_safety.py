"""A plain warning when the records folder is on a network drive or a cloud-sync folder."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from desktop_app.storage.disk_safety import (
    cloud_folder,
    data_folder_warning,
    is_network_folder,
    mount_type,
    storage_warning,
)

MOUNTS = """\
sysfs /sys sysfs rw,nosuid 0 0
/dev/sda2 / ext4 rw,relatime 0 0
/dev/sda3 /home ext4 rw,relatime 0 0
server:/export/home /home/ana/shared nfs4 rw,relatime 0 0
//nas/partners /mnt/team\\040drive cifs rw,relatime 0 0
ana@host:/data /home/ana/remote fuse.sshfs rw 0 0
"""


@pytest.mark.parametrize(
    ("folder", "kind"),
    [
        ("/home/ana/PartnerLog", "ext4"),
        ("/home/ana/shared/PartnerLog", "nfs4"),
        ("/mnt/team drive/records", "cifs"),
        ("/home/ana/remote/x", "fuse.sshfs"),
        ("/srv/records", "ext4"),
    ],
)
def test_the_deepest_mount_decides(folder: str, kind: str) -> None:
    assert mount_type(PurePosixPath(folder), MOUNTS) == kind


@pytest.mark.parametrize(
    "folder",
    ["/home/ana/shared/PartnerLog", "/mnt/team drive/records", "/home/ana/remote/PartnerLog"],
)
def test_network_folders_get_a_plain_warning(folder: str) -> None:
    warning = storage_warning(PurePosixPath(folder), "linux", MOUNTS)
    assert warning is not None
    assert "network drive" in warning
    assert "Send my records" in warning
    assert all(len(sentence.split()) <= 20 for sentence in warning.split(". "))


def test_a_local_folder_gets_no_warning() -> None:
    assert (
        storage_warning(PurePosixPath("/home/ana/.local/share/PartnerLog"), "linux", MOUNTS) is None
    )


@pytest.mark.parametrize(
    "folder",
    [
        "/home/ana/Dropbox/PartnerLog",
        "/home/ana/Dropbox (Personal)/PartnerLog",
        "/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/PartnerLog",
        "/Users/ana/Library/CloudStorage/GoogleDrive-ana@example.org/My Drive/PartnerLog",
        "/Users/ana/Google Drive/PartnerLog",
    ],
)
def test_cloud_sync_folders_are_recognised(folder: str) -> None:
    assert cloud_folder(PurePosixPath(folder)) is not None
    warning = storage_warning(PurePosixPath(folder), "darwin", None)
    assert warning is not None and "a program like OneDrive copies" in warning


def test_windows_onedrive_and_network_paths() -> None:
    onedrive = PureWindowsPath(r"C:\Users\Ana\OneDrive - Health Trust\PartnerLog")
    assert "a program like OneDrive copies" in (storage_warning(onedrive, "win32") or "")
    share = PureWindowsPath(r"\\nas\partners\PartnerLog")
    assert "network drive" in (storage_warning(share, "win32") or "")
    assert storage_warning(PureWindowsPath(r"C:\Users\Ana\AppData\PartnerLog"), "win32") is None


def test_names_that_only_look_similar_are_not_flagged() -> None:
    assert cloud_folder(PurePosixPath("/home/ana/dropboxes-of-letters/records")) is None
    assert cloud_folder(PurePosixPath("/home/ana/my drivers/records")) is None


def test_this_computer_check_runs(tmp_path: Path) -> None:
    # The temporary folder is local on the machines that run the tests.
    assert data_folder_warning(tmp_path) is None


@pytest.mark.parametrize(
    ("folder", "drive_type", "network"),
    [
        (r"\\nas\partners\PartnerLog", None, True),  # UNC
        (r"\\nas.example.org\home$\ana\PartnerLog", 3, True),
        (r"\\?\UNC\nas\partners\PartnerLog", None, True),  # long-path form of UNC
        (r"Z:\PartnerLog", 4, True),  # a drive letter mapped to a share: DRIVE_REMOTE
        (r"Z:\PartnerLog", 3, False),  # DRIVE_FIXED
        (r"E:\PartnerLog", 2, False),  # DRIVE_REMOVABLE: a USB stick is not a network
        (r"C:\Users\Ana\AppData\Local\PartnerLog", None, False),
        (r"\\?\C:\Users\Ana\PartnerLog", 3, False),  # long-path form of a local drive
        (r"\\.\C:\PartnerLog", 3, False),
    ],
)
def test_windows_network_drives_are_found(
    folder: str, drive_type: int | None, network: bool
) -> None:
    path = PureWindowsPath(folder)
    assert is_network_folder(path, "win32", drive_type=drive_type) is network
    warning = storage_warning(path, "win32", drive_type=drive_type)
    assert (warning is not None and "network drive" in warning) is network


@pytest.mark.parametrize(
    ("fs_type", "network"),
    [("smbfs", True), ("afpfs", True), ("nfs", True), ("webdav", True), ("apfs", False),
     ("hfs", False), ("msdos", False), ("exfat", False), (None, False)],
)  # fmt: skip
def test_macos_network_file_systems_are_found(fs_type: str | None, network: bool) -> None:
    path = PurePosixPath("/Volumes/Team/PartnerLog")
    assert is_network_folder(path, "darwin", fs_type=fs_type) is network


@pytest.mark.parametrize(
    "folder",
    [
        r"C:\Users\Ana\OneDrive - Health Trust\PartnerLog",
        r"C:\Users\Ana\OneDrive\Documents\PartnerLog",
        r"C:\Users\Ana\Box\PartnerLog",
        r"C:\Users\Ana\Dropbox\PartnerLog",
        r"G:\My Drive\PartnerLog",
        r"C:\Users\Ana\iCloudDrive\PartnerLog",
    ],
)
def test_windows_cloud_folders_are_found(folder: str) -> None:
    warning = storage_warning(PureWindowsPath(folder), "win32", drive_type=3)
    assert warning is not None and "a program like OneDrive copies" in warning


@pytest.mark.parametrize(
    "folder",
    [
        "/Users/ana/Library/CloudStorage/OneDrive-HealthTrust/PartnerLog",
        "/Users/ana/Library/CloudStorage/Box-Box/PartnerLog",
        "/Users/ana/Library/CloudStorage/Dropbox/PartnerLog",
        "/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/PartnerLog",
    ],
)
def test_macos_cloud_storage_folders_are_found(folder: str) -> None:
    warning = storage_warning(PurePosixPath(folder), "darwin", fs_type="apfs")
    assert warning is not None and "a program like OneDrive copies" in warning


def test_no_folder_warning_when_the_records_are_on_a_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.settings import Preferences, Settings
    from desktop_app.storage.disk_safety import data_folder_warning

    folder = tmp_path / "Dropbox" / "PartnerLog"
    folder.mkdir(parents=True)
    assert data_folder_warning(folder) is not None
    Settings.load(folder).set(Preferences.organisation_database, "postgresql://k@db/p")
    assert data_folder_warning(folder) is None
