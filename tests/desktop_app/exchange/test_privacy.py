"""A project file tells a partner about their own records only, never another partner's.

Three partners send their time; the coordinator approves, asks, rejects and pays, and
names two of them on one product. The coordinator makes the files through the command
line; each file is then read as raw bytes (every zip member, decompressed) and searched
for what belongs to the other partners.
"""

from __future__ import annotations

import json
import re
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from desktop_app import exchange
from desktop_app.exchange import export, privacy, store
from desktop_app.exchange.tables import PROJECT_FILE
from desktop_app.model import (
    Activity,
    EngagementType,
    PaymentKind,
    PaymentMethod,
    Person,
    ProductType,
    ReviewStatus,
    Role,
)
from desktop_app.services import payments, products, profile, review
from desktop_app.services.projects import create_project, find_project
from desktop_app.storage.paths import database_path
from tests.helpers.cli import run
from tests.helpers.sites import Site, add_time


@dataclass
class Partner:
    """One partner and everything about them that is theirs alone."""

    site: Site
    name: str
    contact: str
    entries: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    question: str = ""
    reason: str = ""
    amount_minor: int = 0
    reference: str = ""

    @property
    def person_id(self) -> str:
        return self.site.person_id

    def private(self) -> list[str]:
        """What no other partner's file may hold."""
        return [
            *self.entries,
            *self.notes,
            self.question,
            self.reason,
            self.reference,
            *self.contact.split(", "),
        ]


PEOPLE = (
    ("rosa", "Rosa Martínez", "rosa.m@example.org, 613-555-0101", 12345),
    ("ben", "Ben Okafor", "ben.okafor@example.net, 613-555-0202", 23456),
    ("chen", "Chen Wei", "chen.wei@example.com, 613-555-0303", 34567),
)


def _send(partner: Partner, tmp_path: Path) -> Path:
    out = tmp_path / f"{partner.name}.partnerlog"
    return partner.site.call(exchange.export_partner_file, out).path


def _receive(site: Site, *files: Path) -> exchange.Preview:
    def apply(session: Session) -> exchange.Preview:
        found = exchange.preview(session, list(files))
        return exchange.apply(session, found, confirm=True).preview

    return site.call(apply)


@pytest.fixture
def team(
    coordinator: Site, sites: Callable[[str, Role, str], Site], tmp_path: Path
) -> dict[str, Partner]:
    partners: dict[str, Partner] = {}
    for label, name, contact, amount in PEOPLE:
        site = sites(label, Role.PARTNER, name)
        site.call(lambda s: create_project(s, name="Pain Care"))
        site.call(profile.change_profile, contact=contact, preferred_name=name.split()[0])
        first = name.split()[0]
        notes = [f"{first} had a bad {part} pain day" for part in ("knee", "hip", "back")]
        entries = [site.call(add_time, 60, note, day) for day, note in enumerate(notes, 1)]
        partner = Partner(site, name, contact, entries, notes)
        partner.question = f"Was {first} at the clinic meeting on 2 March?"
        partner.reason = f"{first} was at a hospital visit, not a project meeting"
        partner.amount_minor = amount
        partner.reference = f"Transfer {first.upper()}-4471"
        partners[label] = partner
    (tmp_path / "sent").mkdir()
    _receive(coordinator, *(_send(p, tmp_path / "sent") for p in partners.values()))

    def decide(session: Session) -> None:
        project = find_project(session, "Pain Care")
        for partner in partners.values():
            approve, ask, refuse = partner.entries
            review.review(session, [approve], "approve")
            review.review(session, [ask], "query", partner.question)
            review.review(session, [refuse], "reject", partner.reason)
            payments.record_payment(
                session,
                person_id=partner.person_id,
                project_id=project.id,
                period_start=date(2025, 3, 1),
                period_end=date(2025, 3, 31),
                amount_minor=partner.amount_minor,
                reason="A flat fee for the month, as agreed",
                kind=PaymentKind.COMPENSATION,
                method=PaymentMethod.BANK_TRANSFER,
                paid_on=date(2025, 4, 2),
                reference=partner.reference,
            )
        toolkit = products.create_product(
            session,
            title="Pain toolkit",
            type=ProductType.TOOLKIT,
            engagement=EngagementType.PARTNERSHIP,
            project_id=project.id,
        )
        products.add_contribution(session, toolkit.id, partners["rosa"].person_id, "co-writer")
        products.add_contribution(session, toolkit.id, partners["ben"].person_id, "reviewer")
        webinar = products.create_product(
            session,
            title="Webinar on living with pain",
            type=ProductType.WEBINAR,
            engagement=EngagementType.INVOLVEMENT,
            project_id=project.id,
        )
        products.add_contribution(session, webinar.id, partners["chen"].person_id, "speaker")

    coordinator.call(decide)
    return partners


def raw_text(path: Path) -> str:
    """Every member of the file, unzipped and decompressed, as one text."""
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist())


def holds(text: str, needle: str) -> bool:
    """Whether ``needle`` is in the text as written, or as JSON would escape it."""
    return needle in text or json.dumps(needle)[1:-1] in text


def holds_amount(text: str, minor: int) -> bool:
    return re.search(rf"[:\[,]{minor}[,\]}}]", text) is not None


def test_each_partner_file_holds_only_that_partners_records(
    team: dict[str, Partner],
    coordinator: Site,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    today: date,
) -> None:
    out = tmp_path / "to send"
    status, said, err = run(capsys, "--data-dir", coordinator.folder, "project-file", "--out", out)
    assert status == 0, err
    assert "Rosa Martínez \u2013 2026-09-30.partnerlog: 3 entries, 1 payment" in said
    assert sorted(p.name for p in out.iterdir()) == [
        f"{name} \u2013 {today.isoformat()}.partnerlog"
        for name in sorted(name for _label, name, _contact, _amount in PEOPLE)
    ]

    for label, partner in team.items():
        text = raw_text(out / f"{partner.name} \u2013 {today.isoformat()}.partnerlog")
        # Their own: who they are, their entries' reviews, the question, the reason, the pay.
        for own in (partner.person_id, *partner.entries, partner.question, partner.reason):
            assert holds(text, own), (label, own)
        assert holds(text, partner.reference) and holds_amount(text, partner.amount_minor)
        # Nothing of the others: no entries, notes, questions, reasons, pay or contact.
        for other_label, other in team.items():
            if other is partner:
                continue
            for secret in other.private():
                assert not holds(text, secret), (label, other_label, secret)
            assert not holds_amount(text, other.amount_minor), (label, other_label)
            shares_a_product = {label, other_label} == {"rosa", "ben"}
            if shares_a_product:  # named on the toolkit: the display name and its id only
                assert holds(text, other.name)
                assert text.count(other.person_id) == 2  # the person and the contribution
            else:
                assert not holds(text, other.person_id), (label, other_label)
                assert not holds(text, other.name), (label, other_label)
        # The partner's own notes stay with the partner: a project file never carries them.
        assert not any(holds(text, note) for note in partner.notes)

    # Each file went to its partner: their rejections can no longer be undone.
    def undoable(session: Session, entry_id: str) -> bool:
        return review.can_undo_reject(session, session.get(Activity, entry_id))

    assert not any(coordinator.call(undoable, p.entries[2]) for p in team.values())


def test_a_partner_opens_their_own_file_and_sees_their_review(
    team: dict[str, Partner], coordinator: Site, tmp_path: Path
) -> None:
    rosa = team["rosa"]
    made = coordinator.call(exchange.export_project_files, tmp_path / "out")
    mine = next(m for m in made if m.person_id == rosa.person_id)
    assert exchange.partner_file_words(mine) == (
        f"{mine.path.name}: 3 entries, 1 payment and 1 shared product, for Rosa Martínez only."
    )
    found = _receive(rosa.site, mine.path)
    assert found.files[0].left_out == 0  # a file made now holds nothing to leave out

    def reviews(session: Session) -> list[tuple[ReviewStatus, str]]:
        entries = [session.get(Activity, entry_id) for entry_id in rosa.entries]
        return [(e.status, e.status_note) for e in entries if e is not None]

    statuses = rosa.site.call(reviews)
    assert statuses == [
        (ReviewStatus.PAID, ""),  # approved, then paid by her payment
        (ReviewStatus.QUERIED, rosa.question),
        (ReviewStatus.REJECTED, rosa.reason),
    ]


def _everyone_file(coordinator: Site, path: Path) -> Path:
    """A project file as older versions made it: every partner's records in one file,
    with their contact details too."""

    def build(session: Session) -> bytes:
        rows = {table.key: store.select_rows(session, table) for table in PROJECT_FILE}
        reviews = [
            row
            for person in profile.people(session, Role.PARTNER)
            for row in export._review_rows(session, person.id)
        ]
        tail = {"reviews": reviews, "project_links": [], "corrections": []}
        extra = {"recipient": None, "since": None}
        payload, _counts = export._pack(session, "project", PROJECT_FILE, rows, None, extra, tail)
        return payload

    path.write_bytes(coordinator.call(build))
    return path


def _database_text(site: Site) -> str:
    con = sqlite3.connect(database_path(site.folder))
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


def test_a_partner_keeps_nothing_of_others_from_an_old_file_for_everyone(
    team: dict[str, Partner],
    coordinator: Site,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    old = _everyone_file(coordinator, tmp_path / "everyone.partnerlog")
    text = raw_text(old)
    assert holds(text, team["ben"].question) and holds(text, team["chen"].contact.split(", ")[0])

    rosa = team["rosa"]
    status, said, err = run(capsys, "--data-dir", rosa.site.folder, "import", old)
    assert status == 0, err
    assert "Left out" in said and "records about other people" in said

    stored = _database_text(rosa.site)
    for label in ("ben", "chen"):
        other = team[label]
        for secret in other.private():
            assert secret not in stored, (label, secret)
        assert re.search(rf"[(,]{other.amount_minor}[,)]", stored) is None
    assert team["chen"].person_id not in stored and "Chen Wei" not in stored
    # Ben helped make the toolkit with Rosa: she keeps his name on it, nothing more.
    ben = rosa.site.call(lambda s: s.get(Person, team["ben"].person_id))
    assert ben is not None
    assert (ben.display_name, ben.preferred_name, ben.contact) == ("Ben Okafor", "", "")
    # Her own reviews and payment arrived.
    assert rosa.question in stored and rosa.reason in stored and rosa.reference in stored
    held = rosa.site.call(
        lambda s: [(p.person_id, p.amount_minor) for p in payments.list_payments(s)]
    )
    assert held == [(rosa.person_id, rosa.amount_minor)]


def test_partner_file_names_are_safe_and_never_the_same() -> None:
    names = export.partner_file_names(
        ["Rosa Martínez", "rosa martínez", 'Ana "Nan" <Souza>', "Con. Smith", "Rosa Martínez"],
        date(2026, 9, 30),
    )
    assert names == [
        "Rosa Martínez \u2013 2026-09-30.partnerlog",
        "rosa martínez (2) \u2013 2026-09-30.partnerlog",
        "Ana Nan Souza \u2013 2026-09-30.partnerlog",
        "Partner Con. Smith \u2013 2026-09-30.partnerlog",
        "Rosa Martínez (3) \u2013 2026-09-30.partnerlog",
    ]


def test_files_for_everyone_need_a_folder_not_a_file(
    team: dict[str, Partner], coordinator: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = tmp_path / "back.partnerlog"
    status, _said, err = run(capsys, "--data-dir", coordinator.folder, "project-file", "--out", one)
    assert status == 2 and "choose a folder, not a file" in err
    assert not one.exists()
    status, said, _err = run(
        capsys,
        "--data-dir",
        coordinator.folder,
        "project-file",
        "--out",
        one,
        "--person",
        "Chen Wei",
    )
    assert status == 0 and "review result" in said
    text = raw_text(one)
    assert holds(text, team["chen"].question) and not holds(text, team["rosa"].question)


def test_rows_linking_payments_to_entries_follow_their_payment() -> None:
    """Rows that name no person (such as payment-to-entry links) keep only the partner's."""
    mine, theirs = "a" * 8, "b" * 8
    records = {
        "payments": [
            {"id": "pay-mine", "person_id": mine},
            {"id": "pay-theirs", "person_id": theirs},
        ],
        "payment_entries": [
            {"id": "l1", "payment_id": "pay-mine", "entry_id": "e1"},
            {"id": "l2", "payment_id": "pay-theirs", "entry_id": "e2"},
        ],
        "something_new": [{"id": "x1", "entry_id": "e2"}],
    }
    view = privacy.for_partner(records, [], [], mine)
    assert [row["id"] for row in view.records["payments"]] == ["pay-mine"]
    assert [row["id"] for row in view.records["payment_entries"]] == ["l1"]
    assert view.records["something_new"] == []  # no rule yet: nothing of it travels
    assert view.left_out == 3
