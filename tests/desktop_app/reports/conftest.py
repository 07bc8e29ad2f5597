"""A session holding the demo records, for report tests."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from desktop_app import demo


@pytest.fixture
def demo_session(session: Session) -> Session:
    demo.populate(session)
    session.flush()
    return session
