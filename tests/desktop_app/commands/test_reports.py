"""The report commands as a coordinator scripts them: files, one plain line, exit status."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers.cli import run
from tests.helpers.pdf import flat, pdf_text


@pytest.fixture
def demo_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "demo")
    assert run(capsys, "demo", "--data-dir", path, "--no-gui")[0] == 0
    return path


def test_certificate_then_verify(
    demo_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cert.pdf"
    status, said, err = run(
        capsys, "--data-dir", demo_dir, "certificate", "--out", str(out), "--person", "Thanh"
    )
    assert (status, err) == (0, "")
    code = re.search(r"PL-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", said)
    assert code is not None and code.group() in pdf_text(out.read_bytes())
    status, said, err = run(capsys, "--data-dir", demo_dir, "verify", code.group().lower())
    assert status == 0 and said.count("\n") == 1
    assert "matches" in said and "Nguyễn Thị Thanh" in said and "meetings" in said
    status, said, _err = run(capsys, "--data-dir", demo_dir, "verify", "PL-2345-6789-ABCD")
    assert status == 1 and "does not match any certificate" in said


def test_verify_says_changed_after_an_entry_is_added(
    demo_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "cert.pdf")
    _s, said, _e = run(
        capsys, "--data-dir", demo_dir, "certificate", "--out", out, "--from", "2023-10-01"
    )
    code = said.rsplit(" ", 1)[-1].strip().rstrip(".")
    added = ("add-time", "--date", "2023-11-01", "--minutes", "30", "--kind", "writing")
    assert run(capsys, "--data-dir", demo_dir, *added)[0] == 0
    status, said, _err = run(capsys, "--data-dir", demo_dir, "verify", code)
    assert status == 1 and "changed" in said and "Rosa Martínez" in said


def test_statement_and_project_report(
    demo_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    statement = tmp_path / "statement.pdf"
    status, _said, err = run(
        capsys, "--data-dir", demo_dir, "statement", "--out", str(statement), "--to", "2021-12-31"
    )
    assert (status, err) == (0, "")
    assert "8 July 2020 to 31 December 2021" in flat(pdf_text(statement.read_bytes()))
    report = tmp_path / "report.pdf"
    status, _said, err = run(capsys, "--data-dir", demo_dir, "project-report", "--out", str(report))
    assert (status, err) == (0, "")
    assert "Total hours 487.0" in flat(pdf_text(report.read_bytes()))


@pytest.mark.parametrize(
    "argv",
    [
        ("certificate", "--out", "{tmp}/missing/c.pdf"),
        ("certificate", "--out", "{tmp}/c.pdf", "--person", "Nobody Here"),
        ("statement", "--out", "{tmp}/s.pdf", "--project", "No such project"),
        ("project-report", "--out", "{tmp}"),
        ("certificate", "--out", "{tmp}/c.pdf", "--from", "2030-01-01"),
    ],
)
def test_bad_input_exits_2_with_one_plain_line(
    demo_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    args = [a.format(tmp=tmp_path) for a in argv]
    status, said, err = run(capsys, "--data-dir", demo_dir, *args)
    assert status == 2 and said == ""
    assert err.startswith("partner-log: ") and err.count("\n") == 1
    assert "Traceback" not in err
