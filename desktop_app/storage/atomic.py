"""Write files so that a crash or a full disk never leaves half a file over a good one.

A write the disk refuses (full, read-only, in use, a folder that is gone, a name the
platform forbids) raises a ``DiskFault`` in plain words; the file that was there before
is left as it was, and no temporary file is left behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from desktop_app.storage.faults import check_path, raise_explained


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: int = 0o600) -> Iterator[BinaryIO]:
    """Open a temporary file beside ``path``; on success flush, sync and rename it over.

    If the block raises, the temporary file is removed and ``path`` is untouched. A known
    disk fault is raised as a ``DiskFault`` that names the folder.
    """
    target = Path(path)
    check_path(target)
    tmp: Path | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        tmp = Path(tmp_name)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if os.name == "posix":
            tmp.chmod(mode)
        os.replace(tmp, target)
    except BaseException as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise_explained(exc, target)
        raise
    sync_dir(target.parent)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` in one step (see ``atomic_write``)."""
    with atomic_write(path, mode) as handle:
        handle.write(data)


def sync_dir(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
