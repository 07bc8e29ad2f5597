"""Running one transaction again when another coordinator saved at the same moment.

On a shared PostgreSQL database the server refuses a transaction that would overwrite
what it never saw (``server_db.TryAgain``). Nothing of it was kept, so running the same
work again, on the records as they are now, is safe. It is tried a few times, a little
apart; after that the person is told in plain words.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from desktop_app.storage.server_db import TryAgain

log = logging.getLogger("partner_log.retry")

T = TypeVar("T")
ATTEMPTS = 8
FIRST_PAUSE_S = 0.02


def retrying(work: Callable[[], T], attempts: int = ATTEMPTS) -> T:
    """``work()``, run again (up to ``attempts`` times in all) while it raises ``TryAgain``."""
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except TryAgain:
            if attempt == attempts:
                log.warning("gave up after %d tries: others kept saving the same records", attempt)
                raise
            log.info("another coordinator saved at the same moment; trying again")
            time.sleep(FIRST_PAUSE_S * attempt * (1 + random.random()))
    raise AssertionError("unreachable")  # pragma: no cover
