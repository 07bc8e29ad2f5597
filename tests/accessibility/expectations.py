"""What a screen reader must hear for each kind of control (used by ``atspi_check.py``)."""

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
#: Names that say nothing about what a control does.
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
}


def meaningful(name: str) -> bool:
    letters = sum(ch.isalpha() for ch in name)
    # A Qt class name ("QPushButton") says nothing; a word that starts with Q ("Quiero") does.
    qt_class = re.fullmatch(r"Q[A-Z]\w*", name.strip()) is not None
    return letters >= 2 and name.strip().lower() not in EMPTY_WORDS and not qt_class
