"""File names Partner Log makes for people, valid on Windows, macOS and Linux.

Default names for PDFs, exports, project files and backups often hold a person's name,
and a name may hold any character. Every such name is made here, by the strictest
rules of the three systems (Windows'):

- no ``< > : " / \\ | ? *``, no control characters, no unpaired surrogates;
- not a name Windows keeps for devices (CON, PRN, AUX, NUL, COM1–9, LPT1–9, also with
  ``¹ ² ³``, CONIN$, CONOUT$), in any case, with or without an extension;
- no dot or space at the end, and no dot at the start (a hidden file elsewhere);
- at most 255 characters a part, counted both as UTF-16 units (Windows) and as UTF-8
  bytes (Linux and macOS), with the extension kept whole.

``windows_name_problem`` in ``storage.faults`` uses the same rules to explain why
Windows refuses a name a person typed.
"""

from __future__ import annotations

import re
import unicodedata

#: The longest name of one file or folder (not its whole path).
MAX_PART = 255

WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)
WINDOWS_FORBIDDEN_CHARACTERS = frozenset('<>:"/\\|?*') | {chr(code) for code in range(32)}

_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,12}$")
_SPACES = re.compile(r"\s+")


def _refused(char: str) -> bool:
    if char in WINDOWS_FORBIDDEN_CHARACTERS:
        return True
    category = unicodedata.category(char)
    return category in ("Cc", "Cs")  # controls (also DEL and C1), lone surrogates


def is_reserved(name: str) -> bool:
    """True when Windows keeps ``name`` for a device ("con.txt", "Lpt1 .pdf" too)."""
    return name.split(".")[0].rstrip(" ").upper() in WINDOWS_RESERVED


def name_problem(name: str) -> str | None:
    """Why ``name`` is not a valid file name on every platform (a short reason), or None."""
    if not name or name in (".", ".."):
        return "empty"
    if any(_refused(char) for char in name):
        return "character"
    if name[-1] in ". ":
        return "ending"
    if is_reserved(name):
        return "reserved"
    if _too_long(name):
        return "too long"
    return None


def _utf16_units(text: str) -> int:
    return sum(2 if ord(char) > 0xFFFF else 1 for char in text)


def _too_long(name: str, limit: int = MAX_PART) -> bool:
    return _utf16_units(name) > limit or len(name.encode("utf-8")) > limit


def clean_text(text: str) -> str:
    """``text`` without the characters file names may not hold, spaces tidied.

    Use it for a part of a name (a person's name); pass the whole name to ``file_name``.
    """
    cleaned = "".join(" " if _refused(char) else char for char in text)
    return _SPACES.sub(" ", cleaned).strip(" .")


def file_name(stem: str, suffix: str = "", fallback: str = "Partner Log") -> str:
    """A valid file name from ``stem`` (any words, a person's name in it) and ``suffix``.

    ``suffix`` (".pdf") is kept whole; the stem is cleaned, shortened to fit and, if it
    is a name Windows keeps for a device, given "Partner" in front. An empty result
    becomes ``fallback``.
    """
    suffix = clean_text(suffix)
    suffix = f".{suffix}" if suffix else ""
    base = clean_text(stem) or clean_text(fallback) or "Partner Log"
    if is_reserved(base + suffix):
        base = f"Partner {base}"
    while base and _too_long(base + suffix):
        base = base[:-1].rstrip(" .")
    return (base or "Partner Log") + suffix


def safe_file_name(name: str, fallback: str = "Partner Log") -> str:
    """``file_name`` for a whole name such as "Certificate - Ana - 2026-09-30.pdf".

    A short extension at the end (letters and digits after the last dot) is kept whole.
    """
    match = _EXTENSION.search(name)
    if match is None or match.start() == 0:
        return file_name(name, "", fallback)
    return file_name(name[: match.start()], match.group(0), fallback)
