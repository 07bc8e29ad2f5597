"""A labelled field with a hint and an error slot, wired for screen readers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget


class LabelledField(QWidget):
    """Label (the input's buddy), optional hint, error message, then the input itself.

    The input's accessible name is the label; its description is the hint, and the error
    when there is one, so a screen reader says what went wrong at the field.
    """

    def __init__(
        self, label: str, field: QWidget, hint: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.field = field
        self._hint_text = hint
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.label.setProperty("role", "h2")
        # A compound field (a stepper, a money box with its currency) is labelled at its
        # input.
        inner = field.focusProxy() or field
        self.label.setBuddy(inner)
        self._name_for_readers = _label_beside(inner, label) if inner is not field else None
        layout.addWidget(self.label)
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        layout.addWidget(self.hint)  # give it a parent before showing or hiding it
        self.hint.setVisible(bool(hint))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")
        layout.addWidget(self.error)
        self.error.setVisible(False)
        layout.addWidget(field)
        field.setAccessibleName(label)
        field.setAccessibleDescription(hint)
        self.setFocusProxy(field)

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self.field.setProperty("invalid", "true")
        self.field.setAccessibleDescription(f"{message} {self._hint_text}".strip())
        self._repolish()

    def clear_error(self) -> None:
        self.error.clear()
        self.error.setVisible(False)
        self.field.setProperty("invalid", "false")
        self.field.setAccessibleDescription(self._hint_text)
        self._repolish()

    def has_error(self) -> bool:
        return self.error.isVisibleTo(self)

    def _repolish(self) -> None:
        style = self.field.style()
        style.unpolish(self.field)
        style.polish(self.field)

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)


def _label_beside(inner: QWidget, text: str) -> QLabel:
    """A hidden copy of the field's label, next to the input inside a compound field.

    Qt tells screen readers which label names an input only from labels that share the
    input's parent, and the visible label sits outside the compound field. This copy is
    never shown; it gives the input its "labelled by" link to the same words.
    """
    copy = QLabel(text, inner.parentWidget())
    copy.setBuddy(inner)
    copy.hide()
    return copy


def narrow(combo: QComboBox, letters: int = 12) -> QComboBox:
    """Let a drop-down list be narrower than its longest choice (the open list still
    shows every choice in full), so it fits a small window at large text sizes."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(letters)
    return combo
