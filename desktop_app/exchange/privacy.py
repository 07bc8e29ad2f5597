"""What a project file may hold about people: its own partner's records, and no one else's.

A project file is addressed to one partner. It carries that partner's own person record,
the reviews of their entries (with the coordinator's notes and questions), the answers
to their changes, and their payments. Everything else in it is shared project data:
projects, the product catalogue and pay periods. Other people appear only as the display
name of a co-contributor on a product the partner helped make.

``for_partner`` cuts a project file's contents down to that. The coordinator's export
runs it on every file it makes, and a partner's app runs it again on every file it
opens: a file from an older version, which held every partner, leaves nothing of the
others behind. A table added later whose records name a person (``Table.person_field``)
is kept to the partner's own records without any change here; one that names no person
keeps only rows that point at the partner's own payments (``payment_id``), and nothing
at all otherwise, until a rule for it is written here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop_app.exchange.tables import (
    ALL_TABLES,
    CONTRIBUTION,
    PAY_PERIOD,
    PAYMENT,
    PERSON,
    PRODUCT,
    PROJECT,
)
from desktop_app.model import PaymentChoice

#: Shared project data: about the project, never about a person.
SHARED = frozenset({PROJECT.key, PRODUCT.key, PAY_PERIOD.key})
#: The fields a co-contributor's person record keeps: enough to name them on a product.
_CO_CONTRIBUTOR_BLANKS: dict[str, Any] = {
    "preferred_name": "",
    "contact": "",
    "payment_choice": PaymentChoice.PAID,
}


@dataclass
class PartnerView:
    """A project file's contents, cut down to what one partner may see."""

    records: dict[str, list[dict[str, Any]]]
    reviews: list[dict[str, Any]]
    corrections: list[dict[str, Any]]
    #: Records about other people that were left out (or cut down to a display name).
    left_out: int = 0


def _own_products(contributions: list[dict[str, Any]], person_id: str) -> set[str]:
    return {
        c["product_id"]
        for c in contributions
        if c["person_id"] == person_id and c["deleted_at"] is None
    }


def _co_contributor(person: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """A co-contributor's record, cut down to a display name; True if anything went."""
    trimmed = {**person, **_CO_CONTRIBUTOR_BLANKS}
    return trimmed, trimmed != person


def for_partner(
    records: dict[str, list[dict[str, Any]]],
    reviews: list[dict[str, Any]],
    corrections: list[dict[str, Any]],
    person_id: str,
) -> PartnerView:
    """Only what a project file for ``person_id`` may hold; counts what was left out."""
    left_out = 0
    contributions = records.get(CONTRIBUTION.key, [])
    mine = _own_products(contributions, person_id)
    kept_contributions = []
    for row in contributions:
        if row["person_id"] == person_id or row["product_id"] in mine:
            kept_contributions.append(row)
        else:
            left_out += 1
    named = {c["person_id"] for c in kept_contributions} - {person_id}
    paid = {p["id"] for p in records.get(PAYMENT.key, []) if p["person_id"] == person_id}
    result: dict[str, list[dict[str, Any]]] = {}
    for key, rows in records.items():
        if key == CONTRIBUTION.key:
            result[key] = kept_contributions
            continue
        if key == PERSON.key:
            people = []
            for person in rows:
                if person["id"] == person_id:
                    people.append(person)
                elif person["id"] in named:
                    trimmed, changed = _co_contributor(person)
                    people.append(trimmed)
                    left_out += changed
                else:
                    left_out += 1
            result[key] = people
            continue
        if key in SHARED:
            result[key] = list(rows)
            continue
        table = ALL_TABLES.get(key)
        field = table.person_field if table is not None else None
        if field is not None:
            own = [row for row in rows if row[field] == person_id]
        else:  # e.g. rows linking payments to entries: only those of the partner's payments
            own = [row for row in rows if row.get("payment_id") in paid]
        left_out += len(rows) - len(own)
        result[key] = own
    own_reviews = [r for r in reviews if r["person_id"] == person_id]
    own_answers = [c for c in corrections if c["person_id"] == person_id]
    left_out += len(reviews) - len(own_reviews) + len(corrections) - len(own_answers)
    return PartnerView(result, own_reviews, own_answers, left_out)


def shared_products(records: dict[str, list[dict[str, Any]]], person_id: str) -> int:
    """How many products ``person_id`` helped make, by the file's contributions."""
    return len(_own_products(records.get(CONTRIBUTION.key, []), person_id))
