"""Contribution certificates: issue one for exact records, and check a code later.

A certificate covers one person's live time entries and product contributions in the
chosen projects and period. Its *digest* is the SHA-256 of a canonical serialisation of
those records (ids, revisions, dates, minutes, kinds, products...), together with the
scope itself. Its *code* ("PL-XXXX-XXXX-XXXX") is taken from the digest and written in
Crockford's base-32 alphabet, which has no I, L, O or U, so it survives being read
aloud or typed by hand. 12 symbols carry 60 bits.

The partner's own ``rev`` is part of the digest; the coordinator's review (status,
``review_rev``) is not, so approving or paying an entry does not void a certificate.
Rejected time counts nowhere, so a rejected entry is not covered: rejecting one after
the certificate was issued makes its code "changed".

Checking a code finds the issued certificate, recomputes the digest from today's
records and says whether it still matches. Any covered record changed, deleted or added
since the certificate was issued makes it "changed".
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.errors import InvalidInput
from desktop_app.i18n import _
from desktop_app.model import (
    Activity,
    Certificate,
    Person,
    Product,
    ProductContribution,
    Project,
    new_id,
)
from desktop_app.services import lifecycle
from desktop_app.services.rounding import hours_tenths
from desktop_app.services.scope import counted_entries, products_in_scope
from desktop_app.services.summaries import summarise
from desktop_app.services.validation import check_period

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "PL"
GROUPS = 3
GROUP_SIZE = 4
SCHEME = 1
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


class Verdict(enum.StrEnum):
    MATCHED = "matched"
    CHANGED = "changed"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Verification:
    """What a code says: whose certificate, for which period, with which figures."""

    verdict: Verdict
    code: str
    person_name: str = ""
    period_start: date | None = None
    period_end: date | None = None
    figures: dict[str, Any] | None = None
    issued_on: date | None = None

    @property
    def matched(self) -> bool:
        return self.verdict == Verdict.MATCHED

    @property
    def shown_period(self) -> tuple[date | None, date | None]:
        """The period as the certificate prints it: the dates asked for, or else the
        first and last dates of the records it covers."""
        figures = self.figures or {}
        first, last = figures.get("first_date"), figures.get("last_date")
        return (
            self.period_start or (date.fromisoformat(first) if first else None),
            self.period_end or (date.fromisoformat(last) if last else None),
        )


def _covered_activities(
    session: Session,
    person_id: str,
    project_ids: Sequence[str],
    start: date | None,
    end: date | None,
) -> list[Activity]:
    query = select(Activity).where(
        counted_entries(Activity, person_id, None, start, end), Activity.project_id.in_(project_ids)
    )
    return list(session.scalars(query.order_by(Activity.id)))


def covered_products(
    session: Session,
    person_id: str,
    project_ids: Sequence[str],
    start: date | None,
    end: date | None,
) -> list[tuple[ProductContribution, Product]]:
    """The person's live contributions to live products in scope (as the summaries count)."""
    query = (
        select(ProductContribution, Product)
        .join(Product, Product.id == ProductContribution.product_id)
        .where(
            ProductContribution.deleted_at.is_(None),
            ProductContribution.person_id == person_id,
            products_in_scope(start=start, end=end),
            Product.project_id.in_(project_ids),
        )
    )
    rows = session.execute(query.order_by(Product.title, Product.id)).all()
    return [(contribution, product) for contribution, product in rows]


def _projects_with_records(
    session: Session, person_id: str, start: date | None, end: date | None
) -> list[str]:
    live = [p.id for p in session.scalars(select(Project).where(Project.deleted_at.is_(None)))]
    found = {a.project_id for a in _covered_activities(session, person_id, live, start, end)}
    found |= {p.project_id for _c, p in covered_products(session, person_id, live, start, end)}
    return sorted(found)


def digest_of(
    session: Session,
    person_id: str,
    project_ids: Sequence[str],
    start: date | None,
    end: date | None,
) -> str:
    """The SHA-256 (hex) of the covered records and the scope, serialised canonically."""
    records = {
        "scheme": SCHEME,
        "person": person_id,
        "projects": sorted(project_ids),
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
        "activities": [
            [a.id, a.rev, a.project_id, a.date.isoformat(), a.kind.value, a.minutes]
            + [a.prep_minutes, a.travel_minutes]
            for a in _covered_activities(session, person_id, project_ids, start, end)
        ],
        "products": [
            [c.id, c.rev, p.id, p.rev, p.engagement.value, p.title]
            + [p.completed_on.isoformat() if p.completed_on else None]
            for c, p in covered_products(session, person_id, project_ids, start, end)
        ],
    }
    canonical = json.dumps(records, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def code_from(digest: str, salt: int = 0) -> str:
    """The short code for a digest: "PL-" and three groups of four base-32 symbols."""
    source = (
        hashlib.sha256(f"{digest}:{salt}".encode("ascii")).digest()
        if salt
        else bytes.fromhex(digest)
    )
    bits = int.from_bytes(source[:8], "big") >> 4  # the first 60 bits
    symbols = []
    for _i in range(GROUPS * GROUP_SIZE):
        bits, index = divmod(bits, 32)
        symbols.append(ALPHABET[index])
    body = "".join(reversed(symbols))
    groups = [body[i : i + GROUP_SIZE] for i in range(0, len(body), GROUP_SIZE)]
    return "-".join([PREFIX, *groups])


def normalise_code(code: str) -> str | None:
    """A code as typed ("pl 1a2b-...", with O for 0...) in its printed form, or None."""
    squeezed = "".join(ch for ch in code.upper() if ch.isalnum())
    if squeezed.startswith(PREFIX) and len(squeezed) == len(PREFIX) + GROUPS * GROUP_SIZE:
        squeezed = squeezed[len(PREFIX) :]
    squeezed = squeezed.translate(_READ_AS)
    if len(squeezed) != GROUPS * GROUP_SIZE or any(ch not in ALPHABET for ch in squeezed):
        return None
    groups = [squeezed[i : i + GROUP_SIZE] for i in range(0, len(squeezed), GROUP_SIZE)]
    return "-".join([PREFIX, *groups])


def _figures(
    session: Session,
    person_id: str,
    project_ids: Sequence[str],
    start: date | None,
    end: date | None,
) -> dict[str, Any]:
    """The printed figures, summed over the projects (each counts its own meetings)."""
    parts = [summarise(session, person_id, pid, start, end) for pid in project_ids]
    firsts = [s.first_date for s in parts if s.first_date]
    lasts = [s.last_date for s in parts if s.last_date]
    minutes = sum(s.total_minutes for s in parts)
    names = {
        p.id: p.name for p in session.scalars(select(Project).where(Project.id.in_(project_ids)))
    }
    return {
        "total_minutes": minutes,
        "hours": float(hours_tenths(minutes)),
        "meetings": sum(s.meetings for s in parts),
        "products": sum(s.products for s in parts),
        "entries": sum(s.entries for s in parts),
        "first_date": min(firsts).isoformat() if firsts else None,
        "last_date": max(lasts).isoformat() if lasts else None,
        "projects": [names[pid] for pid in sorted(project_ids, key=lambda i: names[i].casefold())],
        "product_list": [
            {"title": p.title, "engagement": p.engagement.value}
            for _c, p in covered_products(session, person_id, project_ids, start, end)
        ],
    }


def issue_certificate(
    session: Session,
    person_id: str,
    start: date | None = None,
    end: date | None = None,
    project_ids: Sequence[str] | None = None,
) -> Certificate:
    """Issue (or find again) the certificate for a person's records in scope.

    Without ``project_ids``, every project the person has records in (in the period) is
    covered. Issuing again for identical records returns the same certificate.
    """
    person = lifecycle.get_live(session, Person, person_id, _("person"))
    check_period(start, end)
    if project_ids is None:
        chosen = _projects_with_records(session, person.id, start, end)
    else:
        chosen = sorted(
            {lifecycle.get_live(session, Project, pid, _("project")).id for pid in project_ids}
        )
    session.flush()
    figures = _figures(session, person.id, chosen, start, end) if chosen else None
    if not figures or (not figures["entries"] and not figures["products"]):
        raise InvalidInput(
            _("There is no time or product to put on a certificate for these dates."),
            _("Choose other dates, or add your time first."),
        )
    digest = digest_of(session, person.id, chosen, start, end)
    existing = session.scalar(
        select(Certificate).where(
            Certificate.digest == digest,
            Certificate.person_id == person.id,
            Certificate.deleted_at.is_(None),
        )
    )
    if existing is not None:
        return existing
    salt = 0
    code = code_from(digest)
    while session.scalar(select(Certificate.id).where(Certificate.code == code)) is not None:
        salt += 1  # another certificate already has this code: vanishingly rare
        code = code_from(digest, salt)
    certificate = Certificate(
        id=new_id(),
        person_id=person.id,
        code=code,
        digest=digest,
        period_start=start,
        period_end=end,
        project_ids=chosen,
        figures=figures,
        issued_on=clock.today(),
    )
    lifecycle.stamp_new(session, certificate)
    session.flush()
    return certificate


def verify_code(session: Session, code: str) -> Verification:
    """Check a printed code against today's records: matched, changed or unknown."""
    printed = normalise_code(code)
    if printed is None:
        return Verification(Verdict.UNKNOWN, code.strip())
    certificate = session.scalar(
        select(Certificate).where(Certificate.code == printed, Certificate.deleted_at.is_(None))
    )
    if certificate is None:
        return Verification(Verdict.UNKNOWN, printed)
    person = session.get(Person, certificate.person_id)
    session.flush()
    now = digest_of(
        session,
        certificate.person_id,
        certificate.project_ids,
        certificate.period_start,
        certificate.period_end,
    )
    return Verification(
        Verdict.MATCHED if now == certificate.digest else Verdict.CHANGED,
        printed,
        person_name=person.display_name if person else "",
        period_start=certificate.period_start,
        period_end=certificate.period_end,
        figures=dict(certificate.figures),
        issued_on=certificate.issued_on,
    )
