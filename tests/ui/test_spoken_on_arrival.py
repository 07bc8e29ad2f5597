"""What a screen reader says on arriving at a page: the page's heading, then the control.

Orca, run on the app, said "Add my time push button" but never the greeting or the
figures, and on "Add my time" it said the first tile without the question. A page is now
a named group (screen readers say the name of a group the focus enters) whose first text
is its heading, and Home puts the greeting and figures in the window's description,
which is said when the window opens. ``docs/accessibility.md`` says how to hear it.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers.page_tour import SETUP_STOPS, STOPS, visit, visit_setup
from tests.helpers.screens import Opener, wait_for_page
from ui.pages.home import DashboardPage, HomePage
from ui.widgets.page import Page

GROUP = QAccessible.Role.Grouping


def said_before(widget: QWidget) -> list[str]:
    """The names of the groups around ``widget``, outermost first: what a screen reader
    says, on arriving from another page, before it says the control."""
    names = []
    node = QAccessible.queryAccessibleInterface(widget)
    while node is not None and node.isValid():
        node = node.parent()
        if node is not None and node.isValid() and node.role() == GROUP:
            names.insert(0, node.text(QAccessible.Text.Name))
    return names


def _texts(node: QAccessibleInterface) -> Iterator[QAccessibleInterface]:
    for index in range(node.childCount()):
        child = node.child(index)
        if child is None or child.state().invisible:
            continue
        if child.role() == QAccessible.Role.StaticText:
            yield child
        yield from _texts(child)


def first_text(page: Page) -> str:
    node = QAccessible.queryAccessibleInterface(page)
    first = next(_texts(node), None)
    return first.text(QAccessible.Text.Name) if first is not None else ""


def check(page: Page) -> list[str]:
    problems = []
    node = QAccessible.queryAccessibleInterface(page)
    heading = page.heading.text()
    if node.role() != GROUP or node.text(QAccessible.Text.Name) != heading:
        problems.append(f"the page is a {node.role()} named {node.text(QAccessible.Text.Name)!r}")
    if first_text(page) != heading:
        problems.append(f"the first text is {first_text(page)!r}, not {heading!r}")
    focused = QApplication.focusWidget()
    if focused is None or said_before(focused)[-1:] != [heading]:
        problems.append(f"before the focused control a screen reader says {said_before(focused)}")
    return problems


def test_every_page_says_its_heading_before_its_first_control(
    qtbot: QtBot, open_app: Opener
) -> None:
    ctx, _window = open_app("demo")
    report = {}
    for name in STOPS:
        page = visit(ctx, name)
        qtbot.waitUntil(lambda p=page: p.isAncestorOf(QApplication.focusWidget()))
        if isinstance(page, DashboardPage):  # its greeting comes with the figures
            qtbot.waitUntil(lambda p=page: all(c.accessibleName() for c in p.cards.values()))
        if problems := check(page):
            report[name] = problems
    assert report == {}


def test_first_run_pages_say_their_heading_first(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app(None)
    report = {}
    for name in SETUP_STOPS:
        page = visit_setup(ctx, name)
        qtbot.waitUntil(lambda p=page: p.isAncestorOf(QApplication.focusWidget()))
        if problems := check(page):
            report[name] = problems
    assert report == {}


def test_add_my_time_says_the_question_first(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    home = wait_for_page(qtbot, ctx, kind=HomePage)
    add_time = QApplication.focusWidget()
    assert add_time is home.action_buttons["add_time"]
    qtbot.keyClick(add_time, Qt.Key.Key_Return)
    page = wait_for_page(qtbot, ctx, leaving=home)
    tile = QApplication.focusWidget()
    assert tile is not None
    assert said_before(tile) == ["What did you do?"]
    assert tile.accessibleName() == "Meeting"
    assert "What did you do?" not in tile.accessibleDescription()  # said once, first
    assert check(page) == []


def test_home_says_the_greeting_and_figures_as_the_window_opens(
    qtbot: QtBot, open_app: Opener
) -> None:
    ctx, window = open_app("demo")
    home = wait_for_page(qtbot, ctx, kind=HomePage)
    qtbot.waitUntil(lambda: "hours in total: " in window.accessibleDescription())
    said = window.accessibleDescription()
    assert said.startswith(f"{home.heading.text()}. Here is what you have given.")
    assert home.heading.text().startswith("Hello, ")
    for card in home.cards.values():
        assert card.accessibleName() in said and any(ch.isdigit() for ch in card.accessibleName())
    # Only Home's window says the figures; coming back says them again.
    qtbot.keyClick(home.action_buttons["add_time"], Qt.Key.Key_Return)
    page = wait_for_page(qtbot, ctx, leaving=home)
    assert window.accessibleDescription() == ""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    wait_for_page(qtbot, ctx, leaving=page, kind=HomePage)
    qtbot.waitUntil(lambda: window.accessibleDescription() == said)


def test_a_figure_is_said_whole_never_a_caption_alone(qtbot: QtBot, open_app: Opener) -> None:
    ctx, window = open_app("demo")
    home = wait_for_page(qtbot, ctx, kind=HomePage)
    card = home.cards["month"]
    qtbot.waitUntil(lambda: card.accessibleName().startswith("hours this month: "))
    assert card.caption.accessibleName() == card.value.accessibleName() == card.accessibleName()
