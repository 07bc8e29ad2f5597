"""Linux: the shared libraries that only trimmed files needed, left out of the bundle too."""

from __future__ import annotations

import fnmatch
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

#: Libraries loaded at run time by name (dlopen), so no other file lists them as needed.
LOADED_BY_NAME = ("libpython*",)


def _orphan(entry: Sequence[Any], needed: set[str]) -> bool:
    dest, _source, kind = entry[:3]
    path = Path(dest.replace("\\", "/"))
    name = path.name
    return (
        kind == "BINARY"
        and (path.parent == Path(".") or path.parent.name.endswith(".libs"))
        and ".so" in name
        and name not in needed
        and not any(fnmatch.fnmatch(name, pattern) for pattern in LOADED_BY_NAME)
    )


def needed_libraries(binary: str | os.PathLike[str]) -> set[str]:
    """The libraries an ELF file names as needed (its own list, not their needs)."""
    listing = subprocess.run(
        ["readelf", "--dynamic", "--wide", str(binary)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LC_ALL": "C"},
    ).stdout
    return {
        line.rsplit("[", 1)[1].rstrip("]")
        for line in listing.splitlines()
        if "(NEEDED)" in line and "[" in line
    }


def drop_orphans(binaries: Sequence[Any]) -> list[Any]:
    """Linux: also leave out the shared libraries that only trimmed files needed (e.g.
    the GTK stack for the GTK theme). PyInstaller collected them before the trim. Only
    libraries at the top of the bundle, or vendored by a wheel (``*.libs/``), go."""
    kept = list(binaries)
    if not sys.platform.startswith("linux"):
        return kept
    needs = {
        entry[1]: needed_libraries(entry[1])
        for entry in kept
        if entry[1] and Path(entry[1]).is_file()
    }
    while True:
        needed = set().union(*(needs.get(entry[1], set()) for entry in kept))
        orphans = [entry for entry in kept if _orphan(entry, needed)]
        if not orphans:
            return kept
        kept = [entry for entry in kept if entry not in orphans]
