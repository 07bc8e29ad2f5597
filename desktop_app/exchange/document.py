"""An exchange file, checked from top to bottom and turned into plain Python records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop_app.exchange import container
from desktop_app.exchange.errors import InvalidContents
from desktop_app.exchange.fields import (
    ID,
    META,
    MOMENT,
    Field,
    check_record,
    choice,
    integer,
    optional,
    text,
)
from desktop_app.exchange.tables import (
    CORRECTION_FIELDS,
    LINK_FIELDS,
    MAX_RECORDS,
    PARTNER_FILE,
    PROJECT_FILE,
    REVIEW_FIELDS,
    REVIEWED,
    Table,
)
from desktop_app.i18n import _
from desktop_app.model import Role

AUTHOR_FIELDS: dict[str, Field] = {
    "installation_id": ID,
    "person_id": ID,
    "name": text(200),
    "role": choice(Role),
}
MANIFEST_FIELDS: dict[str, Field] = {
    "format": text(40),
    "format_version": integer(1, 10_000),
    "app_version": text(40),
    "kind": text(10),
    "created_at": MOMENT,
    "author": Field(lambda v: check_record(v, AUTHOR_FIELDS, _("file author")), lambda v: v),
    "counts": Field(lambda v: v, lambda v: v),
    "recipient": optional(ID),
    "since": optional(MOMENT),
}


@dataclass
class ExchangeFile:
    """A checked exchange file: who made it, for whom, and its records."""

    label: str
    kind: str
    format_version: int
    app_version: str
    created_at: datetime
    author_installation: str
    author_person: str
    author_name: str
    author_role: Role
    recipient: str | None
    protected: bool
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    reviews: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    #: Answers to a partner's changes to paid entries (project files, version 2 on).
    corrections: list[dict[str, Any]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        result = {key: len(rows) for key, rows in self.records.items()}
        result["reviews"] = len(self.reviews)
        if self.corrections:
            result["corrections"] = len(self.corrections)
        return result


def _tables(kind: str) -> tuple[Table, ...]:
    return PARTNER_FILE if kind == "partner" else PROJECT_FILE


def _records(raw: Any, table: Table, version: int) -> list[dict[str, Any]]:
    if not isinstance(raw, list) or len(raw) > MAX_RECORDS:
        raise InvalidContents(_("This file holds too many records, or they are not a list."))
    fields = {**META, **table.fields}
    if version < 2 and table.added:  # brought to the current shape before it is checked
        raw = [{**table.added, **item} if isinstance(item, dict) else item for item in raw]
    rows = [check_record(item, fields, _(table.what)) for item in raw]
    if len({row["id"] for row in rows}) != len(rows):
        raise InvalidContents(_("This file holds the same record twice."))
    return rows


def _plain_list(raw: Any, fields: dict[str, Field], what: str) -> list[dict[str, Any]]:
    if not isinstance(raw, list) or len(raw) > MAX_RECORDS:
        raise InvalidContents(_("This file holds too many records, or they are not a list."))
    return [check_record(item, fields, what) for item in raw]


def _require(condition: bool) -> None:
    if not condition:
        raise InvalidContents(
            _("This file's records do not fit together: some point at records it does not hold.")
        )


def _ids(rows: Iterable[dict[str, Any]]) -> set[str]:
    return {row["id"] for row in rows}


def _check_partner_file(doc: ExchangeFile) -> None:
    people = doc.records["people"]
    if doc.author_role != Role.PARTNER or [p["id"] for p in people] != [doc.author_person]:
        raise InvalidContents(_("This partner file does not say clearly whose records it holds."))
    projects = _ids(doc.records["projects"])
    products = _ids(doc.records["products"])
    _require(all(p["project_id"] in projects for p in doc.records["products"]))
    for key in ("activities", "expenses", "reflections", "certificates"):
        for row in doc.records[key]:
            if row["person_id"] != doc.author_person:
                raise InvalidContents(
                    _("This partner file holds records that belong to someone else.")
                )
            if key != "certificates":
                _require(row["project_id"] in projects)
    _require(all(set(a["product_ids"]) <= products for a in doc.records["activities"]))


def _check_project_file(doc: ExchangeFile) -> None:
    if doc.author_role != Role.COORDINATOR:
        raise InvalidContents(_("This project file does not come from a coordinator."))
    records = doc.records
    people = _ids(records["people"])
    projects = _ids(records["projects"])
    products = _ids(records["products"])
    periods = _ids(records["pay_periods"])
    _require(all(p["project_id"] in projects for p in records["products"]))
    _require(
        all(
            c["product_id"] in products and c["person_id"] in people
            for c in records["contributions"]
        )
    )
    for key in ("pay_periods", "payments"):
        _require(all(row["project_id"] in projects for row in records[key]))
    _require(all(p["person_id"] in people for p in records["payments"]))
    for review in doc.reviews:
        _require(review["table"] in REVIEWED and review["person_id"] in people)
        _require(review["pay_period_id"] is None or review["pay_period_id"] in periods)
    _require(all(link["project_id"] in projects for link in doc.links))
    for answer in doc.corrections:
        _require(answer["table"] in REVIEWED and answer["person_id"] in people)


def parse(manifest: dict[str, Any], data: dict[str, Any], label: str) -> ExchangeFile:
    """Check an unpacked file's manifest and data; refuse anything out of place."""
    head = check_record(manifest, MANIFEST_FIELDS, _("file description"), extra_ok=True)
    kind = head["kind"]
    if kind not in container.KINDS:
        raise InvalidContents(_("This file is neither a partner file nor a project file."))
    author = head["author"]
    doc = ExchangeFile(
        label=label,
        kind=kind,
        format_version=head["format_version"],
        app_version=head["app_version"],
        created_at=head["created_at"],
        author_installation=author["installation_id"],
        author_person=author["person_id"],
        author_name=author["name"],
        author_role=author["role"],
        recipient=head["recipient"],
        protected=manifest.get("protection") is not None,
    )
    tables = _tables(kind)
    expected = {t.key for t in tables} | (
        {"reviews", "project_links"} if kind == "project" else set()
    )
    if set(data) - {"corrections"} != expected or ("corrections" in data and kind != "project"):
        raise InvalidContents(_("This file's contents are not in the Partner Log format."))
    for table in tables:
        doc.records[table.key] = _records(data[table.key], table, doc.format_version)
    if kind == "project":
        doc.reviews = _plain_list(data["reviews"], REVIEW_FIELDS, _("review result"))
        doc.links = _plain_list(data["project_links"], LINK_FIELDS, _("project link"))
        # Files from before format version 2 have no answers to corrections.
        doc.corrections = _plain_list(
            data.get("corrections", []), CORRECTION_FIELDS, _("answer to a correction")
        )
        _check_project_file(doc)
    else:
        _check_partner_file(doc)
    counts = head["counts"]
    if not isinstance(counts, dict) or counts != doc.counts():
        raise InvalidContents(_("This file's list of contents does not match what it holds."))
    return doc


def read_bytes(raw: bytes, passphrase: str | None = None, label: str = "") -> ExchangeFile:
    unpacked = container.unpack(raw, passphrase)
    return parse(unpacked.manifest, unpacked.data, label)


def read_file(path: Path | str, passphrase: str | None = None) -> ExchangeFile:
    """Read and check one exchange file from disk, entirely in memory."""
    path = Path(path)
    return read_bytes(container.read_file_bytes(path), passphrase, path.name)
