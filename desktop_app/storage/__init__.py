"""Where the records live and how they are kept safe.

The SQLite engine and its migrations (``db``), atomic file writes (``atomic``), backups and
their thinning, restore, the integrity check at start, the one-window lock, the disk and
folder checks, the data folder's paths, and the ``Workspace`` that opens all of it in order.
Services sit above this layer; nothing here knows about activities or payments.
"""
