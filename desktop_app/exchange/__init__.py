"""File-based sync: partner files, project files, the merge, and the finance export.

The screens call these functions (all take a Session; the caller owns the transaction):

- ``export_partner_file(session, out, since_last=False, passphrase=None)`` -> ExportedFile
- ``confirm_sent(session)``: the partner says the file has gone; "Ready to send" -> "Sent"
- ``export_project_file(session, out, person_id=..., passphrase=None)`` -> ExportedFile
- ``export_project_files(session, folder, person_ids=None, passphrase=None)``: one per partner
- ``preview(session, files, passphrase=None, links=None)`` -> Preview
- ``apply(session, preview, links=None, confirm=False)`` -> ImportResult
- ``conflicts.list_conflicts / keep_mine / keep_theirs / keep_both``
- ``finance.export_finance(session, out)``

This package is pure Python and never imports Qt or the ``ui`` package.
"""

from desktop_app.exchange.errors import BadExchangeFile, LargeChangeNeedsConfirmation
from desktop_app.exchange.export import (
    ExportedFile,
    confirm_sent,
    coordinator_emails,
    describe,
    export_partner_file,
    export_project_file,
    export_project_files,
    partner_file_words,
    suggested_name,
    waiting_to_send,
)
from desktop_app.exchange.importing import FilePreview, ImportResult, Preview, apply, preview

__all__ = [
    "BadExchangeFile",
    "ExportedFile",
    "FilePreview",
    "ImportResult",
    "LargeChangeNeedsConfirmation",
    "Preview",
    "apply",
    "confirm_sent",
    "coordinator_emails",
    "describe",
    "export_partner_file",
    "export_project_file",
    "export_project_files",
    "partner_file_words",
    "preview",
    "suggested_name",
    "waiting_to_send",
]
