"""The question pages of "Add my time". Each asks one thing and hands the answer back."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from desktop_app import clock
from desktop_app.errors import InvalidInput
from desktop_app.i18n import _
from desktop_app.labels import label
from desktop_app.model import ActivityKind
from desktop_app.services.durations import needs_second_look
from desktop_app.services.validation import MAX_NOTE
from ui.pages.add_time.answers import KIND_ICONS, kind_hint
from ui.widgets.buttons import PrimaryButton
from ui.widgets.date_field import DateField
from ui.widgets.duration import DurationStepper, describe_minutes
from ui.widgets.fields import LabelledField
from ui.widgets.page import Page
from ui.widgets.second_look import SecondLook
from ui.widgets.tiles import Choice, TileGroup

ANOTHER = "another"


class TilePage(Page):
    """A question answered by choosing a tile (one click)."""

    def __init__(
        self,
        title: str,
        choices: Sequence[Choice],
        on_answer: Callable[[Any], None],
        current: Any = None,
        hint: str = "",
        columns: int = 2,
    ) -> None:
        super().__init__(title, hint, back_text="")
        self.on_answer = on_answer
        self.tiles = TileGroup(choices, columns=columns)
        self.tiles.set_value(current)
        self.tiles.chosen.connect(self._chosen)
        self.body.addWidget(self.tiles)
        self.set_tab_order(self.tiles.tiles)

    def _chosen(self, value: Any) -> None:
        self.on_answer(value)

    def first_focus(self) -> QWidget | None:
        checked = next((t for t in self.tiles.tiles if t.isChecked()), None)
        return checked or self.tiles.tiles[0]


def what_page(current: str | None, on_answer: Callable[[Any], None]) -> TilePage:
    choices = [
        Choice(kind.value, label(kind), kind_hint(kind), icon) for kind, icon in KIND_ICONS.items()
    ]
    return TilePage(_("What did you do?"), choices, on_answer, current)


class WhenPage(TilePage):
    """Today, Yesterday, or another day picked on a calendar."""

    def __init__(self, current: date | None, on_answer: Callable[[date], None]) -> None:
        today = clock.today()
        choices = [
            Choice("today", _("Today"), icon="today"),
            Choice("yesterday", _("Yesterday")),
            Choice(ANOTHER, _("Another day")),
        ]
        preset = None
        if current == today:
            preset = "today"
        elif current == today - timedelta(days=1):
            preset = "yesterday"
        elif current is not None:
            preset = ANOTHER
        self._answer = on_answer
        super().__init__(_("When was it?"), choices, self._picked, preset, columns=3)
        self.picker = DateField(current if preset == ANOTHER else None)
        self.date_field = self.add_field(
            "date",
            LabelledField(
                _("Which day?"),
                self.picker,
                _("For example, {day}. Or choose it on the calendar.").format(
                    day=self.picker.example()
                ),
            ),
        )
        self.date_field.setVisible(preset == ANOTHER)
        self.continue_button = PrimaryButton(_("Continue"))
        self.body.addWidget(self.continue_button)  # parent first: a lone widget is a window
        self.continue_button.setVisible(preset == ANOTHER)
        self.continue_button.clicked.connect(self._continue)
        self.set_tab_order(
            [*self.tiles.tiles, self.picker.edit, self.picker.calendar_button, self.continue_button]
        )

    def _picked(self, value: str) -> None:
        today = clock.today()
        if value == "today":
            self._answer(today)
        elif value == "yesterday":
            self._answer(today - timedelta(days=1))
        else:
            self.date_field.setVisible(True)
            assert self.continue_button is not None
            self.continue_button.setVisible(True)
            self.picker.edit.setFocus()

    def _continue(self) -> None:
        try:
            chosen = self.picker.day()
        except InvalidInput as problem:
            self.show_problems([("date", problem.message)])
            return
        self.clear_problems()
        self._answer(chosen)


class AnotherAmountPage(TilePage):
    """Time tiles plus "Another amount", typed in a stepper and asked about again when
    it is very long. Subclasses make ``stepper``, ``amount_field`` and ``second_look``."""

    #: False when "no time" is a problem here (the activity itself), not an answer.
    allows_no_time = True
    stepper: DurationStepper
    amount_field: LabelledField
    second_look: SecondLook
    _answer: Callable[[int], None]

    def _picked(self, value: Any) -> None:
        if value == ANOTHER:
            self.amount_field.setVisible(True)
            assert self.continue_button is not None
            self.continue_button.setVisible(True)
            self.stepper.focus()
            return
        self._answer(int(value))

    def _continue(self) -> None:
        minutes = read_minutes(self, self.stepper, "minutes")
        if minutes is None:
            return
        if minutes <= 0 and not self.allows_no_time:
            self.show_problems([("minutes", _("Enter how long it took."))])
            return
        self.clear_problems()
        if not second_look_at(minutes, self.second_look):
            self._answer(minutes)


class HowLongPage(AnotherAmountPage):
    """30 minutes, 1 hour, 1½ hours, 2 hours, or another amount with − and +."""

    allows_no_time = False

    PRESETS = (30, 60, 90, 120)

    def __init__(self, current: int | None, on_answer: Callable[[int], None]) -> None:
        words = {30: _("30 minutes"), 60: _("1 hour"), 90: _("1\u00bd hours"), 120: _("2 hours")}
        choices = [Choice(m, words[m]) for m in self.PRESETS]
        choices.append(Choice(ANOTHER, _("Another amount")))
        preset = current if current in self.PRESETS else (ANOTHER if current else None)
        self._answer = on_answer
        super().__init__(
            _("How long did it take?"),
            choices,
            self._picked,
            preset,
            columns=2,
            hint=_(
                "Count the time of the activity itself. On the next page you can add time "
                "getting ready or travelling."
            ),
        )
        self.stepper = DurationStepper(_("How many minutes?"), minimum=0)
        self.stepper.set_value(current if current and current not in self.PRESETS else 60)
        self.amount_field = self.add_field(
            "minutes",
            LabelledField(
                _("How long?"),
                self.stepper,
                _("Type it, like 1:30 or 90 minutes, or use \u2212 and + to change it by 15."),
            ),
        )
        self.amount_field.setVisible(preset == ANOTHER)
        self.second_look = SecondLook()
        self.body.addWidget(self.second_look)
        self.continue_button = PrimaryButton(_("Continue"))
        self.body.addWidget(self.continue_button)  # parent first: a lone widget is a window
        self.continue_button.setVisible(preset == ANOTHER)
        self.continue_button.clicked.connect(self._continue)
        ask_again_about_long_times(self.stepper, self.second_look, self._answer)
        self.set_tab_order(
            [
                *self.tiles.tiles,
                self.stepper.less,
                self.stepper.box,
                self.stepper.more,
                self.second_look,
                self.second_look.yes,
                self.second_look.no,
                self.continue_button,
            ]
        )


def read_minutes(page: Page, stepper: DurationStepper, field: str) -> int | None:
    """The stepper's minutes, or None after showing why they cannot be read."""
    try:
        return stepper.value()
    except InvalidInput as problem:
        page.show_problems([(field, problem.message)])
        return None


def second_look_at(minutes: int, second_look: SecondLook) -> bool:
    """Ask "Is 16 hours right?" when the time is over 12 hours; True when asking."""
    if not needs_second_look(minutes):
        return False
    second_look.ask(_("Is {time} right?").format(time=describe_minutes(minutes)), minutes)
    return True


def ask_again_about_long_times(
    stepper: DurationStepper, second_look: SecondLook, on_answer: Callable[[int], None]
) -> None:
    """Wire a second look: Yes answers with the minutes, No goes back to the box, and a
    change to the time takes the question away."""

    def confirmed() -> None:
        minutes = second_look.about
        second_look.dismiss()
        if isinstance(minutes, int):
            on_answer(minutes)

    second_look.confirmed.connect(confirmed)
    second_look.declined.connect(stepper.focus)
    stepper.box.textChanged.connect(lambda _text: second_look.dismiss())


class NotePage(Page):
    def __init__(self, current: str, on_answer: Callable[[str], None]) -> None:
        super().__init__(
            _("Add a note (optional)"),
            _("A few words to help you remember. Do not write health details."),
            continue_text="",
            back_text="",
        )
        self.text = QPlainTextEdit()
        self.text.setPlainText(current)
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(120)
        self.add_field(
            "note",
            LabelledField(_("Your note"), self.text, _("Up to {n} characters").format(n=MAX_NOTE)),
        )
        assert self.continue_button is not None
        self.continue_button.clicked.connect(self._continue)
        self._answer = on_answer
        self.set_tab_order([self.text])

    def _continue(self) -> None:
        note = self.text.toPlainText().strip()
        if len(note) > MAX_NOTE:
            self.show_problems(
                [
                    (
                        "note",
                        _("Notes can be up to {n} characters. It has {m} now.").format(
                            n=MAX_NOTE, m=len(note)
                        ),
                    )
                ]
            )
            return
        self._answer(note)

    def first_focus(self) -> QWidget | None:
        return self.text


NO_PRODUCT = ""


def product_page(
    products: Sequence[tuple[str, str]], current: str | None, on_answer: Callable[[Any], None]
) -> TilePage:
    choices = [Choice(NO_PRODUCT, _("No product"))]
    choices += [Choice(pid, title) for pid, title in products]
    return TilePage(
        _("Was it for a product? (optional)"),
        choices,
        on_answer,
        current or NO_PRODUCT,
        columns=1,
        hint=_("A product is something the team made, like a handout or a video."),
    )


def project_page(
    projects: Sequence[tuple[str, str]], current: str | None, on_answer: Callable[[Any], None]
) -> TilePage:
    choices = [Choice(pid, name) for pid, name in projects]
    return TilePage(_("Which project was it for?"), choices, on_answer, current, columns=1)


def kind_of(value: str | None) -> ActivityKind | None:
    return ActivityKind(value) if value else None
