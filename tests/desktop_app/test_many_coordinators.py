"""Many coordinators on one PostgreSQL database at once, each in a process of their own:
imports, reviews and payments lose nothing and leave the records coherent."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app import exchange
from desktop_app.model import Role
from desktop_app.services.projects import create_project
from tests.helpers.cli import run
from tests.helpers.crowd import run_at_once
from tests.helpers.postgres_server import ThrowawayServer
from tests.helpers.sites import Site, add_time

pytestmark = pytest.mark.slow

ENTRIES = 40


@pytest.fixture
def shared(postgres_server: ThrowawayServer, tmp_path: Path) -> Iterator[str]:
    """The organisation's database, set up by the first coordinator."""
    name = postgres_server.new_database(empty=True)
    url = postgres_server.libpq_url(name)
    status = run_setup(url, tmp_path)
    assert status == 0
    yield url
    postgres_server.drop_database(name)


def run_setup(url: str, tmp_path: Path) -> int:
    from desktop_app.cli import main

    return main(
        [
            "--data-dir",
            str(tmp_path / "first"),
            "--database-url",
            url,
            "setup",
            "--role",
            "coordinator",
            "--name",
            "Karen Lee",
            "--project",
            "Pain Care",
        ]
    )


def partner_files(tmp_path: Path, count: int) -> list[Path]:
    files = []
    for number in range(count):
        site = Site(tmp_path / f"partner{number}", Role.PARTNER, f"Partner {number}")
        site.call(lambda s: create_project(s, name="My project"))
        for day in range(ENTRIES):
            site.call(add_time, minutes=30 + day, day=1 + day % 28)
        made = site.call(exchange.export_partner_file, tmp_path / f"p{number}.partnerlog")
        files.append(made.path)
        site.close()
    return files


def coordinator(url: str, tmp_path: Path, number: int) -> list[str]:
    return ["--data-dir", str(tmp_path / f"coordinator{number}"), "--database-url", url]


def entries(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    status, out, err = run(capsys, *coordinator(url, tmp_path, 99), "list", "--json")
    assert status == 0, err
    return json.loads(out)


def test_the_same_file_imported_by_two_coordinators_at_once_is_merged_once(
    shared: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (sent,) = partner_files(tmp_path, 1)
    outcomes = run_at_once(
        [[*coordinator(shared, tmp_path, n), "import", sent, "--yes"] for n in range(4)]
    )
    assert [o.status for o in outcomes] == [0, 0, 0, 0], outcomes
    rows = entries(shared, tmp_path, capsys)
    assert len(rows) == ENTRIES
    assert len({row["id"] for row in rows}) == ENTRIES


def test_eight_coordinators_importing_at_once_lose_nothing(
    shared: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = partner_files(tmp_path, 8)
    outcomes = run_at_once(
        [
            [*coordinator(shared, tmp_path, n), "import", sent, "--yes"]
            for n, sent in enumerate(files)
        ]
    )
    assert [o.status for o in outcomes] == [0] * 8, outcomes
    rows = entries(shared, tmp_path, capsys)
    assert len(rows) == 8 * ENTRIES
    assert {row["person"] for row in rows} == {f"Partner {n}" for n in range(8)}
    # Importing them all again changes nothing.
    for sent in files:
        status, out, _ = run(capsys, *coordinator(shared, tmp_path, 0), "import", sent, "--json")
        again = json.loads(out)["files"][0]
        assert (status, again["new"], again["changed"], again["conflict"]) == (0, 0, 0, 0)


def test_two_coordinators_reviewing_the_same_entries_leave_them_coherent(
    shared: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (sent,) = partner_files(tmp_path, 1)
    assert run(capsys, *coordinator(shared, tmp_path, 0), "import", sent, "--yes")[0] == 0
    ids = [row["id"] for row in entries(shared, tmp_path, capsys)]
    outcomes = run_at_once(
        [
            [*coordinator(shared, tmp_path, 1), "review", "--approve", *ids],
            [*coordinator(shared, tmp_path, 2), "review", "--query", *ids, "--note", "When?"],
        ]
    )
    for outcome in outcomes:  # done, or one plain line: never a traceback
        assert outcome.status == 0 or outcome.err.count("\n") == 1, outcome
        assert "Something went wrong" not in outcome.err
    rows = entries(shared, tmp_path, capsys)
    finals = {(row["status"], row["status_note"]) for row in rows}
    assert len(finals) == 1  # one decision for all of them: the whole of one review won
    assert finals <= {("approved", ""), ("queried", "When?")}


def test_two_coordinators_paying_the_same_entries_pay_them_once(
    shared: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (sent,) = partner_files(tmp_path, 1)
    me = coordinator(shared, tmp_path, 0)
    assert run(capsys, *me, "import", sent, "--yes")[0] == 0
    ids = [row["id"] for row in entries(shared, tmp_path, capsys)]
    assert run(capsys, *me, "review", "--approve", *ids)[0] == 0
    pay = [
        "pay",
        "--person",
        "Partner 0",
        "--project",
        "My project",
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
        "--method",
        "declined",
        "--paid-on",
        "2026-09-01",
    ]
    outcomes = run_at_once([[*coordinator(shared, tmp_path, n), *pay] for n in (1, 2)])
    assert sorted(o.status for o in outcomes) == [0, 2], outcomes
    refused = next(o for o in outcomes if o.status == 2)
    assert "already paid" in refused.err or "Nothing is owed" in refused.err
    status, out, _ = run(capsys, *me, "payments", "--json")
    assert status == 0 and len(json.loads(out)) == 1
