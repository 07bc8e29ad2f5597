"""Every kind of bad file is refused with a plain message, and nothing changes."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop_app import exchange
from desktop_app.exchange import container, strict_json
from desktop_app.exchange.errors import BadExchangeFile
from desktop_app.services import profile
from tests.helpers.sites import Site, add_time


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def build(manifest: dict[str, Any], data: Any, raw_data: bytes | None = None) -> bytes:
    """A file with a correct checksum for whatever data it is given."""
    body = raw_data if raw_data is not None else strict_json.dumps(data)
    manifest = {**manifest, "members": {"data.json": {"sha256": _sha(body), "size": len(body)}}}
    return zip_of({"manifest.json": strict_json.dumps(manifest), "data.json": body})


def _sha(body: bytes) -> str:
    import hashlib

    return hashlib.sha256(body).hexdigest()


@pytest.fixture
def valid(partner: Site, tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    partner.call(add_time, 60, "A meeting")
    path = partner.call(exchange.export_partner_file, tmp_path / "good.partnerlog").path
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("manifest.json")), json.loads(archive.read("data.json"))


def refused(site: Site, tmp_path: Path, raw: bytes, passphrase: str | None = None) -> str:
    path = tmp_path / "bad.partnerlog"
    path.write_bytes(raw)
    before = site.content_hash()
    with pytest.raises(BadExchangeFile) as problem:
        site.call(lambda s: exchange.apply(s, exchange.preview(s, [path], passphrase)))
    assert site.content_hash() == before
    assert problem.value.exit_code == 2
    assert "Nothing was changed" in str(problem.value)
    return problem.value.message


def with_activity(data: dict[str, Any], **changes: Any) -> dict[str, Any]:
    changed = json.loads(json.dumps(data))
    changed["activities"][0].update(changes)
    for key in [k for k, v in changes.items() if v is ...]:
        del changed["activities"][0][key]
    return changed


Case = Callable[[dict[str, Any], dict[str, Any]], bytes]
CASES: dict[str, tuple[Case, str]] = {
    "not a zip": (lambda m, d: b"Dear Karen, here are my hours." * 10, "not a Partner Log file"),
    "truncated": (lambda m, d: build(m, d)[:200], "incomplete or damaged"),
    "tampered": (
        lambda m, d: zip_of(
            {
                "manifest.json": strict_json.dumps(
                    {**m, "members": {"data.json": {"sha256": "0" * 64, "size": 1}}}
                ),
                "data.json": strict_json.dumps(d),
            }
        ),
        "changed after it was made",
    ),
    "unknown member": (
        lambda m, d: zip_of({"manifest.json": b"{}", "data.json": b"{}", "run.exe": b"x"}),
        "parts that a Partner Log file never has",
    ),
    "dot-dot path": (
        lambda m, d: zip_of({"manifest.json": b"{}", "../data.json": b"{}"}),
        "path that points outside",
    ),
    "absolute path": (
        lambda m, d: zip_of({"/etc/manifest.json": b"{}"}),
        "path that points outside",
    ),
    "too many members": (
        lambda m, d: zip_of({f"x{i}.json": b"{}" for i in range(5)}),
        "more parts",
    ),
    "zip bomb": (
        lambda m, d: build(m, d, raw_data=b" " * (4 * 1024 * 1024)),
        "zip bomb",
    ),
    "json too deep": (
        lambda m, d: build(m, d, raw_data=b"[" * 5000 + b"]" * 5000),
        "nested too deeply",
    ),
    "duplicate keys": (
        lambda m, d: build(m, d, raw_data=b'{"people": [], "people": []}'),
        "not in the Partner Log format",
    ),
    "nan": (
        lambda m, d: build(m, d, raw_data=strict_json.dumps(d)[:-1] + b', "x": NaN}'),
        "not in the Partner Log format",
    ),
    "missing field": (lambda m, d: build(m, with_activity(d, minutes=...)), "missing"),
    "wrong type": (lambda m, d: build(m, with_activity(d, minutes="60")), "wrong value"),
    "out of range": (lambda m, d: build(m, with_activity(d, minutes=5000)), "wrong value"),
    "unknown enum": (lambda m, d: build(m, with_activity(d, kind="party")), "wrong value"),
    "partner approves": (
        lambda m, d: build(m, with_activity(d, status="approved")),
        "fields Partner Log does not know",
    ),
    "newer version": (
        lambda m, d: build({**m, "format_version": 99, "app_version": "9.0"}, d),
        "newer version of Partner Log 9.0",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_is_refused_and_nothing_changes(
    case: str,
    valid: tuple[dict[str, Any], dict[str, Any]],
    coordinator: Site,
    tmp_path: Path,
) -> None:
    make, words = CASES[case]
    manifest, data = valid
    assert words in refused(coordinator, tmp_path, make(manifest, data))


def test_a_member_too_large_is_refused(
    valid: tuple[dict[str, Any], dict[str, Any]],
    coordinator: Site,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(container.MEMBER_LIMITS, "data.json", 100)
    message = refused(coordinator, tmp_path, build(*valid))
    assert "too large" in message


def test_wrong_passphrase_is_refused(partner: Site, coordinator: Site, tmp_path: Path) -> None:
    partner.call(add_time, 60)
    path = partner.call(exchange.export_partner_file, tmp_path, passphrase="right").path
    message = refused(coordinator, tmp_path, path.read_bytes(), passphrase="wrong")
    assert "passphrase does not open" in message


def test_a_file_from_this_same_installation_is_refused(partner: Site, tmp_path: Path) -> None:
    partner.call(add_time, 60)
    path = partner.call(exchange.export_partner_file, tmp_path).path
    message = refused(partner, tmp_path, path.read_bytes())
    assert "made by this copy of Partner Log" in message


def test_a_project_file_cannot_be_opened_by_a_coordinator(
    coordinator: Site, sites: Callable[..., Site], tmp_path: Path
) -> None:
    from desktop_app.model import Role

    other = sites("other", Role.COORDINATOR, "Sam Okafor")
    ana = other.call(lambda s: profile.add_person(s, "Ana Souza").id)
    path = other.call(exchange.export_project_file, tmp_path, person_id=ana).path
    assert "meant for partners" in refused(coordinator, tmp_path, path.read_bytes())
