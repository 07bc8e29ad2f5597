"""The one error path: problems a person can fix, kept apart from bugs.

A ``UserFacingError`` carries a short, plain message and what to do next. Anything
else that escapes is a bug: it is logged and shown calmly, never as a traceback.
"""

from __future__ import annotations

from enum import Enum


class UserFacingError(Exception):
    """A problem the person can do something about (locked folder, damaged file...)."""

    #: Exit status used by the command line for this kind of problem.
    exit_code = 1

    def __init__(self, message: str, next_step: str = "", field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.next_step = next_step
        #: Name of the form field the problem belongs to, so a form can show it there.
        self.field = field

    def __str__(self) -> str:
        """What to tell the person: the message, then what to do next."""
        return f"{self.message} {self.next_step}".strip()


class InvalidInput(UserFacingError):
    """Something the person typed or chose cannot be used as it is."""

    exit_code = 2


class NotFound(InvalidInput):
    """The person named something (a project, a partner, an entry) that is not here."""


class NewerDatabase(UserFacingError):
    """The data was written by a newer version of Partner Log."""


class DataFolderBusy(UserFacingError):
    """Another Partner Log window already has this data folder open."""


class Fault(Enum):
    """What the disk or the folder refused, when saving failed."""

    FULL = "full"
    READ_ONLY = "read_only"
    IN_USE = "in_use"
    MISSING_FOLDER = "missing_folder"
    BAD_NAME = "bad_name"
    TOO_LONG = "too_long"


class DiskFault(UserFacingError):
    """The disk or folder refused a write. Nothing was changed (see ``storage.faults``)."""

    def __init__(self, kind: Fault, message: str, next_step: str = "", where: str = "") -> None:
        super().__init__(message, next_step)
        self.kind = kind
        #: The folder or file the message names ("" when it is not known).
        self.where = where
