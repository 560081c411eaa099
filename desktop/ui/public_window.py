"""« Consulter sans compte »: the public space of one server, in its own window.

Three tabs, each a read-only screen made by the composition module (desktop/areas/
public.py): « Choix national » (the public tables), « Amphithéâtres » (amphitheatres,
sessions, call list, posts, live session, assignments, the semester's offer), « Appariement »
(the calendar). A header says nobody is signed in and offers « Se connecter » (back to the
sign-in window); a banner says when the server cannot be reached; the status bar tells
whether the updates arrive live.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.resources import app_icon
from desktop.ui.columns import tooltips_for_elided_cells
from desktop.ui.guide import show_guide
from desktop.ui.widgets import (
    Banner,
    MissingHolder,
    primary_button,
    repolish,
    styled_label,
)

DEFAULT_SIZE = (1180, 760)


class PublicWindow(QMainWindow):
    """The public space; `sign_in_requested` goes back to the sign-in window."""

    sign_in_requested = Signal()
    quit_requested = Signal()
    retry_requested = Signal()

    def __init__(self, *, server: str, national: QWidget, amphi: QWidget, matching: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publicWindow")
        self._quiet_close = False
        self.setWindowTitle(self.tr("Amphi — consultation sans compte"))
        self.setWindowIcon(app_icon())
        self.setMinimumSize(860, 560)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(20, 14, 20, 8)
        layout.setSpacing(8)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(styled_label(self.tr("Espace public"), "title"))
        self.subtitle = styled_label("", "subtitle", wrap=True)
        self.subtitle.setObjectName("publicSubtitle")
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        self.sign_in_button = primary_button(self.tr("Se connecter"), central)
        self.sign_in_button.setObjectName("publicSignIn")
        self.sign_in_button.setToolTip(self.tr("Revenir à la fenêtre de connexion"))
        self.sign_in_button.clicked.connect(self.sign_in_requested)
        top.addWidget(self.sign_in_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.offline_banner = Banner(central)
        self.offline_banner.action_clicked.connect(self.retry_requested)
        layout.addWidget(self.offline_banner)
        self.tabs = QTabWidget(central)
        self.tabs.setObjectName("publicTabs")
        self.national = MissingHolder(national, self.tabs)
        self.amphi = amphi
        self.matching = matching
        self.tabs.addTab(self.national, self.tr("Choix national"))
        self.tabs.addTab(amphi, self.tr("Amphithéâtres"))
        self.tabs.addTab(matching, self.tr("Appariement — calendrier"))
        for screen in (national, amphi, matching):
            tooltips_for_elided_cells(screen)  # a cut cell shows its whole text on hover
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        status = self.statusBar()
        status.setSizeGripEnabled(False)
        self.connection_label = QLabel(self)
        self.connection_label.setObjectName("connectionState")
        status.addWidget(self.connection_label)
        self.server_label = QLabel(self)
        status.addPermanentWidget(self.server_label)
        self.set_server(server)
        self.set_connection("connecting", self.tr("Connexion au serveur…"))
        self._build_menus()
        self.resize(*DEFAULT_SIZE)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Fichier"))
        self.sign_in_action = QAction(self.tr("Se &connecter…"), self)
        self.sign_in_action.triggered.connect(self.sign_in_requested)
        file_menu.addAction(self.sign_in_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quitter"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.quit_requested)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Aide"))
        guide = QAction(self.tr("&Guide d'utilisation"), self)
        guide.setShortcut(QKeySequence("F1"))
        guide.triggered.connect(lambda: show_guide(self))
        help_menu.addAction(guide)

    # ---------------------------------------------------------------- server, connection

    def set_server(self, server: str) -> None:
        self.subtitle.setText(self.tr(
            "Vous consultez sans compte les informations publiques de %1, mises à jour en "
            "direct. Rien de personnel n'est affiché ; connectez-vous pour vos vœux, vos "
            "favoris et votre tour.").replace("%1", server))
        self.server_label.setText(self.tr("Serveur : %1").replace("%1", server))

    def set_connection(self, state: str, text: str) -> None:
        """`state` is "online", "offline" or "connecting"; `text` the status bar line."""
        self.connection_label.setProperty("state", state)
        self.connection_label.setText(f"● {text}")
        repolish(self.connection_label)

    @property
    def offline_shown(self) -> bool:
        return self.offline_banner.isVisibleTo(self)

    def show_offline(self, message: str) -> None:
        self.offline_banner.show_message(message, "error", self.tr("Réessayer maintenant"))
        self.set_connection("offline", self.tr("Hors ligne"))

    def show_online(self, live: bool) -> None:
        self.offline_banner.clear()
        if live:
            self.set_connection("online", self.tr("En ligne — mises à jour en direct"))
        else:
            self.set_connection("online", self.tr("En ligne"))

    # ---------------------------------------------------------------- closing

    def close_quietly(self) -> None:
        """Close without asking the app to quit (back to the sign-in window)."""
        self._quiet_close = True
        for timer in self.findChildren(QTimer):
            timer.stop()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self._quiet_close:
            self.quit_requested.emit()
        event.accept()
