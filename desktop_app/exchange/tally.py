"""What files would add or change, counted: overall and per person, for the preview."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class Counts:
    new: int = 0
    changed: int = 0
    duplicate: int = 0
    conflict: int = 0
    older: int = 0
    deleted: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)

    def add(self, other: Counts) -> None:
        for key, value in other.__dict__.items():
            setattr(self, key, getattr(self, key) + value)


@dataclass
class Tally:
    """Counts for one file, overall and per person whose records it carried."""

    #: Who records that belong to no one in particular (projects...) are counted for.
    default_person: str = ""
    total: Counts = field(default_factory=Counts)
    by_person: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    #: New records by table key ("activities": 3, "people": 1...), for honest words.
    new_by_table: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def bump(
        self, person_id: str | None, what: str, deleted: bool = False, table: str = ""
    ) -> None:
        if what == "new" and table:
            self.new_by_table[table] += 1
        for counts in (self.total, self.by_person[person_id or self.default_person]):
            setattr(counts, what, getattr(counts, what) + 1)
            if deleted:
                counts.deleted += 1
