"""The three tasks done with AT-SPI actions alone (no mouse, no keys): record a 1-hour
meeting today, change it to 1½ hours, delete it and undo, reading the records file
(read-only) after each step to prove it happened. Used by ``atspi_check.py`` under the
system Python.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from accessible_tree import (  # beside this module
    children,
    current_page,
    find,
    wait_for_page,
    walk,
)
from catalogue import Catalogue
from running_app import SETTLE_TIMEOUT, App, Failure


def press(app: App, role: str, name: str, then: str) -> Any:
    """Do the control's own action (as a screen reader's "activate" does)."""
    node = find(app, role, name)
    action = node.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    wanted = next((i for i, n in enumerate(names) if n in ("Press", "press", "Toggle")), 0)
    if not action.doAction(wanted):
        raise Failure(f"{name!r} refused its action {names[wanted]!r}")
    return wait_for_page(app, then)


def choose_row(app: App, cells: list[str], records_name: str) -> None:
    """Select the entry of "My records" that reads ``cells``: in the table, the row whose
    first cells end with them; in the list of cards, the card whose name holds them."""
    records = None
    deadline = time.monotonic() + SETTLE_TIMEOUT
    while records is None and time.monotonic() < deadline:
        page = current_page(app)
        for node in walk(page) if page is not None else []:
            if node.getRoleName() in ("table", "list") and node.name == records_name:
                records = node
                break
        else:
            time.sleep(0.05)
    if records is None:
        raise Failure(f"My records shows neither a table nor a list called {records_name!r}")
    if records.getRoleName() == "list":
        for number, card in enumerate(children(records)):
            lines = [line.strip() for line in str(card.name).split(". ")]
            if (
                len(lines) > len(cells)
                and all(line.endswith(cell) for line, cell in zip(lines, cells, strict=False))
                and lines[len(cells) - 1] == cells[-1]  # "1 hour" is not "1 hour 30 minutes"
            ):
                if not records.querySelection().selectChild(number):
                    raise Failure(f"card {number} of the records could not be selected")
                return
        raise Failure(f"no card in My records reads {cells}")
    table = records.queryTable()
    for row in range(table.nRows):
        texts = [table.getAccessibleAt(row, col).name for col in range(len(cells))]
        if all(text.endswith(cell) for text, cell in zip(texts, cells, strict=True)):
            if not table.addRowSelection(row):
                raise Failure(f"row {row} of the records could not be selected")
            return
    raise Failure(f"no row in My records reads {cells}")


def rows(database: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        return db.execute(sql, args).fetchall()


def eventually(check: Callable[[], bool], problem: str) -> None:
    """Wait for ``check`` to hold (an action's effect may take a moment)."""
    deadline = time.monotonic() + SETTLE_TIMEOUT
    while not check():
        if time.monotonic() > deadline:
            raise Failure(problem)
        time.sleep(0.05)


def tasks(app: App, words: Catalogue) -> list[str]:
    """Record, change and delete (then undo) a meeting with AT-SPI actions alone, finding
    each control by its name in the app's language (``words``)."""
    _ = words._
    database = Path(app.hello["database"])
    today = date.fromisoformat(app.hello["today"])  # the day the app is pinned to
    day = app.hello["today_shown"]  # as My records writes it (Babel's words, not gettext's)
    live = "SELECT id, minutes FROM activity WHERE kind = ? AND date = ? AND deleted_at IS NULL"
    meeting = app.hello["meeting"]
    before = set(rows(database, live, meeting, today.isoformat()))
    button = "push button"
    done: list[str] = []
    try:
        wait_for_page(app, app.send("visit", stop="home")["title"])
        press(app, button, _("Add my time"), _("What did you do?"))
        press(app, button, _("Meeting"), _("When was it?"))
        press(app, button, _("Today"), _("How long did it take?"))
        press(app, button, _("1 hour"), _("Anything to add?"))
        press(app, button, _("No, that is all"), _("Check your answers"))
        press(app, button, _("Save"), _("Your time is saved"))
        new = set(rows(database, live, meeting, today.isoformat())) - before
        if len(new) != 1 or next(iter(new))[1] != 60:
            raise Failure(f"after saving, the new meetings today are {new}")
        ((entry_id, _minutes),) = new
        done.append("recorded a 1-hour meeting today")

        records = _("Your records")
        press(app, button, _("Go to home"), app.send("state")["title"])
        press(app, button, _("My records"), _("My records"))
        choose_row(app, [day, _("Meeting"), words.duration(60)], records)
        press(app, button, _("Open the chosen entry"), _("Time entry"))
        press(app, button, _("Change this entry"), _("Change this entry"))
        change = _("{action}: {question}").format(action=_("Change"), question=_("How long"))
        press(app, button, change, _("How long did it take?"))
        press(app, button, _("1\u00bd hours"), _("Change this entry"))
        press(app, button, _("Save the changes"), _("Your changes are saved"))
        (minutes,) = rows(database, "SELECT minutes FROM activity WHERE id = ?", entry_id)[0]
        if minutes != 90:
            raise Failure(f"after the change the meeting lasts {minutes} minutes, not 90")
        done.append("changed it to 1\u00bd hours")

        press(app, button, _("Go to home"), app.send("state")["title"])
        press(app, button, _("My records"), _("My records"))
        choose_row(app, [day, _("Meeting"), words.duration(90)], records)
        press(app, button, _("Open the chosen entry"), _("Time entry"))
        press(app, button, _("Delete this entry"), _("My records"))
        find(app, button, _("Undo"))

        def present() -> bool:
            return bool(rows(database, live + " AND id = ?", meeting, today.isoformat(), entry_id))

        eventually(lambda: not present(), "the meeting is still there after Delete")
        press(app, button, _("Undo"), _("My records"))
        eventually(present, "Undo did not bring the meeting back")
        done.append("deleted it, and Undo brought it back")
    except Failure as failure:
        return [f"after {len(done)} of 3 tasks: {failure}"]
    print("  tasks done: " + "; ".join(done))
    return []
