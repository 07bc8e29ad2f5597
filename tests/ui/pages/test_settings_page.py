"""Settings: each preference shown by its registry title and applied at once; a change is
kept, and the partner's details are checked before saving."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from desktop_app.i18n import _
from desktop_app.model import PaymentChoice
from desktop_app.services import profile
from desktop_app.settings import Preferences, Settings
from tests.helpers.fake_keyring import without_libpq_password
from tests.helpers.page_tour import visit
from tests.helpers.postgres_server import ThrowawayServer
from tests.helpers.screens import Opener
from ui.pages.settings_page import SettingsPage


def test_settings_page_shows_the_registry_titles(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    page = visit(ctx, "settings")
    assert isinstance(page, SettingsPage)
    text_size = page.field(Preferences.text_scale.key)
    assert text_size is not None
    assert text_size.label.text() == _(Preferences.text_scale.title)
    assert page.text_size.slider.accessibleName() == _(Preferences.text_scale.title)
    assert page.contrast.text() == _(Preferences.high_contrast.title)
    assert page.contrast.accessibleName() == _(Preferences.high_contrast.title)


def test_a_click_and_a_key_press_change_the_preferences_and_save_them(
    qtbot: QtBot, open_app: Opener, data_dir: Path
) -> None:
    ctx, _window = open_app()
    page = visit(ctx, "settings")
    assert isinstance(page, SettingsPage)
    try:
        option = QStyleOptionButton()
        page.contrast.initStyleOption(option)
        box = page.contrast.style().subElementRect(
            QStyle.SubElement.SE_CheckBoxIndicator, option, page.contrast
        )
        qtbot.mouseClick(page.contrast, Qt.MouseButton.LeftButton, pos=box.center())
        assert ctx.settings.val.high_contrast is True

        page.text_size.slider.setFocus()
        qtbot.keyClick(page.text_size.slider, Qt.Key.Key_Right)
        assert ctx.settings.val.text_scale == 1.25
        qtbot.mouseClick(page.text_size.bigger, Qt.MouseButton.LeftButton)
        assert ctx.settings.val.text_scale == 1.5

        saved = Settings.load(data_dir)
        assert (saved.val.high_contrast, saved.val.text_scale) == (True, 1.5)
    finally:
        ctx.settings.restore_defaults()
        ctx.restyle()


def test_settings_apply_live_and_save_details(qtbot: QtBot, open_app: Opener) -> None:
    from PySide6.QtWidgets import QApplication

    ctx, _window = open_app()
    page = visit(ctx, "settings")
    page.contrast.setChecked(True)  # type: ignore[attr-defined]
    assert "#000000" in QApplication.instance().styleSheet()  # type: ignore[union-attr]
    page.text_size.slider.setValue(4)  # type: ignore[attr-defined]
    assert QApplication.instance().font().pixelSize() == 37  # type: ignore[union-attr]
    page.payment.setCurrentIndex(1)  # type: ignore[attr-defined]
    page.name.setText("")  # type: ignore[attr-defined]
    page.save_details.click()  # type: ignore[attr-defined]
    assert page.errors.isVisible()
    page.name.setText("Ana Souza-Lima")  # type: ignore[attr-defined]
    page.save_details.click()  # type: ignore[attr-defined]
    me = ctx.call(profile.owner)
    assert (me.display_name, me.payment_choice) == ("Ana Souza-Lima", PaymentChoice.DECLINED)
    ctx.settings.restore_defaults()
    ctx.restyle()


@pytest.fixture
def shared_database(
    postgres_server: ThrowawayServer, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The address of an organisation's database whose role must give a password (none
    is set anywhere yet)."""
    without_libpq_password(monkeypatch)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/partner-log/pgpass")
    database = postgres_server.new_database()
    name = f"karen_{database.removeprefix('test_')}"
    yield postgres_server.add_login(name, "Correct-horse-7", database)
    postgres_server.drop_database(database)
    postgres_server.admin(f'DROP ROLE IF EXISTS "{name}"')


def _save_address(qtbot: QtBot, page: SettingsPage, address: str) -> None:
    """Type ``address`` over what the field holds, press Save, and wait for the check."""
    page.organisation.setFocus()
    page.organisation.selectAll()
    qtbot.keyClick(page.organisation, Qt.Key.Key_Delete)
    qtbot.keyClicks(page.organisation, address)
    qtbot.mouseClick(page.save_organisation, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.errors.isVisible() or bool(page.organisation_note.text()))


def test_a_coordinator_keeps_an_organisations_database_only_once_a_login_works(
    qtbot: QtBot,
    open_app: Opener,
    data_dir: Path,
    shared_database: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx, _window = open_app("coordinator-demo")
    page = visit(ctx, "coordinator-settings")
    assert isinstance(page, SettingsPage)
    field = page.field(Preferences.organisation_database.key)
    assert field is not None and field.label.text() == _(Preferences.organisation_database.title)

    host_and_rest = shared_database.removeprefix("postgresql://")
    user, at, rest = host_and_rest.partition("@")
    _save_address(qtbot, page, f"postgresql://{user}:S3cret{at}{rest}")
    assert "password" in page.errors.accessibleDescription().lower()
    assert Settings.load(data_dir).val.organisation_database == ""
    assert page.organisation.text().endswith(rest)  # what was typed is kept

    _save_address(qtbot, page, shared_database)  # no password anywhere yet
    assert "asks for a password" in page.errors.accessibleDescription()
    assert field.error.isVisible()  # said at the address, too
    assert Settings.load(data_dir).val.organisation_database == ""

    monkeypatch.setenv("PGPASSWORD", "Wrong-horse-8")
    _save_address(qtbot, page, shared_database)
    assert "did not accept your name or password" in page.errors.accessibleDescription()
    assert Settings.load(data_dir).val.organisation_database == ""

    monkeypatch.setenv("PGPASSWORD", "Correct-horse-7")
    _save_address(qtbot, page, shared_database)
    assert not page.errors.isVisible()
    assert "next time" in page.organisation_note.text()
    assert Settings.load(data_dir).val.organisation_database == shared_database

    _save_address(qtbot, page, "")
    assert "stay in this folder" in page.organisation_note.text()
    assert Settings.load(data_dir).val.organisation_database == ""


def test_an_address_nobody_answers_at_is_not_kept(
    qtbot: QtBot, open_app: Opener, data_dir: Path, postgres_server: ThrowawayServer
) -> None:
    ctx, _window = open_app("coordinator-demo")
    page = visit(ctx, "coordinator-settings")
    assert isinstance(page, SettingsPage)
    with socket.socket() as unused:  # a port on this computer with no server behind it
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    _save_address(qtbot, page, f"postgresql://karen@127.0.0.1:{port}/partners")
    assert "could not reach the shared database" in page.errors.accessibleDescription()
    assert Settings.load(data_dir).val.organisation_database == ""


def test_a_partner_is_not_offered_an_organisations_database(qtbot: QtBot, open_app: Opener) -> None:
    ctx, _window = open_app()
    page = visit(ctx, "settings")
    assert page.field(Preferences.organisation_database.key) is None  # type: ignore[union-attr]
