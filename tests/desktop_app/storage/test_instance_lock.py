"""One window per data folder, and a crashed app never blocks the next start."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_app.errors import DataFolderBusy
from desktop_app.storage.instance_lock import InstanceLock


def test_a_second_window_gets_a_clear_message(tmp_path: Path) -> None:
    first = InstanceLock(tmp_path).acquire()
    with pytest.raises(DataFolderBusy) as busy:
        InstanceLock(tmp_path).acquire()
    assert "already open" in busy.value.message
    first.release()
    InstanceLock(tmp_path).acquire().release()


def test_a_lock_left_by_a_crashed_app_does_not_block(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from pathlib import Path
                from desktop_app.storage.instance_lock import InstanceLock
                InstanceLock(Path({str(tmp_path)!r})).acquire()
                print("locked", flush=True)
                time.sleep(60)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    with pytest.raises(DataFolderBusy):
        InstanceLock(tmp_path).acquire()
    holder.kill()  # a crash: no clean-up code runs (TerminateProcess on Windows)
    holder.wait()
    holder.stdout.close()
    assert (tmp_path / "partner-log.lock").exists()  # the file is left behind...
    InstanceLock(tmp_path).acquire().release()  # ...but it does not block
