"""The "Add my time" flow: which page comes next, drafts, saving and changing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from desktop_app.errors import InvalidInput
from desktop_app.i18n import _
from desktop_app.labels import label
from desktop_app.model import ActivityKind
from desktop_app.services import activities, products, profile, projects
from ui.context import AppContext
from ui.formatting import day_words, duration_words
from ui.pages.add_time.answers import DRAFT_NAME, TimeAnswers
from ui.pages.add_time.check import AnswerRow
from ui.pages.add_time.extra_time import (
    NOTE,
    NOTHING_MORE,
    PREP,
    TRAVEL,
    AnythingToAddPage,
    prep_page,
    travel_page,
)
from ui.pages.add_time.steps import (
    HowLongPage,
    NotePage,
    WhenPage,
    product_page,
    project_page,
    what_page,
)
from ui.pages.question_flow import QuestionFlow
from ui.pages.resume_draft import ResumeDraftPage
from ui.widgets.page import Page

#: Which page a problem found on saving belongs to.
FIELD_ROWS = {
    "kind": "kind",
    "date": "day",
    "minutes": "minutes",
    "prep_minutes": "prep",
    "travel_minutes": "travel",
    "project": "project",
    "note": "note",
}


class AddTimeFlow(QuestionFlow):
    """Asks one thing per page. With ``editing`` it changes a saved entry instead."""

    def __init__(self, ctx: AppContext, answers: TimeAnswers | None = None) -> None:
        super().__init__(ctx)
        self.answers = answers or TimeAnswers()
        self._projects = [(p.id, p.name) for p in ctx.call(projects.projects)]
        self.hub: AnythingToAddPage | None = None

    # -- starting -------------------------------------------------------------------
    def start(self) -> None:
        if self.answers.editing_id is None:
            saved = self.ctx.drafts.load(DRAFT_NAME)
            if saved and not TimeAnswers.from_json(saved).is_empty():
                self.ctx.nav.push(
                    ResumeDraftPage(
                        _("You have an unfinished entry"),
                        _(
                            "You started adding some time but did not save it. "
                            "Do you want to carry on with it?"
                        ),
                        on_resume=lambda: self._resume(TimeAnswers.from_json(saved)),
                        on_restart=self._restart,
                    )
                )
                return
        self.next()

    def _resume(self, answers: TimeAnswers) -> None:
        self.answers = answers
        self.ctx.nav.back()
        self.next()

    def _restart(self) -> None:
        self.ctx.drafts.clear(DRAFT_NAME)
        self.answers = TimeAnswers()
        self.ctx.nav.back()
        self.next()

    # -- moving on ------------------------------------------------------------------
    def next(self) -> None:
        a = self.answers
        if a.project_id is None and len(self._projects) == 1:
            a.project_id = self._projects[0][0]
        if a.kind is None:
            self._push(what_page(a.kind, self._answer("kind")))
        elif a.day is None:
            self._push(WhenPage(a.date, self._answer("day")))
        elif a.minutes is None:
            self._push(HowLongPage(a.minutes, self._answer("minutes")))
        elif a.project_id is None and self._projects:
            self._push(project_page(self._projects, a.project_id, self._answer("project_id")))
        elif not a.extras_done and a.editing_id is None:
            self.hub = AnythingToAddPage(a, self._extra_chosen)
            self._push(self.hub)
        else:
            editing = self.answers.editing_id is not None
            self.show_check(
                _("Check your answers") if not editing else _("Change this entry"),
                _("Save") if not editing else _("Save the changes"),
            )

    def _push(self, page: Page) -> None:
        self.ctx.nav.push(page)

    def _answer(self, name: str) -> Callable[[Any], None]:
        def take(value: Any) -> None:
            if isinstance(value, date):
                value = value.isoformat()
            if name == "product_id" and value == "":
                value = None
            setattr(self.answers, name, value)
            if name != "extras_done" and self.check not in self.ctx.nav.pages:
                # Going forward again (not from a Change link): "Anything to add?" comes next.
                self.answers.extras_done = False
            self.answered()

        return take

    # -- anything to add? --------------------------------------------------------------
    def _extra_chosen(self, value: str) -> None:
        a = self.answers
        if value == NOTHING_MORE:
            self._answer("extras_done")(True)
        elif value == PREP:
            self._push(prep_page(a.prep_minutes, self._extra("prep_minutes")))
        elif value == TRAVEL:
            self._push(travel_page(a.travel_minutes, self._extra("travel_minutes")))
        elif value == NOTE:
            self._push(NotePage(a.note, self._extra("note", then=self._ask_product)))

    def _ask_product(self) -> None:
        mine = self._my_products()
        if not mine:
            self._back_to_hub()
            return
        self._push(product_page(mine, self.answers.product_id, self._extra("product_id")))

    def _extra(self, name: str, then: Callable[[], None] | None = None) -> Callable[[Any], None]:
        """Take an extra asked from "Anything to add?", then go back there (or on)."""
        take = self._answer(name)

        def take_extra(value: Any) -> None:
            if self.check in self.ctx.nav.pages or self.hub not in self.ctx.nav.pages:
                take(value)  # from a Change link: back to Check your answers
                return
            if name == "product_id" and value == "":
                value = None
            setattr(self.answers, name, value)
            self.save_draft()
            (then or self._back_to_hub)()

        return take_extra

    def _back_to_hub(self) -> None:
        assert self.hub is not None
        self.ctx.nav.back_to(self.hub)
        self.hub.show_answers(self.answers)

    def save_draft(self) -> None:
        if self.answers.editing_id is None:
            self.ctx.drafts.save(DRAFT_NAME, self.answers.to_json())

    # -- check your answers -----------------------------------------------------------
    def refresh_check(self) -> None:
        assert self.check is not None
        a = self.answers
        kind = ActivityKind(a.kind) if a.kind else ActivityKind.OTHER
        product_titles = dict(self._my_products())
        rows = [
            AnswerRow(
                "kind",
                _("What you did"),
                label(kind),
                lambda: self._push(what_page(a.kind, self._answer("kind"))),
            ),
            AnswerRow(
                "day",
                _("When"),
                day_words(a.date) if a.date else "",
                lambda: self._push(WhenPage(a.date, self._answer("day"))),
            ),
            AnswerRow(
                "minutes",
                _("How long"),
                duration_words(a.minutes or 0),
                lambda: self._push(HowLongPage(a.minutes, self._answer("minutes"))),
            ),
            AnswerRow(
                "prep",
                _("Time getting ready"),
                duration_words(a.prep_minutes),
                lambda: self._push(prep_page(a.prep_minutes, self._answer("prep_minutes"))),
                _("Change") if a.prep_minutes else _("Add"),
            ),
            AnswerRow(
                "travel",
                _("Travel time"),
                duration_words(a.travel_minutes),
                lambda: self._push(travel_page(a.travel_minutes, self._answer("travel_minutes"))),
                _("Change") if a.travel_minutes else _("Add"),
            ),
        ]
        if len(self._projects) > 1:
            names = dict(self._projects)
            rows.append(
                AnswerRow(
                    "project",
                    _("Project"),
                    names.get(a.project_id or "", ""),
                    lambda: self._push(
                        project_page(self._projects, a.project_id, self._answer("project_id"))
                    ),
                )
            )
        rows.append(
            AnswerRow(
                "note",
                _("Note"),
                a.note or _("No note"),
                lambda: self._push(NotePage(a.note, self._answer("note"))),
                _("Change") if a.note else _("Add"),
            )
        )
        rows.append(
            AnswerRow(
                "product",
                _("Product"),
                product_titles.get(a.product_id or "", _("No product")),
                lambda: self._push(
                    product_page(self._my_products(), a.product_id, self._answer("product_id"))
                ),
                _("Change") if a.product_id else _("Add"),
            )
        )
        self.check.set_rows(rows)

    def _my_products(self) -> list[tuple[str, str]]:
        project_id = self.answers.project_id
        return [
            (p.id, p.title) for p in self.ctx.call(products.list_products, project_id=project_id)
        ]

    # -- saving ---------------------------------------------------------------------
    def save(self) -> None:
        assert self.check is not None
        a = self.answers
        fields: dict[str, Any] = {
            "date": a.date,
            "minutes": a.minutes or 0,
            "kind": a.kind or "",
            "prep_minutes": a.prep_minutes,
            "travel_minutes": a.travel_minutes,
            "note": a.note,
            "product_ids": [a.product_id] if a.product_id else [],
        }
        try:
            if a.editing_id:
                if a.project_id:
                    fields["project_id"] = a.project_id
                self.ctx.call(activities.change_activity, a.editing_id, **fields)
            else:
                self.ctx.call(profile.require_installation)
                self.ctx.call(activities.record_activity, project_id=a.project_id, **fields)
        except InvalidInput as problem:
            row = FIELD_ROWS.get(problem.field or "", "")
            self.check.show_problems([(row, str(problem))])
            return
        kind = label(ActivityKind(a.kind or "other"))
        saved = _("{kind}, {day}, {duration}.").format(
            kind=kind,
            day=day_words(a.date) if a.date else "",
            duration=duration_words(a.minutes or 0),
        )
        if a.prep_minutes:
            saved += " " + _("Getting ready: {duration}.").format(
                duration=duration_words(a.prep_minutes)
            )
        if a.travel_minutes:
            travel = duration_words(a.travel_minutes)
            saved += " " + _("Travel: {duration}.").format(duration=travel)
        self.done(
            DRAFT_NAME,
            _("Your time is saved") if not a.editing_id else _("Your changes are saved"),
            saved,
            _("Add more time"),
            on_again=self._again,
        )

    def _again(self) -> None:
        self.ctx.nav.home()
        AddTimeFlow(self.ctx).start()
