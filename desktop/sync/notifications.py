"""Desktop notifications: « bientôt votre tour », « c'est votre tour », staff messages.

One system tray icon for the whole app (`system_tray`), made with the first notification
only (not everybody needs one) and shared by every area and every main window. Where the
desktop has no tray, or it cannot show messages, each notifier falls back to an in-app
banner (its `fallback` callable, e.g. `MainWindow.show_notice`).

Two notifiers over that one tray: `Notifier` is the plain `notify(title, text)` (the
amphitheatre area), `TurnNotifier` the national amphitheatre's policy (warn once when NEAR
people or fewer are before me, once at my turn). `sent` records what was notified (tests
and screenshots read it).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QSystemTrayIcon

from desktop.resources import app_icon

NEAR = 10

_tray: QSystemTrayIcon | None = None


def _tr(text: str) -> str:
    return QCoreApplication.translate("TurnNotifier", text)


def tray_available() -> bool:
    """Whether this desktop has a system tray that shows messages."""
    return QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages()


def system_tray() -> QSystemTrayIcon:
    """The app's one tray icon, made (and shown) on first use; it lives as long as the app.

    Parented to the application, not to a window: signing out deletes the main window,
    and the next person's window reuses the same icon.
    """
    global _tray
    if _tray is None:
        _tray = QSystemTrayIcon(app_icon(), QCoreApplication.instance())
        _tray.setToolTip("Amphi")
        _tray.show()
    return _tray


class Notifier(QObject):
    """`notify(title, text)`; each `once_key` is notified at most once until `reset`."""

    def __init__(self, fallback: Callable[[str, str], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fallback = fallback
        self.sent: list[tuple[str, str]] = []
        self._once: set[str] = set()
        self.use_tray = tray_available()

    def notify(self, title: str, text: str, once_key: str | None = None) -> None:
        if once_key is not None:
            if once_key in self._once:
                return
            self._once.add(once_key)
        self.sent.append((title, text))
        if self.use_tray:
            system_tray().showMessage(title, text, QSystemTrayIcon.MessageIcon.Information,
                                      15000)
        elif self.fallback is not None:
            self.fallback(f"{title} — {text}", "info")

    def reset(self, once_key: str) -> None:
        self._once.discard(once_key)


class TurnNotifier(QObject):
    """Turns the national turn panel's updates into at most one "near" and one "now"."""

    def __init__(self, fallback: Callable[[str, str], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fallback = fallback
        self.sent: list[str] = []  # what was notified, in order (tests read it)
        self._near_sent = False
        self._now_sent = False
        self.use_tray = tray_available()

    def update(self, people_before: int, my_turn: bool) -> None:
        if my_turn:
            if not self._now_sent:
                self._now_sent = True
                self._notify(_tr("C'est votre tour"),
                             _tr("C'EST VOTRE TOUR : choisissez votre poste maintenant dans "
                                 "Amphi."))
            return
        self._now_sent = False
        if people_before <= NEAR:
            if not self._near_sent:
                self._near_sent = True
                self._notify(_tr("Votre tour approche"),
                             _tr("Plus que %1 personne(s) avant vous : tenez-vous prêt.")
                             .replace("%1", str(people_before)))
        elif people_before > NEAR * 2:
            self._near_sent = False  # e.g. after a demotion: warn again next time

    def _notify(self, title: str, text: str) -> None:
        self.sent.append(text)
        if self.use_tray:
            system_tray().showMessage(title, text, QSystemTrayIcon.MessageIcon.Information,
                                      15000)
        elif self.fallback is not None:
            self.fallback(text, "warning")
