"""Every file name Partner Log makes for people is valid on Windows, whatever the name."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.exchange.export import partner_file_names, suggested_name
from desktop_app.storage.faults import windows_name_problem
from desktop_app.storage.file_names import (
    MAX_PART,
    file_name,
    is_reserved,
    name_problem,
    safe_file_name,
)

DAY = date(2026, 9, 30)
FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
DEVICES = ["CON", "PRN", "AUX", "NUL", "COM1", "com9", "Lpt1", "LPT9", "COM¹", "conin$"]
#: Any text at all: every plane, controls, lone surrogates, the forbidden characters.
_PIECE = st.one_of(
    st.text(st.characters(codec=None), max_size=40),
    st.text(st.sampled_from('<>:"/\\|?*. \x00\x1f\x7f'), max_size=5),
    st.sampled_from(DEVICES),
)
ANY_NAME = st.lists(_PIECE, max_size=8).map("".join)


def assert_valid_everywhere(name: str) -> None:
    assert name, "a name"
    assert not FORBIDDEN.search(name), name
    assert name[-1] not in ". ", name
    assert not name.startswith("."), name
    stem = name.split(".")[0].rstrip(" ").upper()
    assert stem not in {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}, name
    assert not re.fullmatch(r"(COM|LPT)[1-9¹²³]", stem), name
    assert len(name.encode("utf-16-le")) // 2 <= MAX_PART, name
    assert len(name.encode("utf-8")) <= MAX_PART, name  # encodes: no lone surrogates
    assert name_problem(name) is None
    assert windows_name_problem(Path(name)) is None


@settings(max_examples=300, deadline=None)
@given(ANY_NAME)
def test_any_partner_name_makes_valid_project_file_names(name: str) -> None:
    for made in partner_file_names([name, name.upper()], DAY):
        assert_valid_everywhere(made)
        assert made.endswith(" \u2013 2026-09-30.partnerlog")
    made = suggested_name(name, DAY)
    assert_valid_everywhere(made)
    assert made.endswith(".partnerlog")


@settings(max_examples=300, deadline=None)
@given(ANY_NAME, st.sampled_from([".pdf", ".xlsx", ".csv", ".partnerlog", ""]))
def test_any_words_make_a_valid_name_that_keeps_its_extension(words: str, suffix: str) -> None:
    made = file_name(words, suffix)
    assert_valid_everywhere(made)
    assert made.endswith(suffix)
    assert_valid_everywhere(safe_file_name(f"Certificate - {words} - 2026-09-30.pdf"))
    assert safe_file_name(f"Certificate - {words} - 2026-09-30.pdf").endswith(".pdf")


@pytest.mark.parametrize("name", ["CON", 'Ann: "the boss" <3?', "con.txt", "Nul ", "LPT1.", "..."])
def test_names_from_the_issue(name: str) -> None:
    for made in partner_file_names([name], DAY):
        assert_valid_everywhere(made)
    assert_valid_everywhere(suggested_name(name, DAY))
    assert_valid_everywhere(file_name(name, ".pdf"))


@pytest.mark.parametrize("device", DEVICES)
def test_device_names_are_reserved_with_or_without_an_extension(device: str) -> None:
    assert is_reserved(device) and is_reserved(f"{device}.pdf") and is_reserved(f"{device} .x")
    made = file_name(device, ".pdf")
    assert made == f"Partner {device}.pdf"
    assert not is_reserved(made)


def test_a_long_name_is_cut_but_keeps_its_extension() -> None:
    made = file_name("Zoë 😀 " * 100, ".partnerlog")
    assert made.endswith(".partnerlog")
    assert len(made.encode("utf-8")) <= MAX_PART
    assert made.startswith("Zoë 😀 Zoë")


def test_ordinary_names_are_left_as_they_are() -> None:
    assert file_name("Certificate - Rosa Martínez - 2026-09-30", ".pdf") == (
        "Certificate - Rosa Martínez - 2026-09-30.pdf"
    )
    assert safe_file_name("陈伟 (Wei Chen).pdf") == "陈伟 (Wei Chen).pdf"


def test_made_names_can_be_written_here(tmp_path: Path) -> None:
    for name in ['Ann: "the boss" <3?', "CON", "\x00\x01", "a/../../b", "é" * 300]:
        made = file_name(name, ".pdf")
        (tmp_path / made).write_bytes(b"%PDF-")
        assert (tmp_path / made).parent == tmp_path
