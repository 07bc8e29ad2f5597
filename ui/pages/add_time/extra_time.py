"""The optional extras of "Add my time": "Anything to add?" and the pages it opens.

After "How long did it take?" comes one page of tiles. "No, that is all" goes on to
Check your answers, so a 1-hour meeting today stays a few clicks. The other tiles open
one question each (time getting ready, travel time, a note or a product), then come back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop_app.i18n import _
from ui.formatting import duration_words
from ui.pages.add_time.answers import TimeAnswers
from ui.pages.add_time.steps import (
    ANOTHER,
    AnotherAmountPage,
    TilePage,
    ask_again_about_long_times,
)
from ui.widgets.buttons import PrimaryButton
from ui.widgets.duration import DurationStepper
from ui.widgets.fields import LabelledField
from ui.widgets.second_look import SecondLook
from ui.widgets.tiles import Choice

#: The tiles of "Anything to add?".
NOTHING_MORE = "done"
PREP = "prep"
TRAVEL = "travel"
NOTE = "note"


def _added(minutes: int) -> str:
    if not minutes:
        return _("Not added")
    return _("Added: {duration}").format(duration=duration_words(minutes))


def _note_and_product(answers: TimeAnswers) -> str:
    if answers.note and answers.product_id:
        return _("Added: a note and a product")
    if answers.note:
        return _("Added: a note")
    if answers.product_id:
        return _("Added: a product")
    return _("Not added")


class AnythingToAddPage(TilePage):
    """A hub: "No, that is all", or one of the extras. Each tile says what is added."""

    def __init__(self, answers: TimeAnswers, on_answer: Callable[[Any], None]) -> None:
        choices = [
            Choice(NOTHING_MORE, _("No, that is all"), _("Go on to check your answers")),
            Choice(PREP, _("Time getting ready"), icon="preparation"),
            Choice(TRAVEL, _("Travel time"), icon="travel"),
            Choice(NOTE, _("A note or a product")),
        ]
        super().__init__(
            _("Anything to add?"),
            choices,
            on_answer,
            hint=_("You can add time getting ready, travel time, a note or a product."),
            columns=1,
        )
        self.show_answers(answers)

    def show_answers(self, answers: TimeAnswers) -> None:
        """Say on each tile what has been added so far."""
        self.tiles.set_value(None)  # a list of things to add: no tile is "the answer"
        self.tiles.tile_for(PREP).set_description(_added(answers.prep_minutes))
        self.tiles.tile_for(TRAVEL).set_description(_added(answers.travel_minutes))
        self.tiles.tile_for(NOTE).set_description(_note_and_product(answers))

    def first_focus(self) -> QWidget | None:
        return self.tiles.tile_for(NOTHING_MORE)


class ExtraMinutesPage(AnotherAmountPage):
    """No time, 15, 30 or 45 minutes, 1 hour, or another amount with − and +."""

    PRESETS = (0, 15, 30, 45, 60)

    def __init__(
        self, title: str, hint: str, label: str, current: int, on_answer: Callable[[int], None]
    ) -> None:
        words = {
            0: _("No time"),
            15: _("15 minutes"),
            30: _("30 minutes"),
            45: _("45 minutes"),
            60: _("1 hour"),
        }
        choices = [Choice(m, words[m]) for m in self.PRESETS]
        choices.append(Choice(ANOTHER, _("Another amount")))
        preset = current if current in self.PRESETS else ANOTHER
        self._answer = on_answer
        super().__init__(title, choices, self._picked, preset, hint=hint, columns=2)
        self.stepper = DurationStepper(label, minimum=0)
        self.stepper.set_value(current if current not in self.PRESETS else 75)
        self.amount_field = self.add_field(
            "minutes",
            LabelledField(
                label,
                self.stepper,
                _("Type it, like 1:30 or 90 minutes, or use \u2212 and + to change it by 15."),
            ),
        )
        self.amount_field.setVisible(preset == ANOTHER)
        self.second_look = SecondLook()
        self.body.addWidget(self.second_look)
        ask_again_about_long_times(self.stepper, self.second_look, on_answer)
        self.continue_button = PrimaryButton(_("Continue"))
        self.body.addWidget(self.continue_button)  # parent first: a lone widget is a window
        self.continue_button.setVisible(preset == ANOTHER)
        self.continue_button.clicked.connect(self._continue)
        self.set_tab_order(
            [
                *self.tiles.tiles,
                self.stepper.less,
                self.stepper.box,
                self.stepper.more,
                self.continue_button,
                self.second_look,
                self.second_look.yes,
                self.second_look.no,
            ]
        )


def prep_page(current: int, on_answer: Callable[[int], None]) -> ExtraMinutesPage:
    return ExtraMinutesPage(
        _("How long did you spend getting ready?"),
        _("For example, reading papers before a meeting."),
        _("Time getting ready"),
        current,
        on_answer,
    )


def travel_page(current: int, on_answer: Callable[[int], None]) -> ExtraMinutesPage:
    return ExtraMinutesPage(
        _("How long did you spend travelling?"),
        _("Count the time to get there and back."),
        _("Travel time"),
        current,
        on_answer,
    )
