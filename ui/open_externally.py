"""Handing files, folders, links and emails to the computer's own programs.

``QDesktopServices.openUrl`` answers False when nothing could open what it was given,
and says nothing to the person. Every page that opens something goes through
``open_or_explain``: when the computer cannot open it, a ``CannotOpenNotice`` on the page
says so in plain words and shows where the thing is, with a Copy button.

The app itself never uses the network: a ``mailto:`` link only asks the mail program to
start a new email, which the person sends (or not) themselves.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, QUrlQuery
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop_app.i18n import _
from ui.widgets.buttons import SecondaryButton


def open_url(url: QUrl) -> bool:
    """Ask the computer to open ``url`` with its own program. True if it could."""
    return bool(QDesktopServices.openUrl(url))


def file_url(path: Path) -> QUrl:
    return QUrl.fromLocalFile(str(path))


def mail_url(to: str, subject: str, body: str) -> QUrl:
    """A ``mailto:`` link that starts a new email with this subject and text."""
    url = QUrl()
    url.setScheme("mailto")
    url.setPath(to)
    query = QUrlQuery()
    # Encode everything ourselves so "&", "+" and line ends survive every mail program.
    for key, value in (("subject", subject), ("body", body.replace("\n", "\r\n"))):
        query.addQueryItem(key, bytes(QUrl.toPercentEncoding(value).data()).decode("ascii"))
    url.setQuery(query.query(QUrl.ComponentFormattingOption.FullyEncoded))
    return url


class CopyRow(QWidget):
    """A caption, the text itself (selectable), and a button that copies it."""

    def __init__(self, caption: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = text
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        title = QLabel(caption)
        title.setWordWrap(True)
        title.setProperty("role", "h2")
        self.value = QLabel(text)
        self.value.setWordWrap(True)
        self.value.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.value.setAccessibleName(f"{caption}: {text}")
        self.copy_button = SecondaryButton(_("Copy"))
        self.copy_button.setAccessibleName(_("Copy: {what}").format(what=caption))
        self.copy_button.clicked.connect(self.copy)
        self.done = QLabel()
        self.done.setProperty("role", "success")
        self.done.setWordWrap(True)
        for widget in (title, self.value, self.copy_button, self.done):
            layout.addWidget(widget)
        self.done.hide()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text)
        self.done.setText(_("Copied. You can now paste it."))
        self.done.show()


class CannotOpenNotice(QFrame):
    """Hidden until something could not be opened; then says so and offers the copies."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "error-summary")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(18, 14, 18, 14)
        self._layout.setSpacing(12)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setProperty("role", "error")
        self._layout.addWidget(self.message)
        self.rows: list[CopyRow] = []
        self.hide()

    def explain(self, message: str, rows: list[tuple[str, str]]) -> None:
        for row in self.rows:
            row.deleteLater()
        self.rows = [CopyRow(caption, text, self) for caption, text in rows if text]
        for row in self.rows:
            self._layout.addWidget(row)
        self.message.setText(message)
        self.setAccessibleName(message)
        self.show()
        if self.rows:
            self.rows[0].copy_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._scroll_into_view()

    def copy_buttons(self) -> list[QWidget]:
        return [row.copy_button for row in self.rows]

    def _scroll_into_view(self) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(self)


def open_or_explain(
    url: QUrl, notice: CannotOpenNotice, message: str, rows: list[tuple[str, str]]
) -> bool:
    """Open ``url``; if the computer cannot, show ``message`` and ``rows`` to copy."""
    if open_url(url):
        notice.hide()
        return True
    notice.explain(message, rows)
    return False


def open_file(path: Path, notice: CannotOpenNotice) -> bool:
    return open_or_explain(
        file_url(path),
        notice,
        _(
            "Your computer could not open the file. It is saved in the place below. "
            "You can copy where it is and open it yourself."
        ),
        [(_("Where the file is"), str(path))],
    )


def open_folder(folder: Path, notice: CannotOpenNotice) -> bool:
    return open_or_explain(
        file_url(folder),
        notice,
        _(
            "Your computer could not open the folder. You can copy where it is and open it "
            "yourself."
        ),
        [(_("Where the folder is"), str(folder))],
    )


def open_link(location: str, notice: CannotOpenNotice) -> bool:
    return open_or_explain(
        QUrl.fromUserInput(location),
        notice,
        _("Your computer could not open this. You can copy it and open it yourself."),
        [(_("Where it is"), location)],
    )
