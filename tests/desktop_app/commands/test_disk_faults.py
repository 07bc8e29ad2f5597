"""Every command that writes answers a disk fault in one plain line, and changes nothing.

The faults are made where the platform makes them: ``os.replace`` and ``os.link`` (the
last step of every file written, records copies included; a new backup is linked into
place so it never replaces another) fails as a full disk, a read-only folder, a file
another program holds on Windows, or a path too long; SQLite refuses a write as a full
disk, a locked file or a read-only file.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop_app.storage import atomic
from tests.helpers.cli import run
from tests.helpers.disk_faults import (
    FILE_WRITERS,
    NOTHING,
    RECORD_WRITERS,
    SENTENCE,
    Writer,
    files_in,
    os_error,
    records,
    snapshot_of,
    sqlite_refuses_writes,
    template,
)

OS_FAULTS = ["ENOSPC", "EROFS", "EACCES", "winerror 32", "ENAMETOOLONG"]
SQLITE_FAULTS = [
    "database or disk is full",
    "database is locked",
    "attempt to write a readonly database",
]


@pytest.fixture
def books(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return template(lambda: tmp_path_factory.mktemp("record-books"))


def _assert_one_plain_line(status: int, err: str, fault: str) -> None:
    assert status == 1, err
    assert err.count("\n") == 1, err  # one line, no traceback
    assert "Traceback" not in err and "Details are in" not in err
    assert "went wrong" not in err
    assert SENTENCE[fault] in err and NOTHING in err


@pytest.mark.parametrize("fault", OS_FAULTS)
@pytest.mark.parametrize("writer", FILE_WRITERS, ids=lambda w: w.name)
def test_a_file_the_disk_refuses_is_one_plain_line_and_nothing_changes(
    writer: Writer,
    fault: str,
    books: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data, extra = records(books, writer.folder, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    before = snapshot_of(data)
    folder_before = files_in(data)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise os_error(fault)

    monkeypatch.setattr(os, "replace", refuse)
    monkeypatch.setattr(os, "link", refuse)
    monkeypatch.setattr(atomic, "sleep", lambda _seconds: None)  # a held file: no waiting
    status, _out, err = run(capsys, *writer.args(data, out, extra))
    monkeypatch.undo()

    _assert_one_plain_line(status, err, fault)
    if fault in ("ENOSPC", "EROFS", "EACCES"):
        assert str(data) in err or str(out) in err  # it names the folder
    assert files_in(out) == []  # no half-written file, no temporary file
    assert files_in(data) == folder_before
    assert snapshot_of(data) == before
    assert run(capsys, "--data-dir", data, "check")[0] == 0


@pytest.mark.parametrize("fault", SQLITE_FAULTS)
@pytest.mark.parametrize("writer", RECORD_WRITERS, ids=lambda w: w.name)
def test_a_change_the_records_refuse_is_one_plain_line_and_nothing_changes(
    writer: Writer,
    fault: str,
    books: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data, extra = records(books, writer.folder, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    before = snapshot_of(data)

    with sqlite_refuses_writes(fault):
        status, _out, err = run(capsys, *writer.args(data, out, extra))

    _assert_one_plain_line(status, err, fault)
    assert str(data) in err  # it names the records file's folder
    after = snapshot_of(data)
    assert after["rows"] == before["rows"]  # the transaction was rolled back
    if writer.name == "import":  # the backup made first is kept; it is not a change
        assert set(before["backups"]) <= set(after["backups"])
    else:
        assert after == before
    assert run(capsys, "--data-dir", data, "check")[0] == 0
