"""Small shared widgets: banners, busy buttons, form fields with inline errors, cards.

Looks come from `resources/style.qss` through dynamic properties (`role`, `kind`,
`variant`, `invalid`, `card`); `repolish` re-applies the style when one changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.api.client import ApiError


def repolish(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def fit_height(widget: QWidget) -> None:
    """Grow a dialog to fit its contents (wrapped texts, errors that appeared), soon.

    Qt sizes a window once, before style and word-wrapped labels have their final
    heights; without this, a message shown later squeezes every field of the form.
    """
    window = widget.window()
    if not isinstance(window, QDialog):
        return

    def grow() -> None:
        layout = window.layout()
        if layout is None:
            return
        layout.activate()
        needed = window.sizeHint().height()
        if layout.hasHeightForWidth():
            needed = max(needed, layout.totalHeightForWidth(window.width()))
        if window.height() < needed:
            window.resize(window.width(), needed)

    QTimer.singleShot(0, window, grow)  # dropped if the dialog is deleted first


def styled_label(text: str = "", role: str | None = None, *, wrap: bool = False,
                 parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def primary_button(text: str, parent: QWidget | None = None) -> QPushButton:
    button = QPushButton(text, parent)
    button.setProperty("variant", "primary")
    button.setDefault(True)
    return button


def link_button(text: str, parent: QWidget | None = None) -> QPushButton:
    """A button that looks like a link (secondary actions of a form)."""
    button = QPushButton(text, parent)
    button.setProperty("variant", "link")
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setAutoDefault(False)
    button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return button


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


class Banner(QFrame):
    """A coloured message strip (info, warning, error, success) with an optional action.

    Its colour is never the only signal: screen readers get the kind in words with the
    text (accessible name and description), and the text itself says what happened.
    """

    action_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("kind", "info")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(10)
        self.label = styled_label(wrap=True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.label, 1)
        self.action = QPushButton(self)
        self.action.setAutoDefault(False)
        self.action.clicked.connect(self.action_clicked)
        self.action.hide()
        layout.addWidget(self.action, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    @property
    def text(self) -> str:
        return self.label.text()

    @property
    def kind(self) -> str:
        return str(self.property("kind"))

    def show_message(self, text: str, kind: str = "error", action: str | None = None) -> None:
        self.setProperty("kind", kind)
        self.label.setText(text)
        self.setAccessibleName(self.kind_name(kind))
        self.setAccessibleDescription(text)
        self.action.setVisible(bool(action))
        if action:
            self.action.setText(action)
        repolish(self)
        self.show()
        fit_height(self)

    def kind_name(self, kind: str) -> str:
        """The kind in words, for screen readers (the colour alone says nothing to them)."""
        names = {"info": self.tr("Information"), "warning": self.tr("Attention"),
                 "error": self.tr("Erreur"), "success": self.tr("Réussi")}
        return names.get(kind, names["info"])

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleDescription(text)

    def clear(self) -> None:
        self.label.clear()
        self.hide()


class BusyButton(QPushButton):
    """A button that shows it is working: disabled, with its busy text, until done."""

    def __init__(self, text: str, busy_text: str, *, primary: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.idle_text = text
        self.busy_text = busy_text
        self.busy = False
        self._dots = 0
        self._timer = QTimer(self)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self._tick)
        if primary:
            self.setProperty("variant", "primary")
            self.setDefault(True)

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.setEnabled(not busy)
        if busy:
            self._dots = 0
            self.setText(self.busy_text)
            self._timer.start()
        else:
            self._timer.stop()
            self.setText(self.idle_text)

    def _tick(self) -> None:
        self._dots = (self._dots + 1) % 4
        self.setText(self.busy_text.rstrip("…") + "." * self._dots + " " * (3 - self._dots))


class FormField(QWidget):
    """A label above an editor, an optional hint, and an error line shown under it."""

    def __init__(self, label: str, editor: QWidget, *, hint: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self.label = styled_label(label, "field")
        self.label.setBuddy(editor)
        layout.addWidget(self.label)
        layout.addWidget(editor)
        self.hint = styled_label(hint, "muted", wrap=True)
        self.hint.setVisible(bool(hint))
        layout.addWidget(self.hint)
        self.error = styled_label("", "error", wrap=True)
        self.error.hide()
        layout.addWidget(self.error)

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.editor.setProperty("invalid", True)
        repolish(self.editor)
        fit_height(self)

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
        if self.editor.property("invalid"):
            self.editor.setProperty("invalid", False)
            repolish(self.editor)

    @property
    def error_text(self) -> str:
        """The error shown under the field ("" when none)."""
        return self.error.text()


class FieldErrors:
    """Routes an ApiError to the field it names; the rest goes to a banner."""

    def __init__(self, banner: Banner, fields: dict[str, FormField] | None = None) -> None:
        self.banner = banner
        self.fields: dict[str, FormField] = dict(fields or {})

    def add(self, name: str, field: FormField) -> None:
        self.fields[name] = field

    def clear(self) -> None:
        self.banner.clear()
        for field in self.fields.values():
            field.clear_error()

    def show(self, error: ApiError, *, aliases: dict[str, str] | None = None) -> None:
        """Show next to the named field when there is one, else in the banner."""
        name = error.field or ""
        name = (aliases or {}).get(name, name)
        field = self.fields.get(name)
        if field is not None and field.isVisibleTo(field.window()):
            field.set_error(error.message)
            field.editor.setFocus()
        else:
            self.banner.show_message(error.message, "error")


class PasswordChecklist(QWidget):
    """The password policy, each rule ticked live as the user types."""

    def __init__(self, rules: Iterable[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self.labels: list[QLabel] = []
        for rule in rules:
            label = styled_label(f"○ {rule}", "check-todo")
            self.labels.append(label)
            layout.addWidget(label)
        layout.addStretch(1)

    def update_rules(self, checks: list[tuple[str, bool]]) -> None:
        for label, (rule, ok) in zip(self.labels, checks, strict=False):
            label.setText(f"{'✓' if ok else '○'} {rule}")
            role = "check-ok" if ok else "check-todo"
            if label.property("role") != role:
                label.setProperty("role", role)
                repolish(label)

    def satisfied(self) -> list[bool]:
        return [str(label.property("role")) == "check-ok" for label in self.labels]


class Card(QFrame):
    """A white surface grouping one section of a page, with a title."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 18)
        outer.setSpacing(10)
        self.title = styled_label(title, "section")
        self.title.setVisible(bool(title))
        outer.addWidget(self.title)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        outer.addLayout(self.body)


class DialogHeader(QWidget):
    """Icon, title and subtitle at the top of a dialog."""

    def __init__(self, title: str, subtitle: str = "", icon: QIcon | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        if icon is not None and not icon.isNull():
            picture = QLabel(self)
            pixmap: QPixmap = icon.pixmap(52, 52)
            picture.setPixmap(pixmap)
            picture.setFixedSize(52, 52)
            layout.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.title = styled_label(title, "title")
        texts.addWidget(self.title)
        self.subtitle = styled_label(subtitle, "subtitle", wrap=True)
        self.subtitle.setVisible(bool(subtitle))
        texts.addWidget(self.subtitle)
        layout.addLayout(texts, 1)


class BusyIndicator(QProgressBar):
    """A thin indeterminate bar shown while something is under way."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self.setTextVisible(False)
        self.setFixedHeight(4)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setVisible(False)
        # Keep the layout still when it appears and disappears.
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)


class BusyDialog(QDialog):
    """A small "please wait" window with a message and an indeterminate progress bar."""

    def __init__(self, title: str, message: str, icon: QIcon | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 22)
        layout.setSpacing(14)
        layout.addWidget(DialogHeader(title, "", icon))
        self.message = styled_label(message, wrap=True)
        layout.addWidget(self.message)
        bar = QProgressBar(self)
        bar.setRange(0, 0)
        bar.setTextVisible(False)
        bar.setFixedHeight(6)
        layout.addWidget(bar)

    def set_message(self, message: str) -> None:
        self.message.setText(message)


def hline(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setStyleSheet("color: #dde3ec;")
    return line


def qt_datetime(value: datetime) -> QDateTime:
    """A moment for a Qt date editor, shown in this computer's local time."""
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))


def py_datetime(value: QDateTime) -> datetime:
    """What a Qt date editor holds (local time, to the second), as an aware UTC moment."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


class MissingHolder(QStackedWidget):
    """A screen, or a sentence saying why there is none (no such procedure on the server)."""

    def __init__(self, screen: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = screen
        self.empty = QWidget(self)
        layout = QVBoxLayout(self.empty)
        layout.setContentsMargins(24, 24, 24, 24)
        self.empty_label = styled_label("", "subtitle", wrap=True)
        self.empty_label.setObjectName("publicEmptyState")
        layout.addWidget(self.empty_label)
        layout.addStretch(1)
        self.addWidget(screen)
        self.addWidget(self.empty)

    def show_missing(self, text: str) -> None:
        self.empty_label.setText(text)
        self.setCurrentWidget(self.empty)

    def show_screen(self) -> None:
        self.setCurrentWidget(self.content)

    @property
    def missing(self) -> bool:
        return self.currentWidget() is self.empty
