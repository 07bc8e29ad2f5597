"""The newest schema revision this version of Partner Log knows.

It lives alone so that reading it imports nothing: the first paint compares the stamp in
the records file with it before SQLAlchemy or Alembic is loaded. A test checks it
matches Alembic's head.
"""

from __future__ import annotations

SCHEMA_HEAD = "0008"
