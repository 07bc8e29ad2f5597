"""``partner-log --self-test``: prove that this copy of Partner Log works, end to end.

Anyone can run it on an installed app, with or without a screen. It works in a
temporary folder, never touches the person's own records, and removes everything it
made before it ends. It needs no Qt, except for ``--gui``.

The steps, one line each:

1. open a temporary data folder (a partner's and a coordinator's);
2. run the migrations, so both hold the newest schema;
3. record an activity as the partner;
4. build a certificate PDF (embedded fonts, QR code, the app version);
5. send the partner's records in a protected file and bring them into the coordinator's
   records, then check the activity arrived unchanged;
6. run the integrity check on both records files;
7. take and let go of the one-window lock, twice, and see a second window refused;
8. replace a file that is already there, and see a new-only file refuse to replace one;
9. back up the partner's records and put the backup back, then check the entry is there;
10. with ``--gui`` only: load Qt's platform plugin and the bundled fonts, then open and
    close a window offscreen (the window package passes this step in, as it passes the
    window itself: the core never imports Qt).

Exit status 0 when every step passed; otherwise 1, after one plain line naming the step
that failed.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from desktop_app import APP_NAME, __version__, clock
from desktop_app.i18n import _
from desktop_app.storage.db import SCHEMA_HEAD, Database, open_database, read_schema_revision
from desktop_app.storage.paths import database_path

#: Vietnamese and Chinese letters, so the PDF needs every embedded fallback font.
PARTNER_NAME = "Self-test Partner Nguyễn 李"
COORDINATOR_NAME = "Self-test Coordinator"
PROJECT_NAME = "Self-test project"
PASSPHRASE = "self-test passphrase"
MINUTES = 75


class CheckFailed(Exception):
    """A step ran but did not give what it should have."""


@dataclass
class _Run:
    """What the steps share: the temporary folder, both databases and the new entry."""

    root: Path | None = None
    databases: dict[str, Database] = field(default_factory=dict)
    activity_id: str = ""
    partner_id: str = ""

    def folder(self, name: str) -> Path:
        assert self.root is not None
        return self.root / name

    def close(self) -> None:
        for database in self.databases.values():
            database.close()
        self.databases.clear()


def _require(condition: bool, problem: str) -> None:
    if not condition:
        raise CheckFailed(problem)


def _open_folder(run: _Run) -> str:
    run.root = Path(tempfile.mkdtemp(prefix="partner-log-self-test-"))
    for name in ("partner", "coordinator", "files"):
        run.folder(name).mkdir()
    return str(run.root)


def _migrate(run: _Run) -> str:
    for name in ("partner", "coordinator"):
        run.databases[name] = open_database(run.folder(name))
        revision = read_schema_revision(database_path(run.folder(name)))
        _require(revision == SCHEMA_HEAD, f"the {name} schema is at {revision}, not {SCHEMA_HEAD}")
    return f"schema {SCHEMA_HEAD}"


def _record(run: _Run) -> str:
    from desktop_app.model import Activity, ActivityKind, Role
    from desktop_app.services import activities, profile

    with run.databases["partner"].session() as session:
        profile.setup(session, Role.PARTNER, PARTNER_NAME, project_name=PROJECT_NAME)
        run.partner_id = profile.owner(session).id
        entry = activities.record_activity(
            session, date=clock.today(), minutes=MINUTES, kind=ActivityKind.MEETING
        )
        run.activity_id = entry.id
    with run.databases["partner"].session() as session:
        saved = session.get(Activity, run.activity_id)
        _require(saved is not None and saved.minutes == MINUTES, "the activity was not saved")
    return f"a {MINUTES}-minute meeting"


def _certificate(run: _Run) -> str:
    from desktop_app.reports.certificate import make_certificate

    out = run.folder("files") / "certificate.pdf"
    with run.databases["partner"].session() as session:
        certificate = make_certificate(session, out, run.partner_id)
    pdf = out.read_bytes()
    _require(pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-64:], "the PDF is not complete")
    _require(b"FontFile2" in pdf, "the PDF has no embedded fonts")
    _require(__version__.encode() in pdf, "the PDF does not name the app version")
    return f"{len(pdf) // 1024} KB, code {certificate.code}"


def _exchange(run: _Run) -> str:
    from desktop_app import exchange
    from desktop_app.exchange import document
    from desktop_app.model import Activity, Role
    from desktop_app.services import profile

    with run.databases["partner"].session() as session:
        sent = exchange.export_partner_file(session, run.folder("files"), passphrase=PASSPHRASE)
    version = document.read_file(sent.path, PASSPHRASE).app_version
    _require(version == __version__, f"the file says version {version}, not {__version__}")
    with run.databases["coordinator"].session() as session:
        profile.setup(session, Role.COORDINATOR, COORDINATOR_NAME, project_name=PROJECT_NAME)
    with run.databases["coordinator"].session() as session:
        plan = exchange.preview(session, [sent.path], passphrase=PASSPHRASE)
        _require(plan.files[0].protected, "the file was not protected by its passphrase")
        _require(plan.files[0].counts.new >= 1, "the file brought nothing new")
        exchange.apply(session, plan)
    with run.databases["coordinator"].session() as session:
        arrived = session.get(Activity, run.activity_id)
        _require(arrived is not None, "the activity did not arrive")
        assert arrived is not None
        _require(
            arrived.minutes == MINUTES and arrived.person_id == run.partner_id,
            "the activity arrived changed",
        )
    return f"{sent.path.stat().st_size // 1024 or 1} KB file, the activity arrived"


def _lock(run: _Run) -> str:
    from desktop_app.errors import DataFolderBusy
    from desktop_app.storage.instance_lock import InstanceLock

    folder = run.folder("partner")
    for _round in range(2):
        held = InstanceLock(folder).acquire()
        try:
            InstanceLock(folder).acquire().release()
        except DataFolderBusy:
            pass
        else:
            raise CheckFailed("a second window was let in while the lock was held")
        finally:
            held.release()
    return "held and let go twice"


def _replace(run: _Run) -> str:
    from desktop_app.storage.atomic import atomic_write_bytes

    path = run.folder("files") / "replace-me.txt"
    atomic_write_bytes(path, b"first")
    atomic_write_bytes(path, b"second")
    _require(path.read_bytes() == b"second", "the file was not replaced")
    try:
        atomic_write_bytes(path, b"third", exclusive=True)
    except FileExistsError:
        pass
    else:
        raise CheckFailed("a new-only file replaced one that was there")
    _require(path.read_bytes() == b"second", "a refused write changed the file")
    leftovers = [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    _require(not leftovers, "a temporary file was left behind")
    return "replaced once, refused once"


def _backup_restore(run: _Run) -> str:
    import sqlite3

    from desktop_app.storage.backup import snapshot
    from desktop_app.storage.restore import restore_backup
    from desktop_app.storage.sqlite_uri import file_uri

    folder = run.folder("partner")
    live = database_path(folder)
    backup = snapshot(folder, live, "on-request")
    result = restore_backup(folder, backup)
    _require(result.kept_aside is not None, "the records before the restore were not kept")
    con = sqlite3.connect(file_uri(live, mode="ro"), uri=True)
    try:
        row = con.execute("SELECT minutes FROM activity WHERE id = ?", (run.activity_id,))
        found = row.fetchone()
    finally:
        con.close()
    _require(found == (MINUTES,), "the entry was not there after the restore")
    return "the entry came back"


def _integrity(run: _Run) -> str:
    from desktop_app.storage.backup import integrity_problems

    run.close()  # check the files as they rest on disk
    for name in ("partner", "coordinator"):
        problems = integrity_problems(database_path(run.folder(name)))
        _require(not problems, f"the {name} records file failed: {'; '.join(problems[:3])}")
    return "both records files are sound"


STEPS: tuple[tuple[str, Callable[[_Run], str]], ...] = (
    ("open a temporary data folder", _open_folder),
    ("run the migrations", _migrate),
    ("record an activity", _record),
    ("build a certificate PDF", _certificate),
    ("export and re-import a partner file", _exchange),
    ("run the integrity check", _integrity),
    ("take and let go of the one-window lock", _lock),
    ("replace a file that is already there", _replace),
    ("back up and put back the records", _backup_restore),
)
GUI_STEP = "open a window offscreen"

#: The window package's check (see step 10); returns a short detail, raises on failure.
GuiCheck = Callable[[], str]


def _describe(problem: BaseException) -> str:
    text = str(problem).strip().splitlines()[0] if str(problem).strip() else ""
    return f"{type(problem).__name__}: {text}" if text else type(problem).__name__


def no_window_check() -> str:
    """The window step of a copy that has no window: it fails, plainly."""
    raise CheckFailed("this copy of Partner Log has no window")


def run_self_test(
    out: TextIO | None = None,
    err: TextIO | None = None,
    gui: GuiCheck | None = None,
) -> int:
    """Run every step, print one line each, clean up, and return the exit status.

    With ``gui`` (the window package's check), the window is tried last.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    run = _Run()
    steps = list(STEPS)
    if gui is not None:
        steps.append((GUI_STEP, lambda _run: gui()))
    total = len(steps)
    failed: str | None = None
    print(f"{APP_NAME} {__version__} self-test", file=out)
    try:
        for number, (name, step) in enumerate(steps, start=1):
            try:
                detail = step(run)
            except Exception as problem:
                failed = f"step {number} of {total}, {name}: {_describe(problem)}"
                break
            print(f"ok {number}/{total} {name} ({detail})", file=out, flush=True)
    finally:
        run.close()
        if run.root is not None:
            shutil.rmtree(run.root, ignore_errors=True)
            if run.root.exists() and failed is None:
                failed = f"clean-up: could not remove {run.root}"
    if failed is not None:
        print(_("Self-test FAILED at {what}").format(what=failed), file=err, flush=True)
        return 1
    print(_("Self-test passed: every step worked."), file=out, flush=True)
    return 0
