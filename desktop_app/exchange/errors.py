"""Why a file was refused, in plain words. Every refusal leaves the records unchanged."""

from __future__ import annotations

from desktop_app.errors import InvalidInput, UserFacingError
from desktop_app.i18n import _


class BadExchangeFile(InvalidInput):
    """A file that cannot be opened as a Partner Log file. Nothing was changed."""

    def __init__(self, message: str, next_step: str | None = None) -> None:
        super().__init__(
            message,
            next_step
            if next_step is not None
            else _("Nothing was changed. Ask the sender to make the file again."),
        )


class NotAnExchangeFile(BadExchangeFile):
    """Not a zip, or a zip that is not ours."""


class DamagedFile(BadExchangeFile):
    """Truncated or corrupted on the way."""


class TamperedFile(BadExchangeFile):
    """A checksum does not match: the file was changed after it was made."""


class UnsafeFile(BadExchangeFile):
    """Zip tricks: odd member names, too many members, too large, a zip bomb."""


class InvalidContents(BadExchangeFile):
    """The data inside breaks the format: wrong types, values out of range, and so on."""


class NewerFormat(BadExchangeFile):
    """Made by a newer version of Partner Log."""


class WrongPassphrase(BadExchangeFile):
    """The passphrase does not open the file (or the protected part was changed)."""


class PassphraseNeeded(BadExchangeFile):
    """The file is protected and no passphrase was given."""


class OwnFile(BadExchangeFile):
    """The file was made by this same copy of Partner Log."""


class WrongKindOfFile(BadExchangeFile):
    """A partner file opened by a partner, or a project file opened by a coordinator."""


class LargeChangeNeedsConfirmation(UserFacingError):
    """The import would delete or change a large share of the records: ask first."""

    exit_code = 2
