"""The merge, tried in any order: two partners and a coordinator, each with their own
database, edit, delete, send and receive files, repeating and reordering them."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from desktop_app import exchange
from desktop_app.exchange import document
from desktop_app.exchange.export import partner_data
from desktop_app.exchange.tables import ACTIVITY
from desktop_app.model import Activity, ActivityKind, Role
from desktop_app.services import activities, review
from desktop_app.services.projects import create_project
from tests.helpers.sites import Site


def _import(site: Site, path: Path) -> None:
    def run(session: Any) -> None:
        exchange.apply(session, exchange.preview(session, [path]), confirm=True, backup=False)

    site.call(run)


def _owned(site: Site, person_id: str) -> dict[str, tuple[int, str]]:
    """Each of a partner's activities at ``site``: (rev, fingerprint of the partner's fields)."""
    rows = site.call(partner_data, person_id)["activities"]
    return {row["id"]: (row["rev"], ACTIVITY.content_hash(row)) for row in rows}


class Exchange(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = tempfile.TemporaryDirectory(prefix="partner-log-merge-")
        root = Path(self.tmp.name)
        self.root = root
        self.coordinator = Site(root / "c", Role.COORDINATOR, "Karen Lee")
        self.partners = [
            Site(root / "p0", Role.PARTNER, "Rosa Martínez"),
            Site(root / "p1", Role.PARTNER, "Nguyễn Thị Thanh"),
        ]
        for site in self.partners:
            site.call(lambda s: create_project(s, name="Pain Care"))
        self.sent: list[tuple[int, Path, dict[str, tuple[int, str]]]] = []
        self.imported: list[Path] = []
        self.counter = 0

    def teardown(self) -> None:
        try:
            self._check_order_does_not_matter()
        finally:
            for site in [self.coordinator, *self.partners]:
                site.close()
            self.tmp.cleanup()

    def _ids(self, who: int) -> list[str]:
        return sorted(
            self.partners[who].call(lambda s: [a.id for a in activities.list_activities(s)])
        )

    @rule(who=st.integers(0, 1), minutes=st.integers(1, 600), day=st.integers(1, 28))
    def add(self, who: int, minutes: int, day: int) -> None:
        self.partners[who].call(
            activities.record_activity,
            date=date(2025, 5, day),
            minutes=minutes,
            kind=ActivityKind.MEETING,
        )

    @rule(who=st.integers(0, 1), pick=st.integers(0, 50), minutes=st.integers(1, 600))
    def edit(self, who: int, pick: int, minutes: int) -> None:
        ids = self._ids(who)
        if ids:
            self.partners[who].call(
                activities.change_activity, ids[pick % len(ids)], minutes=minutes
            )

    @rule(who=st.integers(0, 1), pick=st.integers(0, 50))
    def delete(self, who: int, pick: int) -> None:
        ids = self._ids(who)
        if ids:
            self.partners[who].call(activities.delete_activity, ids[pick % len(ids)])

    @rule(who=st.integers(0, 1), since_last=st.booleans())
    def send(self, who: int, since_last: bool) -> None:
        self.counter += 1
        path = self.root / f"file-{self.counter}.partnerlog"
        site = self.partners[who]
        site.call(exchange.export_partner_file, path, since_last=since_last)
        records = document.read_file(path).records["activities"]
        versions = {r["id"]: (r["rev"], ACTIVITY.content_hash(r)) for r in records}
        self.sent.append((who, path, versions))

    @precondition(lambda self: self.sent)
    @rule(pick=st.integers(0, 100))
    def receive(self, pick: int) -> None:
        _who, path, _versions = self.sent[pick % len(self.sent)]
        _import(self.coordinator, path)
        self.imported.append(path)

    @precondition(lambda self: self.imported)
    @rule(pick=st.integers(0, 100), decision=st.sampled_from(["approve", "query", "reject"]))
    def review_one(self, pick: int, decision: str) -> None:
        ids = sorted(self.coordinator.call(lambda s: [a.id for a in activities.list_activities(s)]))
        if ids:
            self.coordinator.call(review.review, [ids[pick % len(ids)]], decision, "Why?")

    @precondition(lambda self: self.imported)
    @rule(who=st.integers(0, 1))
    def send_back(self, who: int) -> None:
        if not any(sender == who and path in self.imported for sender, path, _ in self.sent):
            return  # the coordinator does not know this partner yet
        self.counter += 1
        site = self.partners[who]
        before = _owned(site, site.person_id)
        path = self.root / f"project-{self.counter}.partnerlog"
        self.coordinator.call(exchange.export_project_file, path, person_id=site.person_id)
        _import(site, path)
        # A project file never changes a partner's own entry fields.
        assert _owned(site, site.person_id) == before
        reviewed = {
            a.id: (a.status, a.review_rev)
            for a in self.coordinator.call(lambda s: list(s.query(Activity)))
        }
        for entry in site.call(lambda s: list(s.query(Activity))):
            status, review_rev = reviewed.get(entry.id, (None, 0))
            if review_rev and entry.review_rev == review_rev:
                assert entry.status == status

    @invariant()
    def highest_revision_wins_and_nothing_is_lost(self) -> None:
        for who, site in enumerate(self.partners):
            expected: dict[str, tuple[int, str]] = {}
            for sender, path, versions in self.sent:
                if sender != who or path not in self.imported:
                    continue
                for record_id, version in versions.items():
                    if record_id not in expected or version[0] > expected[record_id][0]:
                        expected[record_id] = version
            assert _owned(self.coordinator, site.person_id) == expected

    def _check_order_does_not_matter(self) -> None:
        if not self.imported:
            return
        other = Site(self.root / "c2", Role.COORDINATOR, "Karen Lee")
        try:
            for path in [*reversed(self.imported), *self.imported]:
                _import(other, path)
            for site in self.partners:
                assert _owned(other, site.person_id) == _owned(self.coordinator, site.person_id)
        finally:
            other.close()


Exchange.TestCase.settings = settings(max_examples=12, stateful_step_count=12, deadline=None)
TestExchange = Exchange.TestCase
