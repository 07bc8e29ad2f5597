"""The answers given so far in "Add my time", and how they are kept as a draft."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import Any

from desktop_app.i18n import _
from desktop_app.model import ActivityKind

DRAFT_NAME = "add_time"

#: Tiles on the first page, in the order people most often need them.
KIND_ICONS: dict[ActivityKind, str] = {
    ActivityKind.MEETING: "meeting",
    ActivityKind.REVIEWING: "reviewing",
    ActivityKind.PREPARATION: "preparation",
    ActivityKind.WRITING: "writing",
    ActivityKind.PRESENTING: "presenting",
    ActivityKind.SURVEY: "survey",
    ActivityKind.COMMITTEE: "committee",
    ActivityKind.TRAINING: "training",
    ActivityKind.OUTREACH: "outreach",
    ActivityKind.TRAVEL: "travel",
    ActivityKind.OTHER: "other",
}


def kind_hint(kind: ActivityKind) -> str:
    hints = {
        ActivityKind.MEETING: _("With the team, on video, by phone or in person"),
        ActivityKind.REVIEWING: _("Reading and commenting on a draft"),
        ActivityKind.PREPARATION: _("Reading before a meeting"),
        ActivityKind.WRITING: _("Writing on your own or with others"),
        ActivityKind.PRESENTING: _("Speaking to a group"),
    }
    return hints.get(kind, "")


@dataclass
class TimeAnswers:
    kind: str | None = None
    day: str | None = None
    minutes: int | None = None
    prep_minutes: int = 0
    travel_minutes: int = 0
    project_id: str | None = None
    note: str = ""
    product_id: str | None = None
    #: Set once "Anything to add?" was answered "No, that is all".
    extras_done: bool = False
    #: Set when changing an entry that is already saved.
    editing_id: str | None = None

    @property
    def date(self) -> date | None:
        return date.fromisoformat(self.day) if self.day else None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TimeAnswers:
        known = {f.name for f in fields(cls)}
        answers = cls(**{k: v for k, v in data.items() if k in known})
        try:
            if answers.kind is not None:
                ActivityKind(answers.kind)
            if answers.day is not None:
                date.fromisoformat(answers.day)
        except (TypeError, ValueError):
            return cls()
        return answers

    def is_empty(self) -> bool:
        return self == TimeAnswers()
