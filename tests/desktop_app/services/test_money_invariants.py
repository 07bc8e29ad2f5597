"""Money you can trust, tried in any order.

A coordinator adds, approves and rejects entries, pays (with and without an amount),
voids payments and closes pay periods, while partners' changed entries keep arriving
through the import. After every step:
- no entry is paid twice (at most one live link each);
- an entry is "paid" exactly when a live payment links it (declining is such a payment);
- a payment's amount is rate x paid minutes / 60 (half up), or it carries a reason;
- what is owed leaves rejected entries out, and adds up to the unpaid approved time;
- the partner's fields of an entry in a closed period never change.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app import exchange
from desktop_app.errors import InvalidInput
from desktop_app.exchange.document import ExchangeFile
from desktop_app.exchange.store import load
from desktop_app.exchange.tables import ACTIVITY
from desktop_app.model import (
    Activity,
    Payment,
    PaymentEntry,
    PaymentKind,
    PaymentMethod,
    ReviewStatus,
    Role,
)
from desktop_app.services import owed, payments, review
from desktop_app.services.pay_rules import rules_for, set_pay_rules
from desktop_app.services.rounding import amount_for_minutes
from desktop_app.storage.db import open_database
from tests.helpers.money import Books, approved, open_books

RATE = 2999  # an odd rate, so rounding half up to the cent is tried
PARTNER_INSTALLATION = "9f0c1f4e-8f51-4d2a-a3c5-0a5f7d1c2b3e"
MONTHS = [(date(2024, m, 1), date(2024, m + 1, 1) - timedelta(days=1)) for m in (1, 2, 3)]
LOCKED_FIELDS = ("date", "minutes", "prep_minutes", "travel_minutes", "kind", "note", "deleted_at")

_TEMPLATE: dict[str, Any] = {}


def _template() -> tuple[Path, Books]:
    """A migrated coordinator database with a project and two partners, made once."""
    if not _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="money-template-"))
        database = open_database(folder)
        with database.session() as session:
            books = open_books(session, rate_minor=RATE)
            set_pay_rules(session, books.project_id, pay_travel=False)
        database.close()
        _TEMPLATE.update(folder=folder, books=books)
    return _TEMPLATE["folder"], _TEMPLATE["books"]


def _partner_file(session: Session, entry: Activity, minutes: int) -> ExchangeFile:
    """The partner's file after they changed ``entry`` to ``minutes`` on their computer."""
    record = dict(load(session, ACTIVITY, [entry.id])[entry.id])
    record.update(
        minutes=minutes,
        rev=record["rev"] + 1,
        origin=PARTNER_INSTALLATION,
        updated_at=datetime.now(UTC),
    )
    records: dict[str, list[dict[str, Any]]] = {
        key: [] for key in ("people", "projects", "products", "expenses", "reflections")
    }
    records["certificates"] = []
    records["activities"] = [record]
    return ExchangeFile(
        label="rosa.partnerlog",
        kind="partner",
        format_version=2,
        app_version="test",
        created_at=datetime.now(UTC),
        author_installation=PARTNER_INSTALLATION,
        author_person=entry.person_id,
        author_name="Partner",
        author_role=Role.PARTNER,
        recipient=None,
        protected=False,
        records=records,
    )


class Money(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        folder, self.books = _template()
        self.folder = Path(tempfile.mkdtemp(prefix="money-"))
        for part in folder.iterdir():
            if part.is_file():
                shutil.copy2(part, self.folder / part.name)
        self.database = open_database(self.folder)
        self._context = self.database.session()
        self.session: Session = self._context.__enter__()
        self.entries: list[str] = []
        #: The partner's fields of each locked entry, as they were when it was locked.
        self.locked: dict[str, tuple[Any, ...]] = {}

    def teardown(self) -> None:
        self.session.rollback()
        self.database.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _try(self, call: Any, *args: Any, **kwargs: Any) -> Any:
        """Run one service call as its own step: a refusal changes nothing."""
        before = self._fingerprint()
        try:
            with self.session.begin_nested():
                return call(self.session, *args, **kwargs)
        except InvalidInput:
            assert self._fingerprint() == before
            return None

    def _fingerprint(self) -> tuple[Any, ...]:
        s = self.session
        return (
            s.scalar(select(func.count()).select_from(Payment)),
            s.scalar(select(func.count()).select_from(PaymentEntry)),
            tuple(s.execute(select(Activity.id, Activity.status).order_by(Activity.id))),
        )

    def _entry(self, index: int) -> Activity:
        found = self.session.get(Activity, self.entries[index % len(self.entries)])
        assert found is not None
        return found

    def _person(self, which: bool) -> str:
        return self.books.rosa if which else self.books.ben

    # -- rules --------------------------------------------------------------------------
    @rule(
        rosa=st.booleans(),
        day=st.integers(0, 89),
        minutes=st.integers(1, 240),
        prep=st.sampled_from([0, 15, 25]),
        travel=st.sampled_from([0, 30]),
        sent=st.booleans(),
    )
    def add_entry(
        self, rosa: bool, day: int, minutes: int, prep: int, travel: int, sent: bool
    ) -> None:
        entry = approved(
            self.session,
            self.books,
            self._person(rosa),
            date(2024, 1, 1) + timedelta(days=day),
            minutes,
            prep=prep,
            travel=travel,
            status=ReviewStatus.SUBMITTED if sent else ReviewStatus.APPROVED,
        )
        entry.origin = PARTNER_INSTALLATION  # made on the partner's computer
        self.session.flush()
        self.entries.append(entry.id)

    @precondition(lambda self: self.entries)
    @rule(index=st.integers(0, 100), reject=st.booleans())
    def decide(self, index: int, reject: bool) -> None:
        entry = self._entry(index)
        self._try(review.review, [entry.id], "reject" if reject else "approve", "Not ours")

    @rule(
        rosa=st.booleans(),
        month=st.integers(0, 2),
        amount=st.none() | st.integers(0, 20_000),
        declined=st.booleans(),
    )
    def pay(self, rosa: bool, month: int, amount: int | None, declined: bool) -> None:
        start, end = MONTHS[month]
        self._try(
            payments.record_payment,
            person_id=self._person(rosa),
            project_id=self.books.project_id,
            period_start=start,
            period_end=end,
            amount_minor=amount,
            reason="" if amount is None else "Agreed another amount",
            kind=PaymentKind.COMPENSATION,
            method=PaymentMethod.DECLINED if declined else PaymentMethod.BANK_TRANSFER,
            paid_on=end,
        )

    @precondition(lambda self: self.entries)
    @rule(index=st.integers(0, 100))
    def pay_again(self, index: int) -> None:
        """Paying one entry by id: refused when it is paid already."""
        entry = self._entry(index)
        was_paid = entry.status == ReviewStatus.PAID
        paid = self._try(
            payments.record_payment,
            person_id=entry.person_id,
            project_id=entry.project_id,
            period_start=entry.date,
            period_end=entry.date,
            kind=PaymentKind.COMPENSATION,
            method=PaymentMethod.CHEQUE,
            paid_on=entry.date,
            entry_ids=[entry.id],
        )
        assert not (was_paid and paid is not None)

    @rule(index=st.integers(0, 100))
    def void(self, index: int) -> None:
        live = payments.list_payments(self.session, include_voided=False)
        if live:
            self._try(payments.void_payment, live[index % len(live)].id, "Wrong amount")

    @rule(month=st.integers(0, 2), confirm=st.booleans())
    def close(self, month: int, confirm: bool) -> None:
        start, end = MONTHS[month]
        period = self._try(review.close_period, self.books.project_id, start, end, confirm=confirm)
        if period is not None:
            for entry in self.session.scalars(
                select(Activity).where(Activity.pay_period_id == period.id)
            ):
                self.locked[entry.id] = tuple(getattr(entry, f) for f in LOCKED_FIELDS)

    @precondition(lambda self: self.entries)
    @rule(index=st.integers(0, 100), minutes=st.integers(1, 240))
    def partner_changes_an_entry(self, index: int, minutes: int) -> None:
        entry = self._entry(index)
        doc = _partner_file(self.session, entry, minutes)
        with self.session.begin_nested():
            preview = exchange.preview(self.session, [doc])
            exchange.apply(self.session, preview, confirm=True, backup=False)

    # -- invariants ----------------------------------------------------------------------
    def _live_links(self) -> dict[str, list[PaymentEntry]]:
        links: dict[str, list[PaymentEntry]] = {}
        for link in self.session.scalars(
            select(PaymentEntry).where(PaymentEntry.voided_at.is_(None))
        ):
            links.setdefault(link.activity_id or link.expense_id or "", []).append(link)
        return links

    @invariant()
    def no_entry_is_paid_twice(self) -> None:
        assert all(len(found) == 1 for found in self._live_links().values())

    @invariant()
    def paid_exactly_when_a_live_payment_links_it(self) -> None:
        links = self._live_links()
        for entry in self.session.scalars(select(Activity)):
            assert (entry.status == ReviewStatus.PAID) == (entry.id in links), entry.status

    @invariant()
    def every_amount_follows_the_rate_or_says_why(self) -> None:
        for payment in payments.list_payments(self.session, include_voided=False):
            minutes = sum(
                link.paid_minutes for link in payments.paid_entries(self.session, payment.id)
            )
            if payment.method == PaymentMethod.DECLINED:
                assert payment.amount_minor == 0
            elif payment.amount_minor != amount_for_minutes(RATE, minutes):
                assert payment.reason
            assert payment.amount_minor > 0 or payment.method == PaymentMethod.DECLINED

    @invariant()
    def what_is_owed_is_the_unpaid_approved_time(self) -> None:
        rules = rules_for(self.session, self.books.project_id)
        unpaid = [
            entry
            for entry in self.session.scalars(select(Activity).where(Activity.deleted_at.is_(None)))
            if entry.status == ReviewStatus.APPROVED
        ]
        rows = owed.owed(self.session)
        owed_ids = {entry_id for row in rows for entry_id in row.entry_ids}
        assert owed_ids == {entry.id for entry in unpaid}
        assert sum(row.minutes for row in rows) == sum(rules.paid_minutes(e) for e in unpaid)
        for row in rows:
            entries = [self.session.get(Activity, i) for i in row.entry_ids]
            assert all(e is not None and e.status != ReviewStatus.REJECTED for e in entries)
            assert row.amount_minor == amount_for_minutes(RATE, row.minutes)

    @invariant()
    def a_closed_periods_entries_never_change(self) -> None:
        for entry_id, fields in self.locked.items():
            entry = self.session.get(Activity, entry_id)
            assert entry is not None and entry.pay_period_id is not None
            assert tuple(getattr(entry, f) for f in LOCKED_FIELDS) == fields


Money.TestCase.settings = settings(
    max_examples=20,
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestMoney = Money.TestCase
