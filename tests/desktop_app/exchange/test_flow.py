"""Partner and coordinator exchanging files, as people would use them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app import exchange
from desktop_app.errors import InvalidInput
from desktop_app.exchange import conflicts, document
from desktop_app.exchange.errors import (
    LargeChangeNeedsConfirmation,
    PassphraseNeeded,
    WrongPassphrase,
)
from desktop_app.exchange.export import partner_data
from desktop_app.model import (
    Activity,
    CorrectionStatus,
    ExchangeConflict,
    PaymentKind,
    PaymentMethod,
    ReviewStatus,
    Role,
)
from desktop_app.services import (
    activities,
    corrections,
    payments,
    profile,
    projects,
    reflections,
    review,
)
from desktop_app.services.pay_rules import set_pay_rules
from desktop_app.services.projects import find_project
from tests.helpers.sites import Site, add_time


def send(site: Site, folder: Path, **kwargs: object) -> Path:
    return site.call(exchange.export_partner_file, folder, **kwargs).path


def receive(site: Site, *files: Path, **kwargs: object) -> exchange.Preview:
    def run(session: Session) -> exchange.Preview:
        preview = exchange.preview(session, list(files), kwargs.pop("passphrase", None))
        return exchange.apply(session, preview, **kwargs).preview  # type: ignore[arg-type]

    return site.call(run)


def fields_of(rows: list[dict[str, Any]], like: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` cut down to the fields a file carries, to compare with ``like``."""
    keys = set(like[0]) if like else set()
    return [{k: v for k, v in row.items() if k in keys} for row in rows]


def status_of(site: Site, entry_id: str) -> tuple[ReviewStatus, str, int]:
    entry = site.call(lambda s: s.get(Activity, entry_id))
    assert entry is not None
    return entry.status, entry.status_note, entry.minutes


def test_send_receive_and_review_round_trip(
    partner: Site, coordinator: Site, tmp_path: Path, today: date
) -> None:
    first = partner.call(add_time, 60, "Team meeting")
    second = partner.call(add_time, 90, "Reading", day=2)
    file1 = send(partner, tmp_path)
    partner.call(exchange.confirm_sent)  # the partner says the file has gone
    assert file1.name == f"Partner Log - Rosa Martínez - {today.isoformat()}.partnerlog"

    preview = coordinator.call(lambda s: exchange.preview(s, [file1]))
    assert preview.files[0].counts.new >= 2
    assert preview.files[0].by_person[0].name == "Rosa Martínez"
    assert preview.files[0].unknown_projects[0][1] == "My own project"
    receive(coordinator, file1)

    # What the coordinator holds is exactly what the partner sent.
    sent = document.read_file(file1).records
    held = coordinator.call(partner_data, partner.person_id)
    for key in ("activities", "expenses", "people", "projects"):
        assert fields_of(held[key], sent[key]) == sent[key]

    coordinator.call(review.review, [first], "approve")
    coordinator.call(review.review, [second], "query", "Was this 90 minutes?")
    back = coordinator.call(
        exchange.export_project_file, tmp_path, person_id=partner.person_id
    ).path
    receive(partner, back)
    assert status_of(partner, first)[:2] == (ReviewStatus.APPROVED, "")
    assert status_of(partner, second)[:2] == (ReviewStatus.QUERIED, "Was this 90 minutes?")

    # The partner answers the query by changing the entry; the coordinator sees it again.
    partner.call(activities.change_activity, second, minutes=60)
    file2 = send(partner, tmp_path / "again.partnerlog", since_last=True)
    assert [a["id"] for a in document.read_file(file2).records["activities"]] == [second]
    result = receive(coordinator, file2)
    assert result.counts.changed == 1
    assert status_of(coordinator, second) == (ReviewStatus.SUBMITTED, "Was this 90 minutes?", 60)

    # Export, import, export again: the same data set.
    back2 = coordinator.call(
        exchange.export_project_file, tmp_path / "p2.partnerlog", person_id=partner.person_id
    ).path
    receive(partner, back2)
    file3 = send(partner, tmp_path / "full.partnerlog")
    again = document.read_file(file3).records
    untouched = [a for a in document.read_file(file1).records["activities"] if a["id"] == first]
    assert [a for a in again["activities"] if a["id"] == first] == untouched
    held = coordinator.call(partner_data, partner.person_id)["activities"]
    assert fields_of(held, again["activities"]) == again["activities"]


def test_same_file_twice_and_either_order(
    partner: Site, sites: Callable[[str, Role, str], Site], tmp_path: Path
) -> None:
    entry = partner.call(add_time, 60)
    old = send(partner, tmp_path / "old.partnerlog")
    partner.call(activities.change_activity, entry, minutes=45)
    partner.call(add_time, 30, day=3)
    new = send(partner, tmp_path / "new.partnerlog")

    one = sites("c1", Role.COORDINATOR, "Karen Lee")
    two = sites("c2", Role.COORDINATOR, "Karen Lee")
    receive(one, old)
    receive(one, new)
    again = receive(one, new, old)
    assert again.counts.new == again.counts.changed == again.counts.conflict == 0
    receive(two, new)
    receive(two, old)
    assert one.call(partner_data, partner.person_id) == two.call(partner_data, partner.person_id)
    assert status_of(one, entry)[2] == 45


def test_tombstones_travel_and_old_files_do_not_bring_records_back(
    partner: Site, coordinator: Site, tmp_path: Path
) -> None:
    entry = partner.call(add_time, 60)
    old = send(partner, tmp_path / "old.partnerlog")
    partner.call(activities.delete_activity, entry)
    new = send(partner, tmp_path / "new.partnerlog")
    assert receive(coordinator, new).counts.new >= 1
    receive(coordinator, old)
    held = coordinator.call(lambda s: s.get(Activity, entry))
    assert held is not None and held.deleted_at is not None
    assert coordinator.call(activities.list_activities) == []


def _paid_then_changed(
    partner: Site, coordinator: Site, tmp_path: Path, minutes: int = 120
) -> tuple[str, Path]:
    """A 60-minute entry the coordinator paid, then changed by the partner; returns the
    entry and the partner's later file."""
    entry = partner.call(add_time, 60, "Meeting")
    receive(coordinator, send(partner, tmp_path / "a.partnerlog"))
    project = coordinator.call(lambda s: find_project(s, "My own project").id)
    coordinator.call(review.review, [entry], "approve")
    coordinator.call(set_pay_rules, project, rate_minor=3000)
    person = coordinator.call(lambda s: s.get(Activity, entry).person_id)
    coordinator.call(
        payments.record_payment,
        person_id=person,
        project_id=project,
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        kind=PaymentKind.COMPENSATION,
        method=PaymentMethod.BANK_TRANSFER,
        paid_on=date(2025, 12, 31),
    )
    assert status_of(coordinator, entry)[0] == ReviewStatus.PAID
    partner.call(activities.change_activity, entry, minutes=minutes)
    return entry, send(partner, tmp_path / "b.partnerlog")


def test_a_change_to_a_paid_entry_becomes_a_correction_request(
    partner: Site, coordinator: Site, tmp_path: Path
) -> None:
    entry, later = _paid_then_changed(partner, coordinator, tmp_path)
    result = receive(coordinator, later)
    assert result.counts.conflict == 1
    assert status_of(coordinator, entry)[2] == 60  # never silently changed
    assert receive(coordinator, later).counts.conflict == 0  # the same file: nothing new

    assert coordinator.call(conflicts.list_conflicts) == []  # not a choice of versions
    [request] = coordinator.call(corrections.correction_requests)
    assert request.description == (
        "Rosa Martínez changed an entry you already paid: 60 \u2192 120 minutes."
    )
    assert (request.status, request.minutes_difference) == (CorrectionStatus.OPEN, 60)
    coordinator.call(corrections.pay_difference, request.id)
    [request] = coordinator.call(corrections.correction_requests, CorrectionStatus.TO_PAY)
    assert status_of(coordinator, entry) == (ReviewStatus.PAID, "", 60)
    assert receive(coordinator, later).counts.conflict == 0
    assert coordinator.call(corrections.correction_requests, CorrectionStatus.OPEN) == []


def test_keeping_the_paid_version_tells_the_partner(
    partner: Site, coordinator: Site, tmp_path: Path
) -> None:
    entry, later = _paid_then_changed(partner, coordinator, tmp_path)
    receive(coordinator, later)
    [request] = coordinator.call(corrections.correction_requests)
    coordinator.call(corrections.keep_paid, request.id)
    assert status_of(coordinator, entry)[2] == 60

    back = coordinator.call(
        exchange.export_project_file, tmp_path / "back.partnerlog", person_id=partner.person_id
    )
    assert "1 answer to a change" in back.description
    receive(partner, back.path)
    [told] = partner.call(corrections.answers_for_entry, entry)
    assert told == (
        "You changed this entry after it was paid (60 \u2192 120 minutes). "
        "Your coordinator kept the paid version."
    )
    receive(partner, back.path)  # the same file again adds nothing
    assert len(partner.call(corrections.answers_for_entry, entry)) == 1


def test_keep_theirs_never_rewrites_a_locked_entry(
    partner: Site, coordinator: Site, tmp_path: Path
) -> None:
    entry, later = _paid_then_changed(partner, coordinator, tmp_path, minutes=75)
    receive(coordinator, later)
    conflict_id = coordinator.call(lambda s: s.scalars(select(ExchangeConflict.id)).one())
    with pytest.raises(InvalidInput, match="paid or in a closed pay period"):
        coordinator.call(conflicts.keep_theirs, conflict_id)
    assert status_of(coordinator, entry)[2] == 60
    assert receive(coordinator, later).counts.duplicate >= 1


def test_a_large_deletion_asks_first(partner: Site, coordinator: Site, tmp_path: Path) -> None:
    ids = [partner.call(add_time, 30, day=day) for day in range(1, 15)]
    receive(coordinator, send(partner, tmp_path / "a.partnerlog"))
    for entry in ids:
        partner.call(activities.delete_activity, entry)
    later = send(partner, tmp_path / "b.partnerlog")
    before = coordinator.content_hash()
    with pytest.raises(LargeChangeNeedsConfirmation) as asked:
        receive(coordinator, later)
    assert "14" in asked.value.message
    assert coordinator.content_hash() == before
    assert receive(coordinator, later, confirm=True).counts.deleted == 14


def test_a_partners_own_project_can_be_linked_to_the_coordinators(
    partner: Site, coordinator: Site, tmp_path: Path
) -> None:
    entry = partner.call(add_time, 60)
    target = coordinator.call(lambda s: find_project(s, "Pain Care").id)
    own = partner.call(lambda s: find_project(s, "My own project").id)
    file1 = send(partner, tmp_path / "a.partnerlog")
    receive(coordinator, file1, links={own: target})
    assert coordinator.call(lambda s: s.get(Activity, entry).project_id) == target
    back = coordinator.call(
        exchange.export_project_file, tmp_path / "p.partnerlog", person_id=partner.person_id
    ).path
    receive(partner, back)
    assert partner.call(lambda s: s.get(Activity, entry).project_id) == target
    # The link is remembered: the next file needs no mapping and makes no conflict.
    result = receive(coordinator, send(partner, tmp_path / "b.partnerlog"))
    assert result.counts.conflict == result.counts.changed == 0


def test_only_shared_reflections_leave_the_machine(partner: Site, tmp_path: Path) -> None:
    day = date(2025, 3, 1)
    private = partner.call(
        reflections.record_reflection, date=day, domain="trust", aspect="helped", text="Private"
    ).id
    shared = partner.call(
        reflections.record_reflection,
        date=day,
        domain="trust",
        aspect="hard",
        text="Shared",
        shared=True,
    ).id
    made = partner.call(exchange.export_partner_file, tmp_path / "a.partnerlog")
    assert "1 reflection you chose to share" in made.description
    rows = document.read_file(made.path).records["reflections"]
    assert [r["id"] for r in rows] == [shared]
    assert private not in made.path.read_bytes().decode("latin-1")
    partner.call(reflections.change_reflection, shared, shared=False)
    rows = document.read_file(send(partner, tmp_path / "b.partnerlog")).records["reflections"]
    assert [(r["id"], r["text"], r["deleted_at"] is not None) for r in rows] == [(shared, "", True)]


def test_passphrase_protection(partner: Site, coordinator: Site, tmp_path: Path) -> None:
    partner.call(add_time, 60, "Secret note")
    path = send(partner, tmp_path / "p.partnerlog", passphrase="correct horse")
    assert b"Secret note" not in path.read_bytes()
    with pytest.raises(PassphraseNeeded):
        document.read_file(path)
    with pytest.raises(WrongPassphrase):
        document.read_file(path, "wrong")
    assert receive(coordinator, path, passphrase="correct horse").counts.new >= 1


def test_entries_are_sent_only_once_the_partner_says_so(partner: Site, tmp_path: Path) -> None:
    first = partner.call(add_time, 60)
    send(partner, tmp_path / "a.partnerlog")
    assert status_of(partner, first)[0] == ReviewStatus.READY
    assert partner.call(exchange.waiting_to_send)

    # A file made but never sent leaves nothing out of the next "only what is new".
    again = send(partner, tmp_path / "b.partnerlog", since_last=True)
    assert [a["id"] for a in document.read_file(again).records["activities"]] == [first]

    assert partner.call(exchange.confirm_sent) == 1
    assert status_of(partner, first)[0] == ReviewStatus.SUBMITTED
    assert not partner.call(exchange.waiting_to_send)
    assert partner.call(exchange.confirm_sent) == 0  # saying it twice changes nothing

    second = partner.call(add_time, 30, day=2)
    third = send(partner, tmp_path / "c.partnerlog", since_last=True)
    assert [a["id"] for a in document.read_file(third).records["activities"]] == [second]
    assert status_of(partner, first)[0] == ReviewStatus.SUBMITTED
    assert status_of(partner, second)[0] == ReviewStatus.READY


def test_an_entry_changed_after_the_file_was_made_is_not_marked_sent(
    partner: Site, tmp_path: Path
) -> None:
    entry = partner.call(add_time, 60)
    send(partner, tmp_path / "a.partnerlog")
    partner.call(activities.change_activity, entry, minutes=90)
    partner.call(exchange.confirm_sent)
    assert status_of(partner, entry)[0] == ReviewStatus.DRAFT  # the file holds the old one
    later = send(partner, tmp_path / "b.partnerlog", since_last=True)
    assert [a["minutes"] for a in document.read_file(later).records["activities"]] == [90]


def test_what_the_file_holds_is_said_exactly(partner: Site, tmp_path: Path) -> None:
    partner.call(add_time, 60)
    made = partner.call(exchange.export_partner_file, tmp_path / "a.partnerlog")
    assert made.description == "1 time entry, your name"
    assert document.read_file(made.path).records["people"][0]["contact"] == ""
    partner.call(profile.change_profile, contact="rosa@example.org")
    made = partner.call(exchange.export_partner_file, tmp_path / "b.partnerlog")
    assert made.description == "1 time entry, your name and contact details"
    assert document.read_file(made.path).records["people"][0]["contact"] == "rosa@example.org"


def test_the_coordinator_address_comes_from_the_project(partner: Site, tmp_path: Path) -> None:
    partner.call(add_time, 60)
    made = partner.call(exchange.export_partner_file, tmp_path / "a.partnerlog")
    assert made.coordinator_emails == ()
    project = partner.call(lambda s: find_project(s, "My own project").id)
    partner.call(
        projects.change_project,
        project,
        coordinator_contact="Karen Lee, karen.lee@example.org, 555 0100",
    )
    made = partner.call(exchange.export_partner_file, tmp_path / "b.partnerlog")
    assert made.coordinator_emails == ("karen.lee@example.org",)


@pytest.fixture
def three_files(sites: Callable[[str, Role, str], Site], tmp_path: Path) -> list[Path]:
    """Three partners, each with their own project named like the coordinator's."""
    files = []
    for number, (name, project) in enumerate(
        (("Ana", "pain care"), ("Ben", "Páin Care"), ("Cleo", " PAIN  CARE "))
    ):
        site = sites(f"p{number}", Role.PARTNER, name)
        site.call(lambda s, p=project: projects.create_project(s, name=p))
        site.call(add_time, 60)
        files.append(send(site, tmp_path / f"{name}.partnerlog"))
    return files


def test_projects_named_like_yours_are_filed_under_yours(
    coordinator: Site, three_files: list[Path]
) -> None:
    found = coordinator.call(lambda s: exchange.preview(s, three_files))
    assert [f.filed_words() for f in found.files] == [["Filed under your project Pain Care"]] * 3
    assert all(f.unknown_projects == [] for f in found.files)
    assert [f.new_words() for f in found.files] == ["1 time entry, plus the partner"] * 3
    receive(coordinator, *three_files)
    assert [p.name for p in coordinator.call(projects.projects)] == ["Pain Care"]
    pain_care = coordinator.call(lambda s: find_project(s, "Pain Care").id)
    held = coordinator.call(activities.list_activities)
    assert len(held) == 3 and {a.project_id for a in held} == {pain_care}


def test_keep_separate_keeps_them_apart_and_counts_honestly(
    coordinator: Site, three_files: list[Path]
) -> None:
    found = coordinator.call(lambda s: exchange.preview(s, three_files, keep_separate=True))
    assert all(f.filed_under == [] and len(f.unknown_projects) == 1 for f in found.files)
    assert found.files[0].new_words() == "1 time entry, plus the partner and the project"

    def kept_apart(session: Session) -> None:
        exchange.apply(session, exchange.preview(session, three_files, keep_separate=True))

    coordinator.call(kept_apart)
    assert len(coordinator.call(projects.projects)) == 4
