"""The day every test runs on, whatever the computer's calendar says."""

from __future__ import annotations

from datetime import date

#: Pinned for every test by the ``today`` fixture in ``tests/conftest.py``. A Wednesday
#: in September: the longest weekday and month names in English, so a screen that
#: cannot fit a long date fails on any day the tests run, not only on some.
TEST_DAY = date(2026, 9, 30)
