"""A stable fingerprint per row, made from what the row says (never from the file), so
the same sheet brought in again, even a copy saved anew, adds nothing."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.model import SheetRow


def clean_note(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def fingerprint(
    kind: str, day: date, person: str, size: int, what: str, note: str, nth: int
) -> str:
    """The fingerprint of the ``nth`` row (from 0) of a sheet that says exactly this:
    ``kind`` "time" or "cost", the day, the person's id, the minutes (or cents), the kind
    of activity (or cost) and the note."""
    said = [kind, day.isoformat(), person, size, what, clean_note(note), nth]
    return hashlib.sha256(json.dumps(said, ensure_ascii=False).encode()).hexdigest()


def already_here(session: Session, fingerprints: Iterable[str]) -> set[str]:
    """Those of ``fingerprints`` that an earlier import (not undone) brought in."""
    wanted = list(dict.fromkeys(fingerprints))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(
            session.scalars(select(SheetRow.fingerprint).where(SheetRow.fingerprint.in_(chunk)))
        )
    return found
