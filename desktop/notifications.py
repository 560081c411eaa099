"""Desktop notifications of the national amphitheatre: my turn is near, it is my turn.

A system tray message when the desktop offers one (`QSystemTrayIcon.showMessage`), else
an in-app banner (the `fallback` callable, e.g. `MainWindow.show_notice`). Each warning
is given once per approach: « bientôt votre tour » when NEAR people or fewer are before
me, « c'est votre tour » at my turn.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QSystemTrayIcon

from desktop.ui import app_icon

NEAR = 10


def _tr(text: str) -> str:
    return QCoreApplication.translate("TurnNotifier", text)


class TurnNotifier(QObject):
    """Turns panel updates into at most one "near" and one "now" notification."""

    def __init__(self, fallback: Callable[[str, str], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fallback = fallback
        self.sent: list[str] = []  # what was notified, in order (tests read it)
        self._near_sent = False
        self._now_sent = False
        self.tray: QSystemTrayIcon | None = None
        # The tray icon appears with the first notification only (not for everybody).
        self.use_tray = (QSystemTrayIcon.isSystemTrayAvailable()
                         and QSystemTrayIcon.supportsMessages())

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
        if self.use_tray and self.tray is None:
            self.tray = QSystemTrayIcon(app_icon(), self)
            self.tray.setToolTip("Amphi")
            self.tray.show()
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15000)
        elif self.fallback is not None:
            self.fallback(text, "warning")
