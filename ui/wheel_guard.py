"""The mouse wheel scrolls the page and never changes an answer.

Qt's spin boxes, date boxes, drop-down lists and sliders change their value when the wheel
turns over them, and take the keyboard focus from it. On a long page that means a person
who scrolls past the amount paid or a project choice changes it without seeing it.

One filter on the whole application stops that:

- a wheel turn over such a control goes to the scroll area the control sits in (the
  page's), so the page scrolls as if the control were not there, whether or not the
  control has the keyboard focus;
- no widget takes the keyboard focus from the wheel (``WheelFocus`` becomes
  ``StrongFocus`` as each widget is set up), so the page never jumps to a control that
  the wheel happened to pass over;
- every control the Tab key should reach gets ``StrongFocus``: macOS's style gives
  buttons, drop-down lists and sliders ``TabFocus`` only, and Tab skips them unless the
  person turned on "Keyboard navigation" in System Settings. The app also asks Qt to
  let Tab reach every control (``TabFocusAllControls``).

This holds even for the control that has the keyboard focus: a person who has just typed
an amount or picked a project, then scrolls on to find Save, must not change it. The keys,
the − / + and Smaller / Bigger buttons and a click in an open list still change values.
Scroll bars, tables and open lists keep their wheel: scrolling is what they are for.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

#: Controls whose value the wheel would change (spin boxes include date boxes).
VALUE_CONTROLS: tuple[type[QWidget], ...] = (QAbstractSpinBox, QComboBox, QAbstractSlider)

_NAME = "wheel_guard"
_WHEEL = QEvent.Type.Wheel
_POLISH = QEvent.Type.Polish
#: Focus policies made ``StrongFocus`` (see the module doc).
_UPGRADED = (Qt.FocusPolicy.WheelFocus, Qt.FocusPolicy.TabFocus)


def changes_value_on_wheel(widget: QObject) -> bool:
    """Whether the wheel over ``widget`` would change a value a person chose."""
    return isinstance(widget, VALUE_CONTROLS) and not isinstance(widget, QScrollBar)


class WheelGuard(QObject):
    """Sends wheel turns over value controls to their page, and keeps the focus still."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        kind = event.type()
        if kind == _WHEEL and isinstance(watched, QWidget) and isinstance(event, QWheelEvent):
            if _in_value_control(watched):
                event.setAccepted(_scroll_instead(watched, event))
                # Handled: the control never sees it. Left unaccepted (nothing could
                # scroll), Qt still offers a wheel turn from the mouse to the parents.
                return True
        elif kind == _POLISH and isinstance(watched, QWidget):
            _upgrade_focus(watched)
        return False


def _upgrade_focus(widget: QWidget) -> None:
    """Let Tab reach ``widget`` and keep the wheel from giving it the focus."""
    if widget.focusPolicy() in _UPGRADED:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def _in_value_control(widget: QWidget) -> bool:
    """Whether ``widget`` is a value control or part of one (the text box of a spin box);
    never across a window, so the open list of a drop-down scrolls as usual."""
    part: QWidget | None = widget
    while part is not None:
        if changes_value_on_wheel(part):
            return True
        if part.isWindow():
            return False
        part = part.parentWidget()
    return False


def _scroll_instead(widget: QWidget, event: QWheelEvent) -> bool:
    """Give ``event`` (over ``widget``) to the viewport of the scroll area holding
    ``widget``; True if it scrolled. It is sent straight there, because Qt passes a wheel
    event that did not come from the mouse (from a test, or a screen reader) to no parent.
    """
    holder = widget.parentWidget()
    while holder is not None:
        if isinstance(holder, QAbstractScrollArea) and holder.viewport().isAncestorOf(widget):
            viewport = holder.viewport()
            where = widget.mapTo(viewport, event.position())
            forwarded = QWheelEvent(
                where,
                event.globalPosition(),
                event.pixelDelta(),
                event.angleDelta(),
                event.buttons(),
                event.modifiers(),
                event.phase(),
                event.inverted(),
                event.source(),
                event.pointingDevice(),
            )
            QApplication.sendEvent(viewport, forwarded)
            return forwarded.isAccepted()
        holder = holder.parentWidget()
    return False


def install(app: QApplication) -> WheelGuard:
    """Install the guard on ``app`` once; later calls return the one already there.

    Widgets made before it (Home, at the quick start) are set up as they would have been.
    """
    guard = app.findChild(WheelGuard, _NAME)
    app.styleHints().setTabFocusBehavior(Qt.TabFocusBehavior.TabFocusAllControls)
    if guard is None:
        guard = WheelGuard(app)
        guard.setObjectName(_NAME)
        app.installEventFilter(guard)
        for widget in app.allWidgets():
            _upgrade_focus(widget)
    return guard
