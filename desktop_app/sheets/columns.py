"""Which column is which: guessed from the header words (English and Spanish), then
from the values, and changeable by the person."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from desktop_app.errors import InvalidInput
from desktop_app.i18n import N_, _
from desktop_app.model.enums import StrEnum
from desktop_app.sheets.reading import Row
from desktop_app.sheets.values import Unit, looks_like_date, looks_like_time
from desktop_app.sheets.words import fold, words


class Field(StrEnum):
    DATE = "date"
    PERSON = "person"
    PROJECT = "project"
    KIND = "kind"
    #: A length of time whose header says neither hours nor minutes ("Time", "Tiempo").
    TIME = "time"
    HOURS = "hours"
    MINUTES = "minutes"
    PREP_HOURS = "prep_hours"
    PREP_MINUTES = "prep_minutes"
    TRAVEL_HOURS = "travel_hours"
    TRAVEL_MINUTES = "travel_minutes"
    NOTE = "note"
    AMOUNT = "amount"
    CATEGORY = "category"


#: What each field is called on screen.
FIELD_NAMES: dict[Field, str] = {
    Field.DATE: N_("Date"),
    Field.PERSON: N_("Person"),
    Field.PROJECT: N_("Project"),
    Field.KIND: N_("What was done"),
    Field.TIME: N_("Time"),
    Field.HOURS: N_("Hours"),
    Field.MINUTES: N_("Minutes"),
    Field.PREP_HOURS: N_("Hours getting ready"),
    Field.PREP_MINUTES: N_("Minutes getting ready"),
    Field.TRAVEL_HOURS: N_("Hours of travel"),
    Field.TRAVEL_MINUTES: N_("Minutes of travel"),
    Field.NOTE: N_("Note"),
    Field.AMOUNT: N_("Cost"),
    Field.CATEGORY: N_("Kind of cost"),
}

#: The time fields, with the unit a bare number in them counts.
TIME_FIELDS: dict[Field, Unit | None] = {
    Field.TIME: None,
    Field.HOURS: Unit.HOURS,
    Field.MINUTES: Unit.MINUTES,
    Field.PREP_HOURS: Unit.HOURS,
    Field.PREP_MINUTES: Unit.MINUTES,
    Field.TRAVEL_HOURS: Unit.HOURS,
    Field.TRAVEL_MINUTES: Unit.MINUTES,
}

_DATE = {"date", "fecha", "day", "dia", "when", "cuando"}
_PERSON = {
    "partner",
    "name",
    "nombre",
    "person",
    "persona",
    "who",
    "quien",
    "participante",
    "payee",
    "beneficiario",
}
_PROJECT = {"project", "proyecto", "study", "estudio"}
_KIND = {"activity", "what", "actividad", "type", "tipo", "task", "tarea", "que", "kind"}
_NOTE = {
    "notes",
    "note",
    "notas",
    "nota",
    "comments",
    "comment",
    "comentarios",
    "description",
    "descripcion",
    "details",
    "detalles",
    "observaciones",
}
_AMOUNT = {
    "cost",
    "costs",
    "gasto",
    "gastos",
    "amount",
    "importe",
    "expense",
    "expenses",
    "monto",
    "coste",
    "costo",
    "cantidad",
}
_CATEGORY = {"category", "categoria"}
_HOURS = {"hours", "hour", "hrs", "hr", "h", "horas", "hora"}
_MINUTES = {"minutes", "minute", "mins", "min", "minutos", "minuto"}
_TIME = {"time", "tiempo", "duration", "duracion", "length"}
_PREP = {"preparation", "prep", "preparacion", "preparing", "ready"}
_TRAVEL = {"travel", "viaje", "traveling", "travelling", "desplazamiento"}


def unit_for_header(header: str) -> Unit | None:
    """The unit a header's words name: hours, minutes, or None."""
    found = set(words(header))
    if found & _HOURS:
        return Unit.HOURS
    if found & _MINUTES:
        return Unit.MINUTES
    return None


def field_for_header(header: str) -> Field | None:
    """The field a header names, or None."""
    found = set(words(header))
    if not found:
        return None
    unit = unit_for_header(header)
    if found & _PREP:
        return Field.PREP_MINUTES if unit == Unit.MINUTES else Field.PREP_HOURS
    if found & _TRAVEL:
        return Field.TRAVEL_MINUTES if unit == Unit.MINUTES else Field.TRAVEL_HOURS
    if unit is not None and not found & (_AMOUNT | _DATE):
        return Field.HOURS if unit == Unit.HOURS else Field.MINUTES
    for words_of, wanted in (
        (_DATE, Field.DATE),
        (_NOTE, Field.NOTE),  # before the amount: "Reason for the amount" is a note
        (_AMOUNT, Field.AMOUNT),
        (_CATEGORY, Field.CATEGORY),
        (_PROJECT, Field.PROJECT),
        (_PERSON, Field.PERSON),
        (_KIND, Field.KIND),
        (_TIME, Field.TIME),
    ):
        if found & words_of:
            return wanted
    return None


@dataclass
class Columns:
    """Which column (0-based) each field is in, and what was only guessed."""

    header: list[str]
    where: dict[Field, int] = field(default_factory=dict)
    #: Fields found from the values, not the header: the person should check them.
    guessed: set[Field] = field(default_factory=set)
    #: What a bare number counts in each time column (None: not known, so ask).
    units: dict[Field, Unit | None] = field(default_factory=dict)

    def unit_of(self, wanted: Field) -> Unit | None:
        if wanted in self.units:
            return self.units[wanted]
        return TIME_FIELDS.get(wanted)

    @property
    def sure(self) -> bool:
        has_time = any(f in self.where for f in TIME_FIELDS)
        return (
            Field.DATE in self.where
            and (has_time or Field.AMOUNT in self.where)
            and not self.guessed
        )

    def header_of(self, wanted: Field) -> str:
        return self.header[self.where[wanted]] if wanted in self.where else ""

    def as_dict(self) -> dict[str, str]:
        return {f.value: self.header_of(f) for f in Field if f in self.where}


def _column_values(rows: Sequence[Row], index: int) -> list[object]:
    return [row[index] for row in rows if index < len(row) and row[index] not in (None, "")]


def guess_columns(header: Sequence[str], rows: Sequence[Row]) -> Columns:
    """Each field's column, from the header words first, then from the values."""
    columns = Columns(list(header))
    for index, name in enumerate(header):
        found = field_for_header(name)
        if found is not None and found not in columns.where:
            columns.where[found] = index
            if found in TIME_FIELDS:
                columns.units[found] = unit_for_header(name)
    free = [i for i in range(len(header)) if i not in columns.where.values()]
    sample = list(rows[:50])
    if Field.DATE not in columns.where:
        for index in free:
            values = _column_values(sample, index)
            if values and sum(looks_like_date(v) for v in values) >= 0.8 * len(values):  # type: ignore[arg-type]
                columns.where[Field.DATE] = index
                columns.guessed.add(Field.DATE)
                free.remove(index)
                break
    if not any(f in columns.where for f in TIME_FIELDS):
        for index in free:
            values = _column_values(sample, index)
            if values and sum(looks_like_time(v) for v in values) >= 0.8 * len(values):  # type: ignore[arg-type]
                columns.where[Field.TIME] = index
                columns.units[Field.TIME] = unit_for_header(header[index])
                columns.guessed.add(Field.TIME)
                break
    return columns


def with_choices(columns: Columns, chosen: Mapping[Field, str | None]) -> Columns:
    """``columns`` with the person's own choices: a header name for a field, or None
    (or "") for "no column"."""
    result = Columns(columns.header, dict(columns.where), set(columns.guessed), dict(columns.units))
    folded = [fold(name) for name in columns.header]
    for wanted, header in chosen.items():
        result.guessed.discard(wanted)
        if not header:
            result.where.pop(wanted, None)
            continue
        if fold(header) not in folded:
            raise InvalidInput(
                _("This sheet has no column called \u201c{header}\u201d.").format(header=header),
                _("Its columns are: {names}.").format(
                    names=", ".join(name for name in columns.header if name)
                ),
                field="columns",
            )
        index = folded.index(fold(header))
        for other, at in list(result.where.items()):
            if at == index and other != wanted:
                del result.where[other]
        result.where[wanted] = index
        if wanted in TIME_FIELDS:
            result.units[wanted] = unit_for_header(header) or TIME_FIELDS[wanted]
    return result
