"""First-run set-up, the owner's own details, and the people in the records."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from desktop_app.errors import InvalidInput, NotFound
from desktop_app.model import PaymentChoice, Role
from desktop_app.services import profile


def test_setup_happens_once_and_the_profile_can_change(session: Session) -> None:
    with pytest.raises(InvalidInput, match="Enter your name"):
        profile.setup(session, Role.PARTNER, "   ")
    profile.setup(session, "partner", "Ana Souza", payment_choice="declined")
    with pytest.raises(InvalidInput, match="already set up"):
        profile.setup(session, Role.PARTNER, "Someone Else")
    me = profile.change_profile(session, preferred_name="Ana", payment_choice=PaymentChoice.PAID)
    assert (me.name, me.payment_choice, me.rev) == ("Ana", PaymentChoice.PAID, 2)
    assert profile.find_person(session, "ana").id == me.id
    with pytest.raises(NotFound):
        profile.find_person(session, "Nobody")
