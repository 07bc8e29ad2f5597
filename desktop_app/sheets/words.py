"""Words people write in their sheets, in English and Spanish, compared folded:
without case, accents or extra spaces."""

from __future__ import annotations

import re
import unicodedata

from desktop_app.model import ActivityKind, ExpenseCategory

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """ "  Reunión " -> "reunion"."""
    decomposed = unicodedata.normalize("NFKD", str(text).strip())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


#: Words that name a kind of activity (folded), English and Spanish.
KIND_WORDS: dict[str, ActivityKind] = {
    **{
        w: ActivityKind.MEETING
        for w in (
            "meeting",
            "meetings",
            "meet",
            "reunion",
            "reuniones",
            "junta",
            "call",
            "llamada",
            "zoom",
            "encuentro",
        )
    },
    **{
        w: ActivityKind.PREPARATION
        for w in (
            "prep",
            "preparation",
            "preparing",
            "preparacion",
            "preparar",
            "reading",
            "lectura",
            "leer",
        )
    },
    **{
        w: ActivityKind.REVIEWING
        for w in (
            "review",
            "reviewing",
            "revision",
            "revisiones",
            "revisar",
            "feedback",
            "comentarios",
        )
    },
    **{
        w: ActivityKind.WRITING
        for w in ("writing", "write", "escritura", "redaccion", "escribir", "redactar")
    },
    **{
        w: ActivityKind.PRESENTING
        for w in (
            "talk",
            "talks",
            "charla",
            "charlas",
            "presentation",
            "presenting",
            "presentacion",
            "ponencia",
            "webinar",
        )
    },
    **{w: ActivityKind.SURVEY for w in ("survey", "encuesta", "questionnaire", "cuestionario")},
    **{w: ActivityKind.COMMITTEE for w in ("committee", "comite", "board", "consejo")},
    **{
        w: ActivityKind.TRAINING
        for w in ("training", "formacion", "capacitacion", "course", "curso", "taller", "workshop")
    },
    **{w: ActivityKind.OUTREACH for w in ("outreach", "difusion", "divulgacion")},
    **{w: ActivityKind.TRAVEL for w in ("travel", "viaje", "desplazamiento")},
}

#: Words that name a kind of cost (folded), English and Spanish.
CATEGORY_WORDS: dict[str, ExpenseCategory] = {
    **{
        w: ExpenseCategory.MILEAGE
        for w in (
            "mileage",
            "km",
            "kilometraje",
            "kilometros",
            "millas",
            "gas",
            "gasolina",
            "driving",
        )
    },
    **{
        w: ExpenseCategory.PARKING
        for w in ("parking", "estacionamiento", "aparcamiento", "parqueo", "parqueadero")
    },
    **{
        w: ExpenseCategory.TRANSIT
        for w in (
            "transit",
            "bus",
            "taxi",
            "train",
            "tren",
            "autobus",
            "transporte",
            "metro",
            "uber",
        )
    },
    **{
        w: ExpenseCategory.CAREGIVER
        for w in ("caregiver", "childcare", "cuidador", "cuidadora", "guarderia", "respite")
    },
    **{w: ExpenseCategory.INTERNET_PHONE for w in ("internet", "phone", "telefono", "datos")},
    **{
        w: ExpenseCategory.MEALS
        for w in (
            "meals",
            "meal",
            "food",
            "comida",
            "almuerzo",
            "lunch",
            "cena",
            "dinner",
            "desayuno",
            "breakfast",
        )
    },
}

#: Words that start a total or subtotal row (folded).
TOTAL_WORDS = frozenset({"total", "totals", "subtotal", "sub", "totales", "suma", "sum"})
