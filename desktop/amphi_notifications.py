"""Desktop notifications of the amphitheatre: « bientôt votre tour », « c'est votre tour »,
staff messages.

`desktop/notifications.py` (national area) offers a turn notifier tuned to the national
amphitheatre (10 people before me), not a plain `notify(title, text)`; this is that plain
function, with the tray when the desktop has one and an in-app fallback otherwise.
`sent` records what was notified (tests and screenshots read it).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QSystemTrayIcon

from desktop.ui import app_icon


class AmphiNotifier(QObject):
    """`notify(title, text)`; each `once_key` is notified at most once until `reset`."""

    def __init__(self, fallback: Callable[[str, str], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fallback = fallback
        self.sent: list[tuple[str, str]] = []
        self._once: set[str] = set()
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            self.tray = QSystemTrayIcon(app_icon(), self)
            self.tray.setToolTip("Amphi")
            self.tray.show()

    def notify(self, title: str, text: str, once_key: str | None = None) -> None:
        if once_key is not None:
            if once_key in self._once:
                return
            self._once.add(once_key)
        self.sent.append((title, text))
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15000)
        elif self.fallback is not None:
            self.fallback(f"{title} — {text}", "info")

    def reset(self, once_key: str) -> None:
        self._once.discard(once_key)
