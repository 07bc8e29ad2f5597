"""Check Partner Log through AT-SPI, the accessibility API that Linux screen readers use.

Run by the system Python (it needs ``pyatspi``) inside ``dbus-run-session`` and a virtual
screen, with ``QT_QPA_PLATFORM=xcb`` and ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1``; the
``accessibility`` target of the Makefile does all of that. It starts the real app window
(``app_under_test.py``, run by the app's own Python) on the demo data and then:

1. visits every page of ``tests.helpers.page_tour`` and, on each, checks what a screen
   reader gets: every control the Tab key reaches is in the tree with the right role and a
   non-empty, unique, meaningful name; every field's name is its visible label (so it
   says what to enter); images carry a name; the keyboard focus is on the page; and,
   for the stops ``expectations.STOP_TITLES`` names, that the tour reached the page it
   is there for (in the language under test);
2. does three tasks with AT-SPI actions alone (no mouse, no keys): record a 1-hour
   meeting today, change it to 1½ hours, delete it and undo, reading the records file
   (read-only) after each step to prove it happened. It finds each control by the name
   a screen reader hears in the language under test, from the app's own catalogue
   (``catalogue.py``), so the tasks run in every language the app ships.

Any failed check makes the exit status 1. Nothing is skipped.
"""

from __future__ import annotations

import argparse
import json
import queue
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

try:
    import pyatspi
except ImportError:  # never skip quietly: the run fails and says how to fix it
    sys.exit(
        "pyatspi is missing. Install the system package python3-pyatspi "
        "(make system-deps does it as root), then run this with /usr/bin/python3."
    )

from catalogue import Catalogue  # beside this script
from expectations import FIELD_ROLES, PROBLEM_STOPS, ROLES, STOP_TITLES, meaningful

REPO = Path(__file__).resolve().parents[2]
ANSWER_TIMEOUT = 30.0
SETTLE_TIMEOUT = 8.0


class Failure(Exception):
    pass


# -- the app under test ---------------------------------------------------------------
class App:
    """The app window in its own process, steered by JSON lines."""

    def __init__(
        self, app_python: str, folder: Path, tour: str, scale: float, language: str = "en"
    ) -> None:
        command = [app_python, "-m", "tests.accessibility.app_under_test", str(folder)]
        command += ["--tour", tour, "--scale", str(scale), "--language", language]
        self.process = subprocess.Popen(
            command,
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.hello = self._answer()
        self.root = self._find_in_desktop()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put("")

    def _answer(self) -> dict[str, Any]:
        try:
            line = self.lines.get(timeout=ANSWER_TIMEOUT)
        except queue.Empty:
            raise Failure("the app did not answer in time") from None
        if not line:
            raise Failure(f"the app stopped (exit status {self.process.wait()})")
        answer: dict[str, Any] = json.loads(line)
        if not answer.get("ok"):
            raise Failure(f"the app could not do it: {answer.get('problem')}")
        return answer

    def send(self, cmd: str, **fields: Any) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"cmd": cmd, **fields}) + "\n")
        self.process.stdin.flush()
        return self._answer()

    def _find_in_desktop(self) -> Any:
        """The app's node in the desktop tree, found by its process id and name."""
        deadline = time.monotonic() + ANSWER_TIMEOUT
        while time.monotonic() < deadline:
            for app in pyatspi.Registry.getDesktop(0):
                try:
                    if app is not None and app.get_process_id() == self.process.pid:
                        if app.name != "Partner Log":
                            raise Failure(f"the app is called {app.name!r} on the desktop")
                        return app
                except Exception as problem:  # a dying app elsewhere on the bus
                    if isinstance(problem, Failure):
                        raise
            time.sleep(0.1)
        raise Failure("Partner Log never appeared in the AT-SPI desktop tree")

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                assert self.process.stdin is not None
                self.process.stdin.write(json.dumps({"cmd": "quit"}) + "\n")
                self.process.stdin.close()
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()


# -- reading the tree -----------------------------------------------------------------
def children(node: Any) -> Iterator[Any]:
    for index in range(node.childCount):
        child = node.getChildAtIndex(index)
        if child is not None:
            yield child


def states(node: Any) -> Any:
    return node.getState()


def showing(node: Any) -> bool:
    return bool(states(node).contains(pyatspi.STATE_SHOWING))


def walk(node: Any) -> Iterator[Any]:
    """Every showing node under ``node`` (hidden branches are skipped)."""
    for child in children(node):
        try:
            if not showing(child):
                continue
        except Exception:  # the node went away while we read: the caller tries again
            continue
        yield child
        yield from walk(child)


def current_page(app: App) -> Any | None:
    """The page on show: the showing filler inside the window's layered pane."""
    for window in children(app.root):
        for pane in children(window):
            for page in children(pane):
                if showing(page) and page.getRoleName() == "panel" and page.name:
                    return page
    return None


def related(node: Any, relation: Any) -> list[Any]:
    found = []
    for rel in node.getRelationSet():
        if rel.getRelationType() == relation:
            found += [rel.getTarget(i) for i in range(rel.getNTargets())]
    return found


def spoken_name(node: Any) -> str:
    """The name a screen reader says: its own, or (combo boxes) its label's."""
    if node.getRoleName() == "combo box":  # on Linux Qt gives a combo box's value as name
        labels = related(node, pyatspi.RELATION_LABELLED_BY)
        return labels[0].name if labels else ""
    return str(node.name)


#: Controls whose parts (cells, list items) are read as part of them.
COMPOUND_ROLES = {"table", "combo box", "list", "tree table"}


def focusable_nodes(page: Any) -> list[Any]:
    found = []
    for node in children(page):
        try:
            if not showing(node):
                continue
            role = node.getRoleName()
        except Exception:  # the node went away while we read: the caller tries again
            continue
        if states(node).contains(pyatspi.STATE_FOCUSABLE):
            found.append(node)
        if role not in COMPOUND_ROLES:
            found += focusable_nodes(node)
    return found


def wait_for_page(app: App, title: str, controls: int | None = None) -> Any:
    """Wait until the page called ``title`` shows (with ``controls`` focusable nodes)."""
    deadline = time.monotonic() + SETTLE_TIMEOUT
    seen = None
    while time.monotonic() < deadline:
        try:
            page = current_page(app)
            if page is not None:
                seen = page.name
                if page.name == title and (
                    controls is None or len(focusable_nodes(page)) == controls
                ):
                    return page
        except Exception:  # the tree changed under us; read it again
            pass
        time.sleep(0.05)
    if seen == title:
        raise Failure(f"{title!r}: the tree never showed its {controls} controls")
    raise Failure(f"expected the page {title!r}, but {seen!r} is showing")


# -- checks on one page ---------------------------------------------------------------
def check_page(app: App, manifest: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    controls = manifest["controls"]
    page = wait_for_page(app, manifest["title"], len(controls))
    nodes = focusable_nodes(page)
    names = [spoken_name(n) for n in nodes]
    expected = Counter((c["name"], c["kind"]) for c in controls)
    for node, name in zip(nodes, names, strict=True):
        role = node.getRoleName()
        if not name.strip():
            problems.append(f"a {role} has no name")
            continue
        if not meaningful(name):
            problems.append(f"the {role} {name!r} has a name that says nothing")
        match = next((kind for (n, kind) in expected if n == name and expected[(n, kind)]), None)
        if match is None:
            problems.append(f"the {role} {name!r} is not a control the keyboard can reach")
        else:
            expected[(name, match)] -= 1
            if role not in ROLES.get(match, set()):
                problems.append(f"{name!r} is a {match} but a screen reader hears {role!r}")
        if role in FIELD_ROLES:
            labels = related(node, pyatspi.RELATION_LABELLED_BY)
            if not labels or labels[0].name != name:
                problems.append(
                    f"the {role} {name!r} is not named by its visible label"
                    f" (labelled by {[label.name for label in labels]!r})"
                )
            value = _text_of(node)
            if value and value == name:
                problems.append(f"the {role} {name!r} is named by what is typed in it")
    for (name, kind), left in expected.items():
        if left > 0:
            problems.append(f"the {kind} {name!r} is missing from the screen reader's tree")
    tab = [n for n in manifest.get("tab_order", []) if n in names]
    if names and tab and names[0] in tab:
        start = tab.index(names[0])
        tab = tab[start:] + tab[:start]  # Tab goes round; read it from the same control
        if tab != [n for n in names if n in tab]:
            problems.append(
                f"a screen reader reads the controls in another order than Tab visits them: "
                f"{names} against {tab}"
            )
    for name, count in Counter(names).items():
        if count > 1 and name:
            problems.append(f"{count} controls are all called {name!r}")
    for node in walk(page):
        if node.getRoleName() in ("image", "icon") and not (node.name or node.description):
            problems.append("an image has no description")
    problems += heard_on_arrival(app, page, manifest)
    focused = [n for n in walk(app.root) if states(n).contains(pyatspi.STATE_FOCUSED)]
    if not focused:
        problems.append("no control has the keyboard focus")
    return problems


#: Roles a screen reader reads as text on the page.
TEXT_ROLES = {"label", "static", "heading"}


def heard_on_arrival(app: App, page: Any, manifest: dict[str, Any]) -> list[str]:
    """What a screen reader says first on a page: the page's heading, then its controls.

    The page is a named panel (Orca says a panel's name when the focus enters it; a filler
    is skipped as layout), its first text is its heading, and Home's figures are in the
    window's description, which is said when the window opens.
    """
    problems = []
    if page.getRoleName() != "panel":
        problems.append(f"the page is a {page.getRoleName()!r}, which a screen reader skips")
    first = next((n for n in walk(page) if n.getRoleName() in TEXT_ROLES), None)
    if first is None or first.name != page.name:
        heard = first.name if first is not None else None
        problems.append(f"the first text on the page is {heard!r}, not its heading")
    wanted = manifest.get("window_description", "")
    window = next((w for w in children(app.root) if showing(w)), None)
    said = window.description if window is not None else ""
    if said != wanted:
        problems.append(f"the window's description is {said!r}, not {wanted!r}")
    if manifest.get("figures") and not any(ch.isdigit() for ch in said):
        problems.append(f"the window's description has no figures: {said!r}")
    return problems


def _text_of(node: Any) -> str:
    try:
        text = node.queryText()
    except NotImplementedError:
        return ""
    return str(text.getText(0, text.characterCount))


def reached(stop: str, manifest: dict[str, Any], words: Catalogue) -> list[str]:
    """Whether the stop shows the page it is there for (``expectations.STOP_TITLES``),
    with the problem summary holding the keyboard where a problem is expected."""
    problems = []
    if stop in STOP_TITLES:
        msgid, values = STOP_TITLES[stop]
        wanted = words._(msgid).format(**values)
        if manifest["title"] != wanted:
            problems.append(f"the stop shows {manifest['title']!r}, not {wanted!r}")
    if stop in PROBLEM_STOPS:
        focus = manifest.get("focus") or {}
        if focus.get("kind") != "problem summary" or focus.get("name") != words._(
            "There is a problem"
        ):
            problems.append(f"the keyboard is on {focus.get('name')!r}, not the problem summary")
    return problems


def tour(app: App, command: str, stops: list[str], label: str) -> dict[str, list[str]]:
    report: dict[str, list[str]] = {}
    words = Catalogue.for_language(REPO, LANGUAGE)
    for stop in stops:
        try:
            manifest = app.send(command, stop=stop)
            problems = reached(stop, manifest, words) + check_page(app, manifest)
        except Failure as failure:
            problems = [str(failure)]
        if problems:
            report[f"{label}: {stop}"] = problems
    return report


# -- tasks with AT-SPI actions alone --------------------------------------------------
def find(app: App, role: str, name: str) -> Any:
    """The showing control ``name`` with ``role`` on the current page."""
    deadline = time.monotonic() + SETTLE_TIMEOUT
    while time.monotonic() < deadline:
        page = current_page(app)
        if page is not None:
            try:
                for node in walk(page):
                    if node.getRoleName() == role and spoken_name(node) == name:
                        return node
            except Exception:  # a node went away while we read (the page changed): again
                pass
        time.sleep(0.05)
    raise Failure(f"no {role} called {name!r} on {page.name if page else None!r}")


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


def tasks(app: App) -> list[str]:
    """Record, change and delete (then undo) a meeting with AT-SPI actions alone, finding
    each control by its name in the app's language."""
    words = Catalogue.for_language(REPO, LANGUAGE)
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


# -- the whole run --------------------------------------------------------------------
LANGUAGE = "en"


def run_one(
    app_python: str, folder: Path, name: str, scale: float, work: Callable[[App], Any]
) -> Any:
    app = App(app_python, folder, name, scale, LANGUAGE)
    try:
        return work(app)
    finally:
        app.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app-python", default=sys.executable, help="the app's own Python")
    parser.add_argument(
        "--language",
        default="en",
        help="the app's language (e.g. es); the pages and the three tasks run in it",
    )
    args = parser.parse_args()
    global LANGUAGE
    LANGUAGE = args.language
    started = time.monotonic()
    failures: dict[str, list[str]] = {}
    counts: Counter[str] = Counter()

    def visit_all(command: str, label: str) -> Callable[[App], None]:
        def work(app: App) -> None:
            stops = app.hello["stops"]
            counts[label] += len(stops)
            failures.update(tour(app, command, stops, label))

        return work

    with tempfile.TemporaryDirectory(prefix="partner-log-a11y-") as tmp:
        root = Path(tmp)
        visit_partner = visit_all("visit", "partner")
        available = run_one(
            args.app_python,
            root / "partner",
            "partner",
            1.0,
            lambda app: (visit_partner(app), app.hello["tours"])[1],
        )
        if "coordinator" in available:
            run_one(
                args.app_python,
                root / "coordinator",
                "coordinator",
                1.0,
                visit_all("visit", "coordinator"),
            )
        run_one(args.app_python, root / "first-run", "setup", 1.0, visit_all("visit", "set-up"))
        task_problems = run_one(args.app_python, root / "tasks", "partner", 1.0, tasks)
        if task_problems:
            failures["tasks with AT-SPI actions"] = task_problems
    seconds = time.monotonic() - started
    pages = sum(counts.values())
    checked = f"checked {pages} pages ({dict(counts)}) and 3 tasks"
    print(f"AT-SPI ({LANGUAGE}): {checked} in {seconds:.0f} s")
    for where, problems in failures.items():
        print(f"FAIL {where}")
        for problem in problems:
            print(f"    - {problem}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
