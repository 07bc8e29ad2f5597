"""A coordinator's choice of their organisation's shared database, checked before it is
kept: an address that cannot be used now would stop the next start at a message."""

from __future__ import annotations

from desktop_app.storage.server_db import try_login
from desktop_app.storage.server_url import address_to_keep, server_url


def usable_address(text: str) -> str:
    """The address as it is kept in the settings ("" for the records in this folder),
    once a login to it has worked. Slow (it reaches the server): run it off the UI
    thread. ``InvalidInput`` for an address that cannot be used or holds a password;
    ``ServerUnreachable`` when the server cannot be reached or turns the login down."""
    kept = address_to_keep(text)
    if kept:
        try_login(server_url(kept))
    return kept
