"""``partner-log --self-test``: every step reported, failures named, nothing left behind."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app import __version__, self_test
from desktop_app.cli import main


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private temporary folder, and a home folder, both empty, to see what is left."""
    temp = tmp_path / "temp"
    home = tmp_path / "home"
    temp.mkdir()
    home.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "PARTNER_LOG_HOME"):
        monkeypatch.delenv(name, raising=False)
    yield temp


def test_every_step_passes_and_nothing_is_left(scratch: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert self_test.run_self_test(out, err) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == f"Partner Log {__version__} self-test"
    steps = [line for line in lines if line.startswith("ok ")]
    assert [line.split(" (")[0] for line in steps] == [
        f"ok {n}/{len(self_test.STEPS)} {name}"
        for n, (name, _step) in enumerate(self_test.STEPS, start=1)
    ]
    assert "certificate PDF (" in steps[3] and " KB, code PL-" in steps[3]
    assert "the activity arrived" in steps[4]
    assert lines[-1] == "Self-test passed: every step worked."
    assert err.getvalue() == ""
    assert list(scratch.iterdir()) == []
    assert list(Path(scratch.parent / "home").iterdir()) == []


def test_the_command_line_flag_runs_it_and_writes_no_log(
    scratch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--self-test"]) == 0
    printed = capsys.readouterr().out
    assert printed.count("\nok ") == len(self_test.STEPS)
    assert printed.endswith("Self-test passed: every step worked.\n")
    assert list(scratch.iterdir()) == []
    assert list(Path(scratch.parent / "home").iterdir()) == []  # no logs, no records


def test_a_failed_step_is_named_and_still_cleaned_up(
    scratch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_pdf(run: object) -> str:
        raise OSError("No space left on device")

    steps = list(self_test.STEPS)
    steps[3] = (steps[3][0], broken_pdf)
    monkeypatch.setattr(self_test, "STEPS", tuple(steps))
    out, err = io.StringIO(), io.StringIO()
    assert self_test.run_self_test(out, err) == 1
    assert out.getvalue().count("\nok ") == 3  # the steps before it still ran
    assert err.getvalue() == (
        "Self-test FAILED at step 4 of 9, build a certificate PDF: "
        "OSError: No space left on device\n"
    )
    assert list(scratch.iterdir()) == []


def test_a_wrong_result_fails_its_step(scratch: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A step that runs but gives the wrong answer fails too, not only one that crashes."""
    monkeypatch.setattr(self_test, "SCHEMA_HEAD", "9999")
    out, err = io.StringIO(), io.StringIO()
    assert self_test.run_self_test(out, err) == 1
    assert err.getvalue().startswith(
        "Self-test FAILED at step 2 of 9, run the migrations: CheckFailed: the partner schema"
    )
    assert list(scratch.iterdir()) == []


def test_the_storage_steps_check_what_windows_and_macos_differ_on(scratch: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert self_test.run_self_test(out, err) == 0
    printed = out.getvalue()
    assert "ok 7/9 take and let go of the one-window lock (held and let go twice)" in printed
    assert "ok 8/9 replace a file that is already there (replaced once, refused once)" in printed
    assert "ok 9/9 back up and put back the records (the entry came back)" in printed


def test_gui_without_a_window_fails_plainly(
    scratch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--self-test", "--gui"]) == 1
    said = capsys.readouterr()
    assert "step 10 of 10, open a window offscreen" in said.err
    assert "this copy of Partner Log has no window" in said.err
    assert list(scratch.iterdir()) == []
