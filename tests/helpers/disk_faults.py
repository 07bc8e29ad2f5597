"""Every command that writes, on small record books, and ways to make the disk refuse.

``records(kind, into)`` copies a ready record book: ``partner`` (Rosa, with a backup and a
file she has not sent yet) or ``coordinator`` (Karen, who imported Rosa's first file and
has a second one waiting). ``WRITERS`` lists each writing command with the folder it uses
and its arguments; ``{out}`` stands for the folder where files are saved.
"""

from __future__ import annotations

import contextlib
import errno
import json
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from desktop_app.cli import main
from desktop_app.storage.paths import database_path

PROJECT = "Better Pain Care"
PARTNER = "Rosa Martinez"
FULL = "There is not enough space on the disk to save."
NOTHING = "Nothing was changed."


@dataclass(frozen=True)
class Writer:
    name: str
    folder: str  # "partner" or "coordinator"
    argv: tuple[str, ...]
    #: True when it writes to the records (a transaction), False when it writes files.
    records: bool

    def args(self, data: Path, out: Path, extra: dict[str, str]) -> list[str]:
        values = {"out": str(out), **extra}
        return ["--data-dir", str(data), *(arg.format(**values) for arg in self.argv)]


WRITERS = (
    Writer("add-time", "partner", ("add-time", "--date", "2026-09-01", "--minutes", "60",
                                   "--kind", "meeting"), True),
    Writer("export", "partner", ("export", "--out", "{out}/rosa-new.partnerlog"), False),
    Writer("certificate", "partner", ("certificate", "--out", "{out}/certificate.pdf"), False),
    Writer("statement", "partner", ("statement", "--out", "{out}/statement.pdf"), False),
    Writer("backup", "partner", ("backup",), False),
    Writer("backup --out", "partner", ("backup", "--out", "{out}/copy.sqlite3"), False),
    Writer("restore", "partner", ("restore", "--latest", "--yes"), False),
    Writer("import", "coordinator", ("import", "{waiting}"), True),
    Writer("review", "coordinator", ("review", "--approve", "{entry}"), True),
    Writer("pay", "coordinator", ("pay", "--person", PARTNER, "--project", PROJECT, "--from",
                                  "2026-01-01", "--to", "2026-09-30",
                                  "--method", "bank_transfer"), True),
    Writer("close-period", "coordinator", ("close-period", "--project", PROJECT, "--from",
                                           "2026-01-01", "--to", "2026-06-30", "--yes"), True),
    Writer("project-file", "coordinator", ("project-file", "--out", "{out}"),
           False),
    Writer("finance-export", "coordinator", ("finance-export", "--out", "{out}/money.csv"),
           False),
)  # fmt: skip
FILE_WRITERS = [w for w in WRITERS if not w.records]
RECORD_WRITERS = [w for w in WRITERS if w.records]


def cli(*argv: str | Path) -> int:
    """Run the command line; its words go to pytest's capture."""
    return main([str(arg) for arg in argv])


def _make(root: Path) -> None:
    rosa, karen = root / "partner", root / "coordinator"
    assert cli("--data-dir", rosa, "setup", "--role", "partner", "--name", PARTNER,
               "--project", PROJECT) == 0  # fmt: skip
    for day in ("2026-03-02", "2026-05-04", "2026-07-06"):
        assert cli("--data-dir", rosa, "add-time", "--date", day, "--minutes", "90",
                   "--kind", "meeting", "--note", "about pain") == 0  # fmt: skip
    assert cli("--data-dir", rosa, "export", "--out", root / "first.partnerlog") == 0
    assert cli("--data-dir", rosa, "sent") == 0
    assert cli("--data-dir", rosa, "add-time", "--date", "2026-08-03", "--minutes", "30",
               "--kind", "reviewing") == 0  # fmt: skip
    assert (
        cli("--data-dir", rosa, "export", "--since-last", "--out", root / "waiting.partnerlog") == 0
    )
    assert cli("--data-dir", rosa, "backup") == 0
    assert cli("--data-dir", karen, "setup", "--role", "coordinator", "--name", "Karen",
               "--project", PROJECT) == 0  # fmt: skip
    assert cli("--data-dir", karen, "import", root / "first.partnerlog",
               "--link", f"{_project_id(rosa)}={PROJECT}", "--yes") == 0  # fmt: skip
    # Karen pays by the hour and approved all but the first entry, so there is something
    # to pay and something left to review.
    assert cli("--data-dir", karen, "rates", "--project", PROJECT, "--per-hour", "30.00") == 0
    assert cli("--data-dir", karen, "review", "--approve", *_activity_ids(karen)[1:]) == 0


def _activity_ids(data: Path) -> list[str]:
    """The time entries' ids, in the order they were stored (the first is left to review)."""
    con = sqlite3.connect(database_path(data))
    try:
        return [str(row[0]) for row in con.execute("SELECT id FROM activity ORDER BY rowid")]
    finally:
        con.close()


def _project_id(data: Path) -> str:
    con = sqlite3.connect(database_path(data))
    try:
        return str(con.execute("SELECT id FROM project").fetchone()[0])
    finally:
        con.close()


_TEMPLATE: dict[str, Path] = {}


def template(factory_dir: Callable[[], Path]) -> Path:
    """The ready record books, made once per test run."""
    if "root" not in _TEMPLATE:
        root = factory_dir()
        _make(root)
        _TEMPLATE["root"] = root
    return _TEMPLATE["root"]


def records(source: Path, kind: str, into: Path) -> tuple[Path, dict[str, str]]:
    """Copy the ``kind`` record book into ``into``; return it and the values its writers use."""
    data = into / kind
    shutil.copytree(source / kind, data)
    extra = {"waiting": str(into / "waiting.partnerlog")}
    shutil.copy2(source / "waiting.partnerlog", extra["waiting"])
    if kind == "coordinator":
        con = sqlite3.connect(database_path(data))
        try:
            first = con.execute("SELECT id FROM activity ORDER BY rowid LIMIT 1").fetchone()
            extra["entry"] = str(first[0])
        finally:
            con.close()
    return data, extra


def snapshot_of(data: Path) -> dict[str, Any]:
    """Everything in a record book that a writer may change: its rows and its backups."""
    con = sqlite3.connect(database_path(data))
    try:
        rows = list(con.iterdump())
    finally:
        con.close()
    return {"rows": rows, "backups": files_in(data / "backups")}


#: What a command leaves in a data folder whether or not it saved: the one-window lock
#: and the log.
NOT_RECORDS = {"partner-log.lock", "logs"}


def files_in(folder: Path) -> list[str]:
    """The names in ``folder``, but for the lock and the log."""
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.name not in NOT_RECORDS)


# -- making the disk refuse -------------------------------------------------------------


def os_error(kind: str) -> OSError:
    """An OSError as the platform raises it for ``kind``."""
    if kind == "winerror 32":
        error = OSError(errno.EACCES, "The process cannot access the file")
        error.winerror = 32  # type: ignore[attr-defined]  # what Windows sets
        return error
    code = {"ENOSPC": errno.ENOSPC, "EROFS": errno.EROFS, "EACCES": errno.EACCES,
            "ENAMETOOLONG": errno.ENAMETOOLONG}[kind]  # fmt: skip
    return OSError(code, kind)


#: What the person reads for each fault.
SENTENCE = {
    "ENOSPC": FULL,
    "EROFS": "because it is read-only",
    "EACCES": "because it is read-only",
    "winerror 32": "Another program may be using",
    "ENAMETOOLONG": "is too long",
    "database or disk is full": FULL,
    "database is locked": "Another program may be using",
    "attempt to write a readonly database": "because it is read-only",
}
SQLITE_NAMES = {
    "database or disk is full": "SQLITE_FULL",
    "database is locked": "SQLITE_BUSY",
    "attempt to write a readonly database": "SQLITE_READONLY",
}


@contextlib.contextmanager
def sqlite_refuses_writes(message: str) -> Iterator[None]:
    """Every write through SQLAlchemy fails as SQLite fails with ``message``."""

    def refuse(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            error = sqlite3.OperationalError(message)
            error.sqlite_errorname = SQLITE_NAMES[message]  # type: ignore[attr-defined]
            raise error

    event.listen(Engine, "before_cursor_execute", refuse)
    try:
        yield
    finally:
        event.remove(Engine, "before_cursor_execute", refuse)


# -- a real, small disk -----------------------------------------------------------------


def mount_tmpfs(folder: Path, size: str = "2m") -> str | None:
    """Mount a small tmpfs on ``folder``; the reason it cannot be done, or None."""
    import os

    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "mounting a small disk needs root (CI runs as root)"
    if shutil.which("mount") is None:
        return "there is no mount command here"
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        return f"mount refused a tmpfs here: {done.stderr.strip()}"
    return None


def remount(folder: Path, how: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{how}", str(folder)], check=True)


def unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Fill the disk holding ``folder`` to the last byte; return the filler file."""
    filler = folder / "filler.bin"
    with open(filler, "wb", buffering=0) as handle:
        with contextlib.suppress(OSError):
            while True:
                handle.write(b"\0" * 4096)
    with (
        contextlib.suppress(OSError),
        open(folder / "filler-tail.bin", "wb", buffering=0) as handle,
    ):
        while True:
            handle.write(b"\0")
    return filler


def empty(folder: Path) -> None:
    for name in ("filler.bin", "filler-tail.bin"):
        with contextlib.suppress(FileNotFoundError):
            (folder / name).unlink()


def json_rows(out: str) -> Any:
    return json.loads(out)
