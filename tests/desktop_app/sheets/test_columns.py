"""Guessing which column is which, in English and Spanish, and changing the guess."""

from __future__ import annotations

import pytest

from desktop_app.errors import InvalidInput
from desktop_app.sheets.columns import Field, guess_columns, with_choices
from desktop_app.sheets.values import Unit


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            ["Date", "Hours", "Partner", "What", "Notes", "Preparation (min)", "Travel hours"],
            [
                Field.DATE,
                Field.HOURS,
                Field.PERSON,
                Field.KIND,
                Field.NOTE,
                Field.PREP_MINUTES,
                Field.TRAVEL_HOURS,
            ],
        ),
        (
            [
                "Fecha",
                "Minutos",
                "Nombre",
                "Actividad",
                "Notas",
                "Preparación",
                "Viaje",
                "Proyecto",
                "Gasto",
                "Categoría",
            ],
            [
                Field.DATE,
                Field.MINUTES,
                Field.PERSON,
                Field.KIND,
                Field.NOTE,
                Field.PREP_HOURS,
                Field.TRAVEL_HOURS,
                Field.PROJECT,
                Field.AMOUNT,
                Field.CATEGORY,
            ],
        ),
    ],
)
def test_header_words_in_both_languages(header: list[str], expected: list[Field]) -> None:
    columns = guess_columns(header, [])
    assert [columns.where[f] for f in expected] == list(range(len(header)))
    assert columns.sure


def test_a_preparation_column_without_a_unit_does_not_say_one() -> None:
    columns = guess_columns(["Fecha", "Horas", "Preparación"], [])
    assert columns.unit_of(Field.HOURS) == Unit.HOURS
    assert columns.unit_of(Field.PREP_HOURS) is None


def test_columns_are_guessed_from_their_values_when_the_names_say_nothing() -> None:
    rows: list[list[object]] = [["2021-03-04", "1:30", "x"], ["2021-03-05", "2 h", "y"]]
    columns = guess_columns(["Día?", "Cuánto", "Otra"], rows)
    assert columns.where[Field.DATE] == 0
    assert columns.where[Field.TIME] == 1
    assert not columns.sure  # guessed from values: the person is shown the guess


def test_the_person_can_change_the_guess() -> None:
    columns = guess_columns(["Date", "Hours", "Extra"], [])
    changed = with_choices(columns, {Field.HOURS: "extra", Field.NOTE: None})
    assert changed.where[Field.HOURS] == 2
    with pytest.raises(InvalidInput, match="Date, Hours, Extra"):
        with_choices(columns, {Field.HOURS: "Tiempo"})
