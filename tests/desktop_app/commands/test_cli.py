"""The ``partner-log`` command as a coordinator scripts it: output and exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from desktop_app.cli import build_parser, main
from desktop_app.storage.paths import DEMO_MARKER, database_path, default_data_dir, default_demo_dir
from tests.helpers.cli import run
from tests.helpers.days import TEST_DAY
from tests.helpers.platforms import assert_private

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "records")
    status, _out, _err = run(
        capsys,
        "--data-dir",
        path,
        "setup",
        "--role",
        "partner",
        "--name",
        "Lê Văn Minh",
        "--project",
        "Pain Care",
    )
    assert status == 0
    return path


def test_demo_then_summary_prints_the_reference_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "demo")
    assert run(capsys, "demo", "--data-dir", path, "--no-gui")[0] == 0
    status, out, err = run(capsys, "--data-dir", path, "summary", "--json")
    figures = json.loads(out)
    assert (status, err) == (0, "")
    assert figures["partners"] == 4
    assert figures["total_hours"] == 487.0
    assert figures["avg_hours_per_partner_month"] == 3.0
    assert figures["meetings"] == 40
    assert figures["products"] == 17
    assert set(figures["products_by_engagement"]) == {"consultation", "involvement", "partnership"}
    assert (
        figures["products_by_engagement"]["involvement"]
        + figures["products_by_engagement"]["partnership"]
        == 12
    )
    assert figures["products_by_audience"]["patients"] > 0


def test_demo_never_touches_the_real_data_folder(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real = tmp_path / "real"
    monkeypatch.setenv("PARTNER_LOG_HOME", str(real))
    assert run(capsys, "setup", "--role", "partner", "--name", "Real Person")[0] == 0
    before = database_path(real).read_bytes()
    assert run(capsys, "demo", "--no-gui")[0] == 0
    assert database_path(real).read_bytes() == before
    assert (default_demo_dir() / DEMO_MARKER).exists()
    assert default_demo_dir() != default_data_dir()
    # Asked to put the demo on top of real records, it refuses.
    status, _out, err = run(capsys, "demo", "--data-dir", str(real), "--no-gui")
    assert status == 2 and "real records" in err
    assert database_path(real).read_bytes() == before


def test_demo_is_the_same_every_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "demo")
    outputs = []
    for _ in range(2):
        run(capsys, "demo", "--data-dir", path, "--no-gui")
        status, out, _err = run(capsys, "--data-dir", path, "list", "--json")
        outputs.append(
            sorted(
                (r["date"], r["person"], r["type"], r.get("total_minutes", 0), r["note"])
                for r in json.loads(out)
            )
        )
    assert outputs[0] == outputs[1]


def test_add_time_then_list_shows_every_field(
    folder: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _err = run(
        capsys,
        "--data-dir",
        folder,
        "add-time",
        "--date",
        "2024-05-02",
        "--minutes",
        "60",
        "--kind",
        "meeting",
        "--prep-minutes",
        "15",
        "--note",
        "Talked about <handouts> & more",
    )
    assert status == 0 and "1.3 hours" in out  # 1.25 h, rounded half up like every screen
    status, out, _err = run(capsys, "--data-dir", folder, "list", "--json")
    (entry,) = json.loads(out)
    assert entry["note"] == "Talked about <handouts> & more"
    assert entry["status"] == "draft"
    assert (entry["minutes"], entry["prep_minutes"], entry["kind"]) == (60, 15, "meeting")
    assert entry["person"] == "Lê Văn Minh" and entry["project"] == "Pain Care"
    assert {"id", "date", "mode", "travel_minutes", "rev", "origin", "created_at"} <= set(entry)
    status, out, _err = run(capsys, "--data-dir", folder, "list", "--from", "2024-06-01")
    assert "no entries" in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (
            ["add-time", "--date", "2024-02-30", "--minutes", "60", "--kind", "meeting"],
            "is not a date",
        ),
        (
            ["add-time", "--date", "today", "--minutes", "sixty", "--kind", "meeting"],
            "not a whole number",
        ),
        (
            ["add-time", "--date", "today", "--minutes", "0", "--kind", "meeting"],
            "between 1 minute and 24 hours",
        ),
        (["add-time", "--date", "today", "--minutes", "60", "--kind", "dancing"], "invalid choice"),
        (
            [
                "add-time",
                "--date",
                "today",
                "--minutes",
                "60",
                "--kind",
                "meeting",
                "--project",
                "Nope",
            ],
            "No project called",
        ),
        (
            [
                "add-time",
                "--date",
                "today",
                "--minutes",
                "60",
                "--kind",
                "meeting",
                "--person",
                "Nobody",
            ],
            "No one called",
        ),
        (
            [
                "add-time",
                "--date",
                str(TEST_DAY + timedelta(days=1)),
                "--minutes",
                "60",
                "--kind",
                "meeting",
            ],
            "The date cannot be after today.",
        ),
        (["summary", "--from", "yesterday-ish"], "is not a date"),
        (["add-time", "--minutes", "60"], "required"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_gets_one_plain_line_and_status_2(
    folder: str, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    status, _out, err = run(capsys, "--data-dir", folder, *argv)
    assert status == 2
    assert words in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert run(capsys, "--data-dir", folder, "list")[1] == "There are no entries yet.\n"


def test_setup_twice_is_refused(folder: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = run(
        capsys, "--data-dir", folder, "setup", "--role", "coordinator", "--name", "X"
    )
    assert status == 2 and "already set up" in err


def test_commands_on_an_empty_folder_say_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = str(tmp_path / "nothing")
    for argv in (["summary"], ["list"], ["check"], ["backup"]):
        status, _out, err = run(capsys, "--data-dir", empty, *argv)
        assert status == 1 and "no records" in err, argv
    assert not Path(empty).exists()
    status, _out, err = run(
        capsys,
        "--data-dir",
        empty,
        "add-time",
        "--date",
        "today",
        "--minutes",
        "5",
        "--kind",
        "other",
    )
    assert status == 1 and "not set up yet" in err


def test_check_and_backup(folder: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "--data-dir", folder, "check")[:2] == (0, "Your records file is healthy.\n")
    out_file = tmp_path / "copy.sqlite3"
    status, out, _err = run(capsys, "--data-dir", folder, "backup", "--out", str(out_file))
    assert status == 0 and str(out_file) in out
    assert out_file.stat().st_size > 0
    assert_private(out_file)
    status, out, _err = run(capsys, "--data-dir", folder, "backup")
    assert status == 0 and "backups" in out


def test_check_reports_damage_with_status_1(
    folder: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = database_path(Path(folder))
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\x00garbage" * 512  # overwrite a page of the file
    path.write_bytes(bytes(data))
    status, out, _err = run(capsys, "--data-dir", folder, "check")
    assert status == 1 and "damaged" in out


def test_every_subcommand_explains_itself(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "==SUPPRESS==" or a.choices)
    names = sorted(subparsers.choices)  # type: ignore[arg-type]
    assert {"setup", "demo", "add-time", "list", "summary", "check", "backup"} <= set(names)
    for name in names:
        with pytest.raises(SystemExit) as done:
            main([name, "--help"])
        out = capsys.readouterr().out
        assert done.value.code == 0
        assert "usage: partner-log" in out and len(out.splitlines()) > 3, name


def test_unexpected_failures_are_calm_and_logged_without_contents(
    folder: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.services import activities

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("secret note text")

    monkeypatch.setattr(activities, "record_activity", broken)
    status, _out, err = run(
        capsys,
        "--data-dir",
        folder,
        "add-time",
        "--date",
        "today",
        "--minutes",
        "5",
        "--kind",
        "other",
        "--note",
        "secret note text",
    )
    assert status == 1 and "Something went wrong" in err and "Traceback" not in err
    log_text = (Path(folder) / "logs" / "partner-log.log").read_text(encoding="utf-8")
    assert "RuntimeError" in log_text and "secret" not in log_text


def test_installed_command_and_python_dash_m_both_work(tmp_path: Path) -> None:
    env = {**os.environ, "PARTNER_LOG_HOME": str(tmp_path / "env-home")}
    script = Path(sys.executable).with_name("partner-log")
    for command in ([str(script)], [sys.executable, "-m", "ui"]):
        result = subprocess.run(
            [*command, "setup", "--role", "coordinator", "--name", "Kim"],
            env=env,
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        if command[0] == str(script):
            assert result.returncode == 0, result.stderr
        else:
            assert result.returncode == 2 and "already set up" in result.stderr
    assert database_path(tmp_path / "env-home").exists()


def test_list_and_summary_narrow_to_one_partner(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "demo")
    run(capsys, "demo", "--data-dir", path, "--no-gui", "--role", "coordinator")
    status, out, _err = run(capsys, "--data-dir", path, "list", "--json")
    everyone = json.loads(out)
    assert status == 0 and len({row["person"] for row in everyone}) == 4
    status, out, _err = run(capsys, "--data-dir", path, "list", "--json", "--person", "Wei")
    wei = json.loads(out)
    assert status == 0 and {row["person"] for row in wei} == {"陈伟 (Wei Chen)"}
    assert 0 < len(wei) < len(everyone)
    status, out, _err = run(capsys, "--data-dir", path, "summary", "--json", "--person", "Wei")
    assert json.loads(out)["total_hours"] == 113.0


def test_list_leaves_time_that_was_not_accepted_out_of_its_total(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "demo")
    run(capsys, "demo", "--data-dir", path, "--no-gui", "--role", "coordinator")
    rows = json.loads(run(capsys, "--data-dir", path, "list", "--json")[1])
    waiting = [row for row in rows if "minutes" in row and row["status"] == "submitted"]
    rejected = waiting[0]
    status, _out, err = run(
        capsys, "--data-dir", path, "review", "--reject", rejected["id"], "--note", "Not ours"
    )
    assert status == 0, err
    counted = [row for row in rows if "minutes" in row and row["id"] != rejected["id"]]
    status, out, _err = run(capsys, "--data-dir", path, "list")
    assert status == 0
    assert f"{len(counted)} time entries," in out
    assert "Not counted: 1 entry that was not accepted." in out


def test_output_to_a_file_is_utf8_whatever_the_code_page() -> None:
    """``partner-log list --json > file`` on a Windows computer set to cp1252."""
    import io

    from desktop_app.cli import use_utf8_output

    raw = io.BytesIO()
    piped = io.TextIOWrapper(raw, encoding="cp1252")
    use_utf8_output(piped)
    piped.write("Nguyễn 李\n")
    piped.flush()
    assert raw.getvalue().decode("utf-8") == "Nguyễn 李\n"
