"""Reading the app's AT-SPI tree as a screen reader does: what shows, the page on show,
the name a control is heard by, the controls the keyboard can reach, and waiting for a
page or a control to appear. Used by ``atspi_check.py`` under the system Python.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pyatspi
from running_app import SETTLE_TIMEOUT, App, Failure  # beside this module


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


def text_of(node: Any) -> str:
    try:
        text = node.queryText()
    except NotImplementedError:
        return ""
    return str(text.getText(0, text.characterCount))


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
