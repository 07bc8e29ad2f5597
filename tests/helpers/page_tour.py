"""A tour that opens every page in turn, for screenshots and whole-app checks.

Each stop starts from Home and gets to its page the way a person would, by pressing the
same buttons. First-run set-up has its own tour on a folder that is not set up yet.

The screen tests, the AT-SPI check (``tests/accessibility``), ``tools/screenshots.py``
and ``bench/screenshot_scale.py`` use it; it is not part of the installed app.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from desktop_app.i18n import current_language
from ui.context import AppContext
from ui.widgets.page import Page

Step = Callable[[AppContext], None]


def _process() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _page(ctx: AppContext) -> Page:
    page = ctx.nav.current
    assert page is not None
    return page


def _home_action(key: str) -> Step:
    def step(ctx: AppContext) -> None:
        ctx.nav.home()
        _process()
        _page(ctx).action_buttons[key].click()  # type: ignore[attr-defined]
        _process()

    return step


def _home_link(key: str) -> Step:
    def step(ctx: AppContext) -> None:
        ctx.nav.home()
        _process()
        _page(ctx).links[key].click()  # type: ignore[attr-defined]
        _process()

    return step


def _tiles(*values: object) -> Step:
    def step(ctx: AppContext) -> None:
        for value in values:
            _page(ctx).tiles.tile_for(value).click()  # type: ignore[attr-defined]
            _process()

    return step


def _click(attribute: str) -> Step:
    def step(ctx: AppContext) -> None:
        getattr(_page(ctx), attribute).click()
        _process()

    return step


def _link(name: str) -> Step:
    def step(ctx: AppContext) -> None:
        _page(ctx).links[name].click()  # type: ignore[attr-defined]
        _process()

    return step


def _zero_amount(ctx: AppContext) -> None:
    page = _page(ctx)
    page.stepper.set_value(0)  # type: ignore[attr-defined]
    assert page.continue_button is not None
    page.continue_button.click()
    _process()


def _amount_paid(ctx: AppContext) -> None:
    page = _page(ctx)
    page.amount.edit.setText("12.50")  # type: ignore[attr-defined]
    assert page.continue_button is not None
    page.continue_button.click()
    _process()


def _large_amount(ctx: AppContext) -> None:
    """An amount high enough for its category to be asked about again."""
    page = _page(ctx)
    page.amount.edit.setText("999999.00")  # type: ignore[attr-defined]
    assert page.continue_button is not None
    page.continue_button.click()
    _process()


def _discard_drafts(ctx: AppContext) -> None:
    for name in ("add_time", "add_expense"):
        ctx.drafts.clear(name)


def _ready_to_send(ctx: AppContext) -> None:
    """The page after "Make the file", for the demo's records, without writing a file
    (making one would change what the other stops show)."""
    from desktop_app.exchange import ExportedFile, coordinator_emails, describe, suggested_name
    from desktop_app.exchange.export import partner_data
    from desktop_app.services import profile
    from ui.file_dialogs import documents_folder
    from ui.pages.ready_to_send import ReadyToSendPage

    me = ctx.call(profile.owner)
    rows = ctx.call(partner_data, me.id)
    counts = {key: len(value) for key, value in rows.items()}
    exported = ExportedFile(
        documents_folder() / suggested_name(me.display_name),
        counts,
        describe(counts, "partner", bool(me.contact.strip())),
        ctx.call(coordinator_emails, [p["id"] for p in rows["projects"]]),
    )
    ctx.nav.push(ReadyToSendPage(ctx, exported, me.display_name))


def _settle() -> None:
    """Let background work (reading a sheet) report back, then draw what it opened."""
    from ui.operations import busy

    for _ in range(500):
        if not busy():
            break
        QApplication.processEvents()
        QThreadPool.globalInstance().waitForDone(20)
    _process()


def _sheet_file(name: str) -> Path:
    """A small spreadsheet for the tour's "Bring in old records" stops."""
    from tests.helpers.sheets import MESSY, write_csv, write_xlsx

    folder = Path(tempfile.mkdtemp(prefix="partner-log-tour-"))
    if name == "two-sheets":
        return write_xlsx(folder / "my hours.xlsx", {"Notes": [["notes"]], "Hours": MESSY})
    if name == "unsure":
        rows = [["Day?", "How long"], ["2021-03-04", "2 h"], ["2021-03-05", "1:30"]]
        return write_csv(folder / "old.csv", rows)
    if name == "order":
        rows = [["Date", "Hours"], ["04/03/2021", "1"], ["05/06/2021", "2"]]
        return write_csv(folder / "old.csv", rows)
    if name == "unsure-unit":
        rows = [["Date", "Time"], ["2021-03-04", "2"]]
        return write_csv(folder / "old.csv", rows)
    if name == "day-parts":
        rows = [["Date", "Time"], ["2021-03-04", 0.0625], ["2021-03-05", 0.5]]
        return write_xlsx(folder / "old.xlsx", {"Hours": rows})
    if name == "people":
        rows = [
            ["Date", "Hours", "Partner", "Notes"],
            ["2021-03-04", "1,5", "Lin Wu", "=SUM(A1)"],
            ["2021-03-05", "2", "", ""],
        ]
        return write_csv(folder / "old.csv", rows)
    rows = [*MESSY, ["31/04/2021", "1", "", ""], ["12/05/2021", "a lot", "Reunión", ""]]
    return write_csv(folder / "old.csv", rows, "cp1252", ";")


def _open_sheet(name: str) -> Step:
    """Open the "Bring in old records" start page, then read ``name`` as if chosen."""

    def step(ctx: AppContext) -> None:
        _home_action("settings")(ctx)
        _click("old_records_button")(ctx)
        _page(ctx).flow.open_path(_sheet_file(name))  # type: ignore[attr-defined]
        _settle()

    return step


def _tile(index: int) -> Step:
    def step(ctx: AppContext) -> None:
        _page(ctx).tiles.tiles[index].click()  # type: ignore[attr-defined]
        _settle()

    return step


def _continue(ctx: AppContext) -> None:
    button = _page(ctx).continue_button
    assert button is not None
    button.click()
    _settle()


def _old_records_done(ctx: AppContext) -> None:
    """The done page, for what an import of three rows says, without saving them
    (saving would change what the other stops show)."""
    from desktop_app.sheets import ImportDone
    from ui.pages.old_records.flow import OldRecordsFlow

    done = ImportDone("tour", 3, 0, 0, 2, 0, Path("backup.sqlite3"))  # as the preview says
    OldRecordsFlow(ctx).show_done(done)
    _process()


def _no_date_column(ctx: AppContext) -> None:
    """On "Which column holds what?", choose "No column" for the dates, then Continue."""
    from desktop_app.sheets import Field

    page = _page(ctx)
    page.combos[Field.DATE].setCurrentIndex(0)  # type: ignore[attr-defined]
    _continue(ctx)


def _old_records_undone(ctx: AppContext) -> None:
    """The done page after Undo, as the flow shows it when the records are taken out
    (without taking out the tour's made-up import)."""
    from desktop_app.sheets import UndoDone

    _page(ctx).show_undone(UndoDone(3, 1, 0))  # type: ignore[attr-defined]
    _process()


#: name -> steps from Home. Names are used for screenshot files.
STOPS: dict[str, list[Step]] = {
    "home": [lambda ctx: (ctx.nav.home(), _process())],
    "add-time-1-what": [_discard_drafts, _home_action("add_time")],
    "add-time-2-when": [_discard_drafts, _home_action("add_time"), _tiles("meeting")],
    "add-time-2b-another-day": [
        _discard_drafts,
        _home_action("add_time"),
        _tiles("meeting", "another"),
    ],
    "add-time-3-how-long": [_discard_drafts, _home_action("add_time"), _tiles("meeting", "today")],
    "add-time-3b-problem": [
        _discard_drafts,
        _home_action("add_time"),
        _tiles("meeting", "today", "another"),
        _zero_amount,
    ],
    "add-time-3c-anything-to-add": [
        _discard_drafts,
        _home_action("add_time"),
        _tiles("meeting", "today", 60),
    ],
    "add-time-3d-getting-ready": [
        _discard_drafts,
        _home_action("add_time"),
        _tiles("meeting", "today", 60, "prep"),
    ],
    "add-time-3e-travel": [
        _discard_drafts,
        _home_action("add_time"),
        _tiles("meeting", "today", 60, "travel", "another"),
    ],
    "add-time-4-check": [
        _discard_drafts,
        _home_action("add_time"),
        _tiles("meeting", "today", 60, "done"),
    ],
    "add-time-5-note": [
        _discard_drafts,
        _home_action("add_time"),
        _tiles("meeting", "today", 60, "done"),
        _link("note"),
    ],
    "add-time-5b-getting-ready": [
        _discard_drafts,
        _home_action("add_time"),
        _tiles("meeting", "today", 60, "done"),
        _link("prep"),
    ],
    "add-time-5c-product": [
        _discard_drafts,
        _home_action("add_time"),
        _tiles("meeting", "today", 60, "done"),
        _link("product"),
    ],
    "expense-1-what": [_discard_drafts, _home_action("add_expense")],
    "expense-2-when": [_discard_drafts, _home_action("add_expense"), _tiles("parking")],
    "expense-3-amount": [
        _discard_drafts,
        _home_action("add_expense"),
        _tiles("parking", "today"),
    ],
    "expense-3b-is-it-right": [
        _discard_drafts,
        _home_action("add_expense"),
        _tiles("parking", "today"),
        _large_amount,
    ],
    "expense-4-receipt": [
        _discard_drafts,
        _home_action("add_expense"),
        _tiles("parking", "today"),
        _amount_paid,
    ],
    "expense-5-check": [
        _discard_drafts,
        _home_action("add_expense"),
        _tiles("parking", "today"),
        _amount_paid,
        _click("skip"),
    ],
    "records": [_home_action("records")],
    "records-entry": [_home_action("records"), _click("open_button")],
    "products": [_home_link("products")],
    "products-add": [_home_link("products"), _click("add_button")],
    "reflections": [_home_link("reflections")],
    "reflections-add": [_home_link("reflections"), _click("add_button")],
    "certificate-1-period": [_home_action("certificate")],
    "certificate-1b-dates": [_home_action("certificate"), _tiles("dates")],
    "certificate-2-preview": [_home_action("certificate"), _tiles("all")],
    "statement-2-preview": [_home_link("statement"), _tiles("all")],
    "send": [_home_action("send")],
    "send-2-ready": [_home_action("send"), _ready_to_send],
    "settings": [_home_action("settings")],
    "help": [_home_action("settings"), _click("help_link")],
    "old-records-1-file": [_home_action("settings"), _click("old_records_button")],
    "old-records-2-sheet": [_open_sheet("two-sheets")],
    "old-records-2b-date-order": [_open_sheet("order")],
    "old-records-2c-unit": [_open_sheet("unsure-unit")],
    "old-records-2d-parts-of-a-day": [_open_sheet("day-parts")],
    "old-records-3-columns": [_open_sheet("unsure")],
    "old-records-3b-no-date": [_open_sheet("unsure"), _no_date_column],
    "old-records-4-preview": [_open_sheet("messy")],
    "old-records-5-confirm": [_open_sheet("messy"), _continue],
    "old-records-6-done": [_old_records_done],
    "old-records-6b-undone": [_old_records_done, _old_records_undone],
}


def _open_first_entry(ctx: AppContext) -> None:
    """Open the first entry of the review list, as a double-click or Enter does."""
    page = _page(ctx)
    page.open_entry(page.proxy.index(0, 0))  # type: ignore[attr-defined]
    _process()


def _background_done(ctx: AppContext) -> None:
    """Let work started off the UI thread (figures a page counts) report back."""
    from PySide6.QtCore import QThreadPool

    for _ in range(3):
        QThreadPool.globalInstance().waitForDone(10000)
        _process()


def _demo_pay_dates(ctx: AppContext) -> None:
    """The payments page on the demo's last months: partners owed, payments made."""
    page = _page(ctx)
    page.start.edit.setText("1 January 2023")  # type: ignore[attr-defined]
    page.end.edit.setText("30 September 2023")  # type: ignore[attr-defined]
    page.show_owed.click()  # type: ignore[attr-defined]
    _background_done(ctx)


#: The coordinator's pages, on a folder set up for a coordinator.
COORDINATOR_STOPS: dict[str, list[Step]] = {
    "coordinator-home": [lambda ctx: (ctx.nav.home(), _process())],
    "coordinator-review": [_home_action("review")],
    "coordinator-review-entry": [_home_action("review"), _open_first_entry],
    "coordinator-conflicts": [_home_action("conflicts")],
    "coordinator-payments": [_home_action("payments"), _background_done],
    "coordinator-payments-owed": [_home_action("payments"), _demo_pay_dates],
    "coordinator-partners": [_home_action("partners")],
    "coordinator-outputs": [_home_action("outputs")],
    "coordinator-settings": [_home_action("settings")],
    "coordinator-old-records-1-file": [_home_action("settings"), _click("old_records_button")],
    "coordinator-old-records-4-preview": [_open_sheet("people")],
    "coordinator-old-records-5-confirm": [_open_sheet("people"), _continue],
}


def visit(ctx: AppContext, name: str) -> Page:
    """Open the page called ``name`` (starting from Home) and return it."""
    for step in {**STOPS, **COORDINATOR_STOPS}[name]:
        step(ctx)
    _process()
    return _page(ctx)


#: First-run set-up, on a folder that is not set up yet: name -> steps from the start.
SETUP_STOPS: dict[str, list[Step]] = {
    "setup-1-role": [],
    "setup-2-name": [_tiles("partner")],
    "setup-3-project": [
        _tiles("partner"),
        lambda ctx: (_page(ctx).name.setText("Rosa Martinez"), _click("continue_button")(ctx)),
    ],  # type: ignore
    "setup-4-payment": [
        _tiles("partner"),
        lambda ctx: (_page(ctx).name.setText("Rosa Martinez"), _click("continue_button")(ctx)),  # type: ignore
        lambda ctx: (
            _page(ctx).project.setText("Pain care"),  # type: ignore[attr-defined]
            _click("continue_button")(ctx),
        ),
    ],
    "setup-5-text-size": [
        _tiles("partner"),
        lambda ctx: (_page(ctx).name.setText("Rosa Martinez"), _click("continue_button")(ctx)),  # type: ignore
        lambda ctx: (
            _page(ctx).project.setText("Pain care"),  # type: ignore[attr-defined]
            _click("continue_button")(ctx),
        ),
        _tiles("paid"),
    ],
}


def visit_setup(ctx: AppContext, name: str, on_done: Callable[[], None] | None = None) -> Page:
    """Start first-run set-up afresh and go to the page called ``name``."""
    from ui.pages.setup.flow import SetupFlow

    flow = SetupFlow(ctx, on_done=on_done or (lambda: None))
    flow.start()
    _process()
    if flow.language_page is not None:  # more than one language ships: keep this one
        _tiles(current_language())(ctx)
        _process()
    for step in SETUP_STOPS[name]:
        step(ctx)
    _process()
    return _page(ctx)
