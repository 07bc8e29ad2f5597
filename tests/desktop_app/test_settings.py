"""Preferences: typed values and defaults, a forgiving load, and saves that lose nothing."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

import pytest

from desktop_app.errors import DiskFault
from desktop_app.settings import FILE_NAME, OPTIONS, UNREADABLE_NAME, Preferences, Settings
from desktop_app.storage import atomic
from tests.helpers.platforms import assert_private


def write(folder: Path, content: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def stored(folder: Path) -> dict[str, Any]:
    data = json.loads((folder / FILE_NAME).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_a_new_folder_gives_the_defaults_and_writes_nothing(data_dir: Path) -> None:
    settings = Settings.load(data_dir)
    assert settings.val.text_scale == 1.0 and type(settings.val.text_scale) is float
    assert settings.val.high_contrast is False
    assert settings.val.language == ""  # not chosen yet: the system's language is used
    assert not (data_dir / FILE_NAME).exists()


def test_every_default_is_allowed_and_every_option_has_a_title() -> None:
    assert [option.key for option in OPTIONS] == [
        "text_scale",
        "high_contrast",
        "language",
        "organisation_database",
    ]
    for option in OPTIONS:
        assert option.check(option.default) == option.default
        assert type(option.default) is option.kind
        assert option.title.strip()


def test_saved_choices_read_back_as_typed_values(data_dir: Path) -> None:
    write(data_dir, '{"text_scale": 2, "high_contrast": true, "language": "es"}')
    settings = Settings.load(data_dir)
    assert settings.val.text_scale == 2.0 and type(settings.val.text_scale) is float
    assert settings.val.high_contrast is True
    assert settings.val.language == "es"


def test_a_change_is_checked_saved_and_read_back(data_dir: Path) -> None:
    settings = Settings.load(data_dir)
    settings.set(Preferences.text_scale, 1.5)
    settings.set(Preferences.high_contrast, True)
    assert (settings.val.text_scale, settings.val.high_contrast) == (1.5, True)
    again = Settings.load(data_dir)
    assert (again.val.text_scale, again.val.high_contrast) == (1.5, True)
    if os.name == "posix":
        assert_private(data_dir / FILE_NAME)


@pytest.mark.parametrize(
    ("option", "value"),
    [
        (Preferences.text_scale, 2.5),
        (Preferences.text_scale, 0.5),
        (Preferences.text_scale, float("nan")),
        (Preferences.text_scale, True),
        (Preferences.text_scale, "1.5"),
        (Preferences.high_contrast, 1),
        (Preferences.high_contrast, "yes"),
        (Preferences.language, "Spanish"),
        (Preferences.language, None),
    ],
)
def test_a_value_that_is_not_allowed_is_refused_and_nothing_changes(
    data_dir: Path, option: Any, value: Any
) -> None:
    settings = Settings.load(data_dir)
    settings.set(Preferences.text_scale, 1.25)
    before = (data_dir / FILE_NAME).read_bytes()
    with pytest.raises(ValueError, match=option.key):
        settings.set(option, value)
    assert (data_dir / FILE_NAME).read_bytes() == before
    assert getattr(settings.val, option.key) == (
        1.25 if option.key == "text_scale" else option.default
    )


@pytest.mark.parametrize(
    "content",
    [
        b'{"text_scale": 1.5, "high_con',  # cut short
        b"not json at all",
        b"\xff\xfe\x00garbage",  # not even text
        b"[1.5, true]",  # JSON, but not a table of settings
        b"null",
        b"[" * 100_000,  # nested too deeply for the parser
        b"",
    ],
    ids=["cut-short", "not-json", "not-text", "a-list", "null", "too-deep", "empty"],
)
def test_a_corrupt_file_gives_the_defaults_and_is_kept_aside(
    data_dir: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    write(data_dir, content)
    with caplog.at_level(logging.WARNING, "partner_log.settings"):
        settings = Settings.load(data_dir)
    assert (settings.val.text_scale, settings.val.high_contrast) == (1.0, False)
    assert "not a settings file" in caplog.text
    assert (data_dir / UNREADABLE_NAME).read_bytes() == content
    settings.set(Preferences.high_contrast, True)
    assert stored(data_dir) == {"high_contrast": True}


@pytest.mark.parametrize(
    "bad",
    [
        '"big"',
        "true",
        "null",
        "[1.5]",
        '{"size": 1.5}',
        "NaN",
    ],
)
def test_a_value_of_the_wrong_kind_gives_that_default_alone(
    data_dir: Path, bad: str, caplog: pytest.LogCaptureFixture
) -> None:
    write(data_dir, f'{{"text_scale": {bad}, "high_contrast": true, "language": "es"}}')
    with caplog.at_level(logging.WARNING, "partner_log.settings"):
        settings = Settings.load(data_dir)
    assert settings.val.text_scale == 1.0
    assert (settings.val.high_contrast, settings.val.language) == (True, "es")
    assert "text_scale ignored" in caplog.text
    assert "high_contrast" not in caplog.text and "language" not in caplog.text
    assert "big" not in caplog.text and "size" not in caplog.text  # kinds, never values


def test_wrong_kinds_for_each_option_fall_back_one_by_one(data_dir: Path) -> None:
    write(data_dir, '{"text_scale": 1.75, "high_contrast": "yes", "language": 3}')
    settings = Settings.load(data_dir)
    assert settings.val.text_scale == 1.75
    assert settings.val.high_contrast is False
    assert settings.val.language == ""


@pytest.mark.parametrize(
    ("number", "expected"),
    [("5", 2.0), ("2.5", 2.0), ("0.5", 1.0), ("-3", 1.0), ("1e400", 2.0), ("9" * 500, 2.0)],
)
def test_text_size_out_of_range_becomes_the_nearest_allowed(
    data_dir: Path, number: str, expected: float
) -> None:
    write(data_dir, f'{{"text_scale": {number}}}')
    assert Settings.load(data_dir).val.text_scale == expected


def test_a_partial_file_fills_in_the_missing_defaults(data_dir: Path) -> None:
    write(data_dir, '{"high_contrast": true}')
    settings = Settings.load(data_dir)
    assert (settings.val.text_scale, settings.val.high_contrast, settings.val.language) == (
        1.0,
        True,
        "",
    )
    settings.set(Preferences.text_scale, 1.25)
    assert stored(data_dir) == {"high_contrast": True, "text_scale": 1.25}


FUTURE = {
    "text_scale": {"size": 2.5, "unit": "percent-of-system"},  # a kind this version can't read
    "high_contrast": True,
    "reading_ruler": {"on": True, "colour": "yellow"},
    "sounds": False,
    "role": "coordinator",  # an option earlier versions kept
}


def test_a_file_from_a_newer_version_loads_and_keeps_what_it_does_not_know(
    data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(data_dir, json.dumps(FUTURE))
    with caplog.at_level(logging.INFO, "partner_log.settings"):
        settings = Settings.load(data_dir)
    assert (settings.val.text_scale, settings.val.high_contrast) == (1.0, True)
    assert "keeping 3 setting(s) this version does not use" in caplog.text
    assert "reading_ruler" not in caplog.text and "yellow" not in caplog.text

    settings.set(Preferences.high_contrast, False)
    assert stored(data_dir) == {**FUTURE, "high_contrast": False}

    settings.set(Preferences.text_scale, 1.5)
    assert stored(data_dir) == {**FUTURE, "high_contrast": False, "text_scale": 1.5}


def test_restoring_defaults_keeps_the_choices_of_a_newer_version(data_dir: Path) -> None:
    write(data_dir, json.dumps(FUTURE))
    settings = Settings.load(data_dir)
    settings.restore_defaults()
    assert settings.val.high_contrast is False
    assert stored(data_dir) == {
        "reading_ruler": FUTURE["reading_ruler"],
        "sounds": False,
        "role": "coordinator",
    }
    assert Settings.load(data_dir).val.high_contrast is False


def test_a_failed_write_leaves_the_earlier_file_and_value(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings.load(data_dir)
    settings.set(Preferences.text_scale, 1.5)
    before = (data_dir / FILE_NAME).read_bytes()

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", disk_full)
    with pytest.raises(DiskFault, match="not enough space on the disk"):
        settings.set(Preferences.text_scale, 2.0)
    assert (data_dir / FILE_NAME).read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir()) == [FILE_NAME]  # no half-written file
    assert settings.val.text_scale == 1.5
    monkeypatch.undo()
    assert Settings.load(data_dir).val.text_scale == 1.5


def test_the_organisation_database_is_kept_without_a_password(data_dir: Path) -> None:
    settings = Settings.load(data_dir)
    assert settings.val.organisation_database == ""  # the records file in the folder
    address = "postgresql://karen@db.example.org:5432/partners?sslmode=verify-full"
    settings.set(Preferences.organisation_database, address)
    assert Settings.load(data_dir).val.organisation_database == address
    for with_password in (
        "postgresql://karen:S3cret@db.example.org/partners",
        "postgresql://karen@db.example.org/partners?password=S3cret",
    ):
        with pytest.raises(ValueError):
            settings.set(Preferences.organisation_database, with_password)
    assert "S3cret" not in (data_dir / FILE_NAME).read_text(encoding="utf-8")
