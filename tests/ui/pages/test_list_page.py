"""The partner's own lists (products, reflections): an empty list says so once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.helpers.page_tour import visit
from tests.helpers.screens import Opener


@pytest.mark.parametrize(
    ("stop", "empty"),
    [
        ("products", "You have not added any products yet."),
        ("reflections", "You have not written any reflections yet."),
    ],
)
def test_an_empty_list_says_so_once_however_often_it_is_shown(
    qtbot: QtBot, open_app: Opener, stop: str, empty: str
) -> None:
    ctx, _window = open_app()
    page = visit(ctx, stop)
    page.on_shown()  # coming back to the page, as from the form
    page.on_shown()

    def shown() -> list[QLabel]:
        return [w for w in page.findChildren(QLabel) if w.text() == empty and w.isVisibleTo(page)]

    qtbot.waitUntil(lambda: len(shown()) == 1)  # the replaced lines are gone, not hidden
    assert len(shown()) == 1
