"""The checks on one page: what a screen reader hears there (names, roles, labels, order,
images, heading, focus), and whether a tour stop reached the page it is there for.
Used by ``atspi_check.py`` under the system Python.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pyatspi
from accessible_tree import (  # beside this module
    children,
    focusable_nodes,
    related,
    showing,
    spoken_name,
    states,
    text_of,
    wait_for_page,
    walk,
)
from catalogue import Catalogue
from expectations import FIELD_ROLES, PROBLEM_STOPS, ROLES, STOP_TITLES, meaningful
from running_app import App, Failure


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
            value = text_of(node)
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


def tour(
    app: App, command: str, stops: list[str], label: str, words: Catalogue
) -> dict[str, list[str]]:
    """Visit each stop with ``command`` and check its page; the problems, by stop."""
    report: dict[str, list[str]] = {}
    for stop in stops:
        try:
            manifest = app.send(command, stop=stop)
            problems = reached(stop, manifest, words) + check_page(app, manifest)
        except Failure as failure:
            problems = [str(failure)]
        if problems:
            report[f"{label}: {stop}"] = problems
    return report
