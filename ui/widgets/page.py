"""The frame of every page: a heading, an error summary, the content, Back and Continue.

Enter continues (unless a button or a multi-line box has the keyboard), Escape goes
back on every page (the navigator does nothing on Home). Problems shown at the top are
cleared when the page is left. The content scrolls, so nothing is cut off at large text
sizes. docs/accessibility.md ("Keys") sets out the whole keyboard model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAccessible, QAccessibleInterface, QHideEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAccessibleWidget,
    QApplication,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import UserFacingError
from desktop_app.i18n import _
from ui.widgets.buttons import PrimaryButton, SecondaryButton
from ui.widgets.error_summary import ErrorSummary
from ui.widgets.fields import LabelledField

#: Room kept around the focused control when the page scrolls to it (the focus ring).
FOCUS_MARGIN_PX = 16


def _page_accessible(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    """A page is a named group for screen readers, so that arriving on it says its
    heading before the control that takes the keyboard (Orca, NVDA and VoiceOver say
    the name of a group the focus enters; a plain widget is skipped as layout)."""
    if isinstance(obj, Page):
        return QAccessibleWidget(obj, QAccessible.Role.Grouping)
    return None


def _follow_focus(_old: QWidget | None, now: QWidget | None) -> None:
    """Scroll the page that holds the newly focused control so that all of it shows."""
    widget = now
    while widget is not None and not isinstance(widget, Page):
        widget = widget.parentWidget()
    if isinstance(widget, Page) and now is not None:
        widget.keep_in_view(now)


def _scrolled_to(value: int, start: int, length: int, room: int) -> int:
    """Where a scroll bar at ``value`` must go to show ``start`` to ``start + length``
    (with a margin) in ``room`` pixels; the start shows first if it cannot all fit."""
    first, last = start - FOCUS_MARGIN_PX, start + length + FOCUS_MARGIN_PX
    if last - first > room:
        return start
    if first < value:
        return first
    if last > value + room:
        return last - room
    return value


def _viewport() -> QWidget:
    """A scroll area's viewport as Qt makes it, but made here.

    PySide knows a widget made in Python; one that Qt made, met for the first time (the
    viewport, reached by ``viewport()`` or as a parent), makes it load every widget class
    to find the right one, which costs the first paint about 0.1 s.
    """
    viewport = QWidget()
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    return viewport


_installed = False


def _install_once() -> None:
    global _installed
    app = QApplication.instance()
    if _installed or not isinstance(app, QApplication):
        return
    QAccessible.installFactory(_page_accessible)
    app.focusChanged.connect(_follow_focus)
    _installed = True


class Page(QWidget):
    """A screen. Subclasses fill ``self.body`` and connect ``continue_button``."""

    back_requested = Signal()
    #: The page's scroll area. The name hides QWidget.scroll(dx, dy), which no page calls.
    scroll: QScrollArea  # type: ignore[assignment]

    def __init__(
        self,
        title: str,
        hint: str = "",
        continue_text: str | None = None,
        back_text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        _install_once()
        self.setAccessibleName(title)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setViewport(_viewport())
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(self.scroll)
        content = QWidget()
        self.scroll.setWidget(content)
        self.column = QVBoxLayout(content)
        self.column.setContentsMargins(32, 24, 32, 24)
        self.column.setSpacing(18)
        self.heading = QLabel(title)
        self.heading.setProperty("role", "h1")
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(title)
        self.column.addWidget(self.heading)
        self.hint = QLabel(hint)
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.column.addWidget(self.hint)  # give it a parent before showing or hiding it
        self.hint.setVisible(bool(hint))
        self.errors = ErrorSummary()
        self.column.addWidget(self.errors)
        self.body = QVBoxLayout()
        self.body.setSpacing(18)
        self.column.addLayout(self.body)
        self.column.addStretch(1)
        footer = QHBoxLayout()
        footer.setSpacing(16)
        self._footer = footer
        self.back_button: SecondaryButton | None = None
        if back_text is not None:
            self.back_button = SecondaryButton(back_text or _("Back"))
            self.back_button.clicked.connect(self.back_requested.emit)
            footer.addWidget(self.back_button)
        footer.addStretch(1)
        self.continue_button: PrimaryButton | None = None
        if continue_text is not None:
            self.continue_button = PrimaryButton(continue_text or _("Continue"))
            footer.addWidget(self.continue_button)
        self.column.addLayout(footer)
        self._fields: dict[str, LabelledField] = {}
        self._tab_chain: list[QWidget] = []
        self._kept: list[Callable[..., object]] = []
        # A change of text size or window size moves the controls: keep the focus in view.
        content.installEventFilter(self)
        self.scroll.viewport().installEventFilter(self)

    def set_heading(self, title: str) -> None:
        """Change the heading, and the page's name that screen readers say with it."""
        self.heading.setText(title)
        self.heading.setAccessibleName(title)
        self.setAccessibleName(title)

    # -- keyboard -------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        key = event.key()
        if key == Qt.Key.Key_Escape:
            # Back, on every page, even one with no Back button (a confirmation).
            self.back_requested.emit()
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.continue_button is not None:
            # Loaded at the first key press rather than before Home's first paint.
            from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

            focused = self.focusWidget()
            if not isinstance(focused, QAbstractButton | QPlainTextEdit | QTextEdit):
                self.continue_button.click()
                event.accept()
                return
        super().keyPressEvent(event)

    def let_body_grow(self) -> None:
        """Give spare height to the page's content (for lists) instead of empty space."""
        body_index = self.column.indexOf(self.body)
        self.column.setStretch(body_index, 1)
        self.column.setStretch(body_index + 1, 0)

    def settle_reading_order(self) -> None:
        """Put Back and Continue after the page's content for screen readers.

        A screen reader reads a page's parts in the order they were made, and the footer
        buttons are made before the content a page adds; raising them moves them last.
        """
        for button in (self.back_button, self.continue_button):
            if button is not None and self._footer.indexOf(button) >= 0:
                button.raise_()

    def connect_kept(self, signal: SignalInstance, callback: Callable[..., object]) -> None:
        """Connect ``signal`` to ``callback``, and keep ``callback`` as long as the page.

        PySide holds a connected bound method only weakly. A flow that nothing else holds
        (once its earlier pages are gone) would be freed, and the signal would go nowhere.
        A page that calls back into its flow connects through here, so it always works.
        """
        self._kept.append(callback)
        signal.connect(callback)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt naming)
        super().hideEvent(event)
        if not event.spontaneous():  # left for another page, not a minimised window
            self.clear_problems()

    def on_shown(self) -> None:
        """Called when the page shows again after Back (refresh what may have changed)."""

    # -- focus ----------------------------------------------------------------------
    def keep_in_view(self, widget: QWidget) -> None:
        """Scroll so that ``widget`` (on this page) shows whole, with room for its ring."""
        content = self.scroll.widget()
        if widget is self or content is None or not content.isAncestorOf(widget):
            return
        # Not QScrollArea.ensureWidgetVisible: for a text box it shows only the caret.
        where = widget.mapTo(content, QPoint(0, 0))
        view = self.scroll.viewport().size()
        for bar, start, length, room in (
            (self.scroll.verticalScrollBar(), where.y(), widget.height(), view.height()),
            (self.scroll.horizontalScrollBar(), where.x(), widget.width(), view.width()),
        ):
            bar.setValue(_scrolled_to(bar.value(), start, length, room))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if event.type() == QEvent.Type.Resize:
            # The layout places the controls after this event: look once it has.
            QTimer.singleShot(0, self, self._keep_focus_in_view)
        return False

    def _keep_focus_in_view(self) -> None:
        focused = QApplication.focusWidget()
        if focused is not None and self.isVisible():
            self.keep_in_view(focused)

    def first_focus(self) -> QWidget | None:
        """The control the keyboard should start on when the page opens."""
        return None

    def start_control(self) -> QWidget | None:
        """Where the keyboard starts: ``first_focus``, else Continue, else Back."""
        target = self.first_focus()
        if target is None:
            target = self.continue_button or self.back_button
        return target

    def focus_start(self) -> None:
        target = self.start_control()
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_tab_order(self, widgets: Sequence[QWidget]) -> None:
        """Make Tab follow ``widgets`` in order (the reading order), then Back/Continue."""
        chain: list[QWidget] = []
        for widget in [*widgets, self.back_button, self.continue_button]:
            if widget is not None and widget not in chain:
                chain.append(widget)
        self._tab_chain = chain
        self._apply_tab_order(chain)

    @staticmethod
    def _apply_tab_order(chain: Sequence[QWidget]) -> None:
        for earlier, later in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(earlier, later)

    # -- errors ---------------------------------------------------------------------
    def add_field(self, name: str, field: LabelledField) -> LabelledField:
        """Add a labelled field to the page, known by ``name`` for error messages."""
        self._fields[name] = field
        self.body.addWidget(field)
        return field

    def field(self, name: str) -> LabelledField | None:
        return self._fields.get(name)

    def show_problems(self, problems: Sequence[tuple[str, str]]) -> None:
        """Show ``(field name, message)`` problems at the top and at each field."""
        field: LabelledField | None
        for field in self._fields.values():
            field.clear_error()
        shown = []
        for name, message in problems:
            field = self._fields.get(name)
            if field is not None:
                field.set_error(message)
                shown.append((message, field.focus_field))
            else:
                shown.append((message, self.focus_start))
        self.errors.show_problems(shown)
        # The summary sits at the top, so it comes first when tabbing through the page.
        self._apply_tab_order([self.errors, *self.errors.links, *self._tab_chain])
        self.scroll.ensureWidgetVisible(self.errors)

    def show_failure(self, problem: BaseException) -> None:
        """Show why something failed: the person's to fix here, a bug in the crash dialog.

        A ``UserFacingError`` shows its message and next step in the problem summary (at
        its field, if the page has it), which screen readers announce. Anything else is
        a bug: it is logged without the person's words and shown calmly. Either way the
        page keeps what the person typed.
        """
        if isinstance(problem, UserFacingError):
            self.show_problems([(problem.field or "", str(problem))])
        else:
            from ui.crash_dialog import report_bug  # loaded the first time a bug is shown

            report_bug(problem)

    def clear_problems(self) -> None:
        for field in self._fields.values():
            field.clear_error()
        self.errors.clear()
