"""What a screen reader must hear for each kind of control, and which page some tour
stops must reach (used by ``atspi_check.py``, under the system Python: standard library
only)."""

from __future__ import annotations

import re

#: The AT-SPI role each kind of Qt control must have.
ROLES = {
    "button": {"push button"},
    "tile": {"radio button"},
    "toggle": {"check box", "toggle button"},
    "check box": {"check box"},
    "combo box": {"combo box"},
    "spin button": {"spin button"},
    "text": {"text", "entry"},
    "password": {"password text"},
    "table": {"table"},
    "list": {"list"},
    "slider": {"slider"},
    "problem summary": {"panel"},
    # "Is CAD 1,250.00 right?": a named, bordered box that takes the keyboard and is
    # announced, like the problem summary, with its two answers inside.
    "question box": {"panel"},
}
#: Roles of fields, whose name must say what to enter (it is their visible label).
FIELD_ROLES = {"text", "entry", "password text", "spin button", "combo box", "slider"}
#: Names that say nothing about what a control does, in every language the app ships.
EMPTY_WORDS = {
    "button",
    "push button",
    "edit",
    "field",
    "input",
    "text",
    "box",
    "combo box",
    "spin box",
    "ok",
    "click here",
    "here",
    "more",
    "link",
    "untitled",
    # Spanish
    "botón",
    "editar",
    "campo",
    "entrada",
    "texto",
    "cuadro",
    "cuadro combinado",
    "aceptar",
    "haga clic aquí",
    "aquí",
    "más",
    "enlace",
    "sin título",
}

#: The page a stop must reach, by its heading in English (the catalogue's msgid) and the
#: values put into it; the check translates it into the language under test. A tour step
#: that went wrong (a sheet not read, a question not answered) would otherwise show
#: another page, and that page would be checked instead without a word.
STOP_TITLES: dict[str, tuple[str, dict[str, str]]] = {
    "old-records-1-file": ("Bring in old records", {}),
    "old-records-2-sheet": ("Which sheet has your records?", {}),
    "old-records-2b-date-order": (
        "Is {example} the day first, or the month first?",
        {"example": "04/03/2021"},
    ),
    "old-records-2c-unit": (
        "Are the numbers in \u201c{header}\u201d hours or minutes?",
        {"header": "Time"},
    ),
    "old-records-3-columns": ("Which column holds what?", {}),
    "old-records-3b-no-date": ("Which column holds what?", {}),
    "old-records-4-preview": ("Check what will be added", {}),
    "old-records-5-confirm": ("Add these records?", {}),
    "old-records-6-done": ("Your old records are in", {}),
    "old-records-6b-undone": ("They are taken out again", {}),
    "coordinator-old-records-1-file": ("Bring in old records", {}),
    "coordinator-old-records-4-preview": ("Check what will be added", {}),
    "coordinator-old-records-5-confirm": ("Add these records?", {}),
}
#: Stops that show the problem summary: it must have the keyboard, so it is said first.
PROBLEM_STOPS = {"old-records-3b-no-date"}


def meaningful(name: str) -> bool:
    letters = sum(ch.isalpha() for ch in name)
    # A Qt class name ("QPushButton") says nothing; a word that starts with Q ("Quiero") does.
    qt_class = re.fullmatch(r"Q[A-Z]\w*", name.strip()) is not None
    return letters >= 2 and name.strip().lower() not in EMPTY_WORDS and not qt_class
