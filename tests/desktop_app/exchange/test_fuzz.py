"""Whatever bytes arrive, the reader either opens them or refuses them plainly."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app import exchange
from desktop_app.exchange import document
from desktop_app.exchange.errors import BadExchangeFile
from desktop_app.model import Role
from desktop_app.services.projects import create_project
from tests.helpers.cli import run
from tests.helpers.sites import Site, add_time

_VALID: dict[str, bytes] = {}
WITH_FIXTURE = [HealthCheck.function_scoped_fixture]


@pytest.fixture
def valid_file(sites: object, tmp_path: Path) -> bytes:
    if "bytes" not in _VALID:
        site = Site(tmp_path / "fuzz-partner", Role.PARTNER, "Fuzz Partner")
        try:
            site.call(lambda s: create_project(s, name="Fuzz"))
            site.call(add_time, 60, "note")
            site.call(add_time, 30, "more", day=2)
            _VALID["bytes"] = site.call(exchange.export_partner_file, tmp_path).path.read_bytes()
        finally:
            site.close()
    return _VALID["bytes"]


def _read(raw: bytes) -> None:
    try:
        document.read_bytes(raw, None, "fuzz")
    except BadExchangeFile:
        pass


@pytest.fixture
def coordinator_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "coordinator"
    setup = ("--data-dir", folder, "setup", "--role", "coordinator", "--name", "Karen Lee")
    assert run(capsys, *setup)[0] == 0
    return folder


@settings(max_examples=150, deadline=None, suppress_health_check=WITH_FIXTURE)
@given(st.binary(max_size=2000))
def test_random_bytes_are_refused_plainly(
    coordinator_folder: Path, capsys: pytest.CaptureFixture[str], raw: bytes
) -> None:
    """Through the command line: status 2, one plain line, never a traceback."""
    received = coordinator_folder.parent / "received.partnerlog"
    received.write_bytes(raw)
    status, out, err = run(capsys, "--data-dir", coordinator_folder, "import", received)
    assert status == 2, err
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("partner-log: "), err
    assert "Traceback" not in out + err


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_mutated_valid_files_are_refused_plainly(valid_file: bytes, data: st.DataObject) -> None:
    raw = bytearray(valid_file)
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(raw) - 1))
        raw[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(raw)))
    _read(bytes(raw[:cut]) if data.draw(st.booleans()) else bytes(raw))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(manifest=st.binary(max_size=300), body=st.binary(max_size=300))
def test_zips_with_random_members_are_refused_plainly(
    valid_file: bytes, manifest: bytes, body: bytes
) -> None:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("manifest.json", manifest)
        archive.writestr("data.json", body)
    _read(buffer.getvalue())
