"""Disk faults in plain words: the translator, Windows' name rules, the log, and a real
small disk that fills up or turns read-only under every command that writes."""

from __future__ import annotations

import errno
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from desktop_app.errors import DiskFault, Fault, UserFacingError
from desktop_app.logs import configure
from desktop_app.model import Activity
from desktop_app.services import activities, profile
from desktop_app.storage import faults
from desktop_app.storage.atomic import atomic_write_bytes
from desktop_app.storage.db import Database
from desktop_app.storage.faults import check_path, explain
from tests.helpers.cli import run
from tests.helpers.days import TEST_DAY
from tests.helpers.disk_faults import (
    FULL,
    NOTHING,
    WRITERS,
    Writer,
    empty,
    files_in,
    fill,
    mount_tmpfs,
    os_error,
    records,
    remount,
    snapshot_of,
    sqlite_refuses_writes,
    template,
    unmount,
)

# -- the translator ---------------------------------------------------------------------


def _sqlite(message: str, name: str | None = None) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorname = name  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), Fault.FULL),
        (OSError(errno.EROFS, "Read-only file system"), Fault.READ_ONLY),
        (OSError(errno.EACCES, "Permission denied"), Fault.READ_ONLY),
        (OSError(errno.EPERM, "Operation not permitted"), Fault.READ_ONLY),
        (os_error("winerror 32"), Fault.IN_USE),
        (OSError(errno.ENAMETOOLONG, "File name too long"), Fault.TOO_LONG),
        (_sqlite("database or disk is full", "SQLITE_FULL"), Fault.FULL),
        (_sqlite("database or disk is full"), Fault.FULL),
        (_sqlite("database is locked", "SQLITE_BUSY"), Fault.IN_USE),
        (_sqlite("attempt to write a readonly database", "SQLITE_READONLY"), Fault.READ_ONLY),
        (
            OperationalError("INSERT ...", {}, _sqlite("database or disk is full")),
            Fault.FULL,
        ),
    ],
    ids=lambda value: getattr(value, "name", None) or repr(value)[:40],
)
def test_each_fault_gets_its_own_plain_sentence(
    error: BaseException, kind: Fault, tmp_path: Path
) -> None:
    target = tmp_path / "certificate.pdf"
    known = explain(error, target)
    assert isinstance(known, DiskFault) and known.kind == kind
    assert known.message.endswith(NOTHING)
    assert known.next_step
    if kind in (Fault.FULL, Fault.READ_ONLY):
        assert str(tmp_path) in known.message  # it says where
    if kind == Fault.FULL:
        assert known.message.startswith(FULL)


def test_a_missing_folder_says_so_and_mentions_the_usb_stick(tmp_path: Path) -> None:
    gone = tmp_path / "USB STICK" / "records.partnerlog"
    known = explain(FileNotFoundError(errno.ENOENT, "No such file"), gone)
    assert isinstance(known, DiskFault) and known.kind == Fault.MISSING_FOLDER
    assert f"The folder {gone.parent} is not there." in known.message
    assert "USB stick" in known.message
    # A file missing from a folder that is there is something else: not explained.
    assert explain(FileNotFoundError(errno.ENOENT, "No such file"), tmp_path / "x") is None


def test_a_disk_io_error_is_a_full_disk_only_when_the_disk_is_nearly_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    error = _sqlite("disk I/O error", "SQLITE_IOERR_SHMSIZE")
    assert explain(error, tmp_path / "partner-log.sqlite3") is None or faults.is_low_on_space(
        tmp_path
    )
    monkeypatch.setattr(faults, "is_low_on_space", lambda _place: True)
    known = explain(error, tmp_path / "partner-log.sqlite3")
    assert isinstance(known, DiskFault) and known.kind == Fault.FULL


def test_bugs_are_not_explained_away() -> None:
    assert explain(ValueError("a bug")) is None
    assert explain(OSError(errno.EINVAL, "Invalid argument")) is None
    assert explain(_sqlite("no such table: activity", "SQLITE_ERROR")) is None
    already = UserFacingError("Plain words.")
    assert explain(already) is already
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError:
            raise ValueError("a bug while handling it") from None
    except ValueError as bug:
        assert explain(bug) is None  # only causes given with "raise ... from" count


@pytest.mark.parametrize(
    "name",
    ["CON", "con.pdf", "NUL.txt", "COM1.partnerlog", "LPT9", "a?b.pdf", 'my "file".pdf',
     "a<b>.csv", "a|b.csv", "a*b.csv", "report.", "report "],
)  # fmt: skip
def test_names_windows_forbids_are_refused_there_before_writing(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(faults, "current_platform", lambda: "win32")
    with pytest.raises(DiskFault) as refused:
        atomic_write_bytes(tmp_path / name, b"%PDF")
    assert refused.value.kind == Fault.BAD_NAME
    assert "Windows does not allow the name" in refused.value.message
    assert NOTHING in refused.value.message
    assert list(tmp_path.iterdir()) == []


def test_a_path_too_long_for_windows_is_refused_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(faults, "current_platform", lambda: "win32")
    with pytest.raises(DiskFault, match="is too long"):
        check_path(tmp_path / ("x" * 260 + ".pdf"))
    check_path(tmp_path / "certificate.pdf")  # an ordinary name is fine
    monkeypatch.setattr(faults, "current_platform", lambda: "linux")
    check_path(tmp_path / "CON")  # other platforms keep their own rules


# -- the records: a refused change is rolled back ------------------------------------------


def test_a_refused_save_names_the_records_folder_and_keeps_nothing_of_it(
    database: Database, data_dir: Path
) -> None:
    with database.session() as session:
        profile.setup(session, "partner", "Ana", project_name="Pain care")
    for message in ("database or disk is full", "database is locked"):
        with sqlite_refuses_writes(message), pytest.raises(DiskFault) as refused:
            with database.session() as session:
                activities.record_activity(session, date=TEST_DAY, minutes=45, kind="writing")
        assert str(data_dir) in refused.value.message
    with database.session() as session:
        assert session.query(Activity).count() == 0


# -- the log never turns one fault into another -----------------------------------------


def test_a_log_that_cannot_be_written_says_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "records"
    data.mkdir()
    configure(data)
    handler = logging.getLogger("partner_log").handlers[-1]

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(handler, "_open", disk_full)
    logging.getLogger("partner_log.test").error("a line the disk has no room for")
    assert capfd.readouterr().err == ""


# -- a real small disk ------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB disk of its own (a tmpfs), unmounted afterwards."""
    disk = tmp_path / "disk"
    why_not = mount_tmpfs(disk, "2m")
    if why_not is not None:
        pytest.skip(f"no real small disk: {why_not}; the fault-injection tests cover this")
    try:
        yield disk
    finally:
        unmount(disk)


@pytest.fixture
def books(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return template(lambda: tmp_path_factory.mktemp("record-books"))


@pytest.mark.parametrize("writer", WRITERS, ids=lambda w: w.name)
def test_every_writer_on_a_full_disk_says_so_and_changes_nothing(
    writer: Writer, small_disk: Path, books: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, extra = records(books, writer.folder, small_disk)
    out = small_disk / "out"
    out.mkdir()
    before = snapshot_of(data)
    fill(small_disk)

    status, _out, err = run(capsys, *writer.args(data, out, extra))

    assert status == 1, err
    assert err.count("\n") == 1 and "Traceback" not in err and "Details are in" not in err
    assert FULL in err and NOTHING in err and str(small_disk) in err
    empty(small_disk)
    assert files_in(out) == []
    assert run(capsys, "--data-dir", data, "check")[:2] == (0, "Your records file is healthy.\n")
    assert snapshot_of(data) == before


@pytest.mark.parametrize(
    "writer", [w for w in WRITERS if w.folder == "partner"], ids=lambda w: w.name
)
def test_every_writer_in_a_read_only_folder_says_so_and_changes_nothing(
    writer: Writer, small_disk: Path, books: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, extra = records(books, writer.folder, small_disk)
    out = small_disk / "out"
    out.mkdir()
    before = snapshot_of(data)
    remount(small_disk, "ro")
    try:
        status, _out, err = run(capsys, *writer.args(data, out, extra))
    finally:
        remount(small_disk, "rw")

    assert status == 1, err
    assert err.count("\n") == 1 and "Traceback" not in err and "Details are in" not in err
    assert "because it is read-only" in err and NOTHING in err and str(small_disk) in err
    assert files_in(out) == []
    assert snapshot_of(data) == before
    assert run(capsys, "--data-dir", data, "check")[0] == 0
