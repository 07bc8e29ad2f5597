"""Logging to a rotating file. Logs name areas and events, never people's words.

Never log names, notes, amounts or file contents: log record ids and counts instead.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
from pathlib import Path

from desktop_app.storage.paths import ensure_private_dir, log_dir

LOG_FILE = "partner-log.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _PrivateLogFile(logging.handlers.RotatingFileHandler):
    """A rotating log whose folder is made (owner-only) when the first line is written.

    When the log sits inside a data folder that does not exist (a mistyped
    ``--data-dir``), nothing is written, so a command never creates stray folders. When
    the log cannot be written (a full disk, a read-only folder), the line is dropped
    quietly.
    """

    def __init__(self, path: Path, needs: Path | None) -> None:
        super().__init__(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True)
        self._needs = needs

    def emit(self, record: logging.LogRecord) -> None:
        if self.stream is None and self._needs is not None and not self._needs.exists():
            return
        super().emit(record)

    def _open(self):  # type: ignore[no-untyped-def]
        ensure_private_dir(Path(self.baseFilename).parent)
        return super()._open()

    def flush(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            super().flush()

    def handleError(self, record: logging.LogRecord) -> None:
        """Say nothing when the log cannot be written (a full disk, a read-only folder).

        The log only helps a helper later. Printing "Logging error" with a traceback, or
        raising, would turn the person's real problem into a different, frightening one.
        """


def configure(data_dir: Path, level: int = logging.INFO) -> Path:
    """Send the ``partner_log`` loggers to a rotating file; return its path."""
    path = log_dir(data_dir) / LOG_FILE
    root = logging.getLogger("partner_log")
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            root.removeHandler(handler)
            with contextlib.suppress(OSError):
                handler.close()
    folder = log_dir(data_dir)
    handler = _PrivateLogFile(path, needs=data_dir if data_dir in folder.parents else None)
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    root.propagate = False
    return path


def bug_report(exc: BaseException) -> str:
    """Where a bug happened, without its message (which may quote people's words)."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    lines = [f"{type(exc).__module__}.{type(exc).__qualname__}"]
    lines += [f"  {frame.filename}:{frame.lineno} in {frame.name}" for frame in frames]
    cause = exc.__cause__ or exc.__context__
    if cause is not None and cause is not exc:
        lines.append(f"caused by {type(cause).__module__}.{type(cause).__qualname__}")
    return "\n".join(lines)
