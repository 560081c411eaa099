"""The main window: a navigation side bar, one page per screen, banners, a status bar.

Screens plug in with one call, shown only to the roles that may use them::

    window.add_page("wishes", "Mes vœux", icon, WishesView(...), roles={"student"})

`roles` is matched against the person's role and his roles in campaigns
(`Profile.roles`); `visible_if(profile)` refines it (e.g. only when a national campaign
is open). Screens that are not built do not appear at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.api.client import Profile
from desktop.models import labels
from desktop.resources import app_icon
from desktop.ui.columns import tooltips_for_elided_cells
from desktop.ui.guide import show_guide
from desktop.ui.widgets import Banner, repolish, styled_label

ProfileTest = Callable[[Profile], bool]
DEFAULT_SIZE = (1180, 760)  # the first time; never more than the screen offers
GEOMETRY_KEY = "main_window/geometry"  # QSettings: where and how big it was last closed


HomeRank = Callable[[Profile], int | None]


@dataclass
class Page:
    key: str
    title: str
    widget: QWidget
    icon: QIcon | None
    roles: frozenset[str] | None
    visible_if: ProfileTest | None
    home: int | HomeRank | None = None  # opening page: the lowest rank wins

    def home_rank(self, profile: Profile) -> int | None:
        if self.home is None or not self.allowed(profile):
            return None
        return self.home(profile) if callable(self.home) else self.home

    def allowed(self, profile: Profile | None) -> bool:
        if profile is None:
            return False
        if self.roles is not None and not (self.roles & profile.roles):
            return False
        return self.visible_if is None or self.visible_if(profile)


SIDEBAR_WIDTH = 250
SIDEBAR_MAX_WIDTH = 330


class MainWindow(QMainWindow):
    """Role-aware shell; the app fills it with pages and drives its banners."""

    sign_out_requested = Signal()
    preferences_requested = Signal()
    quit_requested = Signal()
    retry_requested = Signal()
    page_changed = Signal(str)

    def __init__(self, *, server: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile: Profile | None = None
        self._pages: dict[str, Page] = {}
        self._quiet_close = False
        self._home: tuple[int, str] | None = None  # the opening page shown, and its rank
        self._navigated = False  # the person chose a page himself since signing in
        self._offline_message = ""
        self._retry_left = 0
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(1000)
        self._retry_timer.timeout.connect(self._tick_retry)
        self.setWindowTitle(self.tr("Amphi"))
        self.setWindowIcon(app_icon())
        self.setMinimumSize(860, 560)
        self._build(server)
        self._build_menus()
        self.restore_geometry()

    # ---------------------------------------------------------------- layout

    def _build(self, server: str) -> None:
        central = QWidget(self)
        outer = QHBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        self.sidebar = QFrame(central)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(SIDEBAR_WIDTH)
        side = QVBoxLayout(self.sidebar)
        side.setContentsMargins(0, 18, 0, 14)
        side.setSpacing(4)
        brand = QHBoxLayout()
        brand.setContentsMargins(18, 0, 18, 8)
        logo = QLabel(self.sidebar)
        logo.setPixmap(app_icon().pixmap(30, 30))
        brand.addWidget(logo)
        brand_name = styled_label(self.tr("Amphi"), "section")
        brand.addWidget(brand_name, 1)
        side.addLayout(brand)
        self.name_label = styled_label("", wrap=True)
        self.name_label.setObjectName("sidebarName")
        self.name_label.setContentsMargins(18, 8, 18, 0)
        side.addWidget(self.name_label)
        self.role_label = styled_label("", wrap=True)
        self.role_label.setObjectName("sidebarRole")
        self.role_label.setContentsMargins(18, 0, 18, 10)
        side.addWidget(self.role_label)
        self.navigation = QListWidget(self.sidebar)
        self.navigation.setObjectName("navigation")
        self.navigation.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.navigation.currentItemChanged.connect(self._navigate)
        self.navigation.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # Never a horizontal scroll bar under a clipped title: the side bar widens to the
        # longest title (`_fit_sidebar`), and a title longer still wraps.
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setWordWrap(True)
        self.navigation.setTextElideMode(Qt.TextElideMode.ElideNone)
        side.addWidget(self.navigation, 1)
        outer.addWidget(self.sidebar)

        right = QWidget(central)
        content = QVBoxLayout(right)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(0)
        banners = QVBoxLayout()
        banners.setContentsMargins(16, 12, 16, 0)
        banners.setSpacing(8)
        self.offline_banner = Banner(right)
        self.offline_banner.action_clicked.connect(self.retry_requested)
        banners.addWidget(self.offline_banner)
        self.notice_banner = Banner(right)
        self.notice_banner.action_clicked.connect(self.notice_banner.clear)
        banners.addWidget(self.notice_banner)
        self._banners = banners
        content.addLayout(banners)
        self.stack = QStackedWidget(right)
        content.addWidget(self.stack, 1)
        outer.addWidget(right, 1)
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

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Fichier"))
        self.sign_out_action = QAction(self.tr("Se &déconnecter"), self)
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        file_menu.addAction(self.sign_out_action)
        self.preferences_action = QAction(self.tr("&Préférences…"), self)
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(self.preferences_requested)
        file_menu.addAction(self.preferences_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quitter"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.quit_requested)
        file_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Aide"))
        self.guide_action = QAction(self.tr("&Guide d'utilisation"), self)
        self.guide_action.setShortcut(QKeySequence("F1"))
        self.guide_action.triggered.connect(lambda: show_guide(self))
        help_menu.addAction(self.guide_action)
        self.about_action = QAction(self.tr("À &propos d'Amphi"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    # ---------------------------------------------------------------- pages

    def add_page(self, key: str, title: str, icon: QIcon | None, widget: QWidget, *,
                 roles: Iterable[str] | None = None,
                 visible_if: ProfileTest | None = None,
                 home: int | HomeRank | None = None) -> None:
        """Add a screen to the navigation; shown only to `roles` (None: everybody).

        `home` makes it a work screen a person opens on (« Mon profil » otherwise): a
        rank, or a function of the profile giving one (None: not for him); among his
        pages the lowest rank wins.
        """
        if key in self._pages:
            raise ValueError(f"page {key!r} already added")
        self._pages[key] = Page(key, title, widget, icon,
                                frozenset(roles) if roles is not None else None, visible_if,
                                home)
        self.stack.addWidget(widget)
        tooltips_for_elided_cells(widget)  # a cut cell shows its whole text on hover
        self._refresh_navigation()

    def add_header(self, widget: QWidget) -> None:
        """A strip shown above every page (e.g. the turn in progress); it hides itself."""
        self._banners.addWidget(widget)

    def page(self, key: str) -> QWidget:
        return self._pages[key].widget

    def visible_pages(self) -> list[str]:
        """Keys of the pages this person may see, in navigation order."""
        return [p.key for p in self._pages.values() if p.allowed(self.profile)]

    def current_page(self) -> str | None:
        item = self.navigation.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def home_page(self) -> str | None:
        """The work screen this person opens on (None: none of his pages is one)."""
        if self.profile is None:
            return None
        ranked = [(rank, i, page.key) for i, page in enumerate(self._pages.values())
                  if (rank := page.home_rank(self.profile)) is not None]
        return min(ranked)[2] if ranked else None

    def propose_home(self, key: str, rank: int) -> None:
        """A screen whose procedure turns out to be in progress (known once loaded, e.g.
        the agency's amphitheatre running) becomes the opening page, if it ranks better
        and the person has not chosen a page himself meanwhile."""
        if self._navigated or key not in self.visible_pages():
            return
        if self._home is not None and self._home[0] <= rank:
            return
        self._home = (rank, key)
        self._show_home(key)

    def _show_home(self, key: str) -> None:
        navigated = self._navigated
        self.show_page(key)
        self._navigated = navigated  # the app chose it, not the person

    def show_page(self, key: str) -> None:
        for row in range(self.navigation.count()):
            item = self.navigation.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                self.navigation.setCurrentItem(item)
                return
        raise KeyError(key)

    def _refresh_navigation(self) -> None:
        current = self.current_page()
        self.navigation.blockSignals(True)
        self.navigation.clear()
        for key in self.visible_pages():
            page = self._pages[key]
            item = QListWidgetItem(page.title)
            if page.icon is not None:
                item.setIcon(page.icon)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.navigation.addItem(item)
        self.navigation.blockSignals(False)
        self._fit_sidebar()
        keys = self.visible_pages()
        if keys:
            navigated = self._navigated
            self.show_page(current if current in keys else keys[0])
            self._navigate(self.navigation.currentItem(), None)
            self._navigated = navigated

    def _fit_sidebar(self) -> None:
        """Wide enough for the longest title of the navigation (250 to 330 pixels)."""
        self.navigation.ensurePolished()
        metrics = self.navigation.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.navigation.item(r).text())
                      for r in range(self.navigation.count())), default=0)
        # The items' padding (12 px) and margin (8 px) each side, the frame, some air.
        needed = widest + 2 * (12 + 8) + 2 * self.navigation.frameWidth() + 12
        self.sidebar.setFixedWidth(max(SIDEBAR_WIDTH, min(needed, SIDEBAR_MAX_WIDTH)))

    def _navigate(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        key = str(item.data(Qt.ItemDataRole.UserRole))
        self._navigated = True
        self.stack.setCurrentWidget(self._pages[key].widget)
        self.page_changed.emit(key)

    # ---------------------------------------------------------------- person

    def set_profile(self, profile: Profile) -> None:
        first = self.profile is None or self.profile.id != profile.id
        self.profile = profile
        self.name_label.setText(profile.display_name)
        campaign_roles = sorted({c.my_role for c in profile.campaigns
                                 if c.my_role and c.my_role != profile.role})
        roles = [labels.role(profile.role, profile.kinds_as(profile.role)),
                 *(labels.role(r, profile.kinds_as(r)) for r in campaign_roles)]
        self.role_label.setText(" · ".join(roles))
        self.setWindowTitle(self.tr("Amphi — %1").replace("%1", profile.display_name))
        self._refresh_navigation()
        if first:  # signing in: his work screen, not « Mon profil »
            self._navigated = False
            home = self.home_page()
            page = self._pages.get(home) if home is not None else None
            rank = page.home_rank(profile) if page is not None else None
            if home is not None and rank is not None:
                self._home = (rank, home)
                self._show_home(home)

    def set_server(self, server: str) -> None:
        self.server_label.setText(self.tr("Serveur : %1").replace("%1", server)
                                  if server else "")

    # ---------------------------------------------------------------- connection

    def set_connection(self, state: str, text: str) -> None:
        """`state` is "online", "offline" or "connecting"; `text` the status bar line."""
        self.connection_label.setProperty("state", state)
        self.connection_label.setText(f"● {text}")
        repolish(self.connection_label)

    @property
    def offline_shown(self) -> bool:
        return self.offline_banner.isVisibleTo(self)

    def show_offline(self, message: str) -> None:
        self._offline_message = message
        self.offline_banner.show_message(message, "error", self.tr("Réessayer maintenant"))
        self.set_connection("offline", self.tr("Hors ligne"))

    def show_retry_in(self, seconds: float) -> None:
        """Count down to the next automatic attempt in the offline banner."""
        self._retry_left = max(1, round(seconds))
        self._retry_timer.start()
        self._update_retry_text()

    def _tick_retry(self) -> None:
        self._retry_left -= 1
        if self._retry_left <= 0:
            self._retry_timer.stop()
        self._update_retry_text()

    def _update_retry_text(self) -> None:
        if not self._offline_message:
            return
        if self._retry_left > 0:
            suffix = self.tr("nouvel essai dans %1 s.").replace("%1", str(self._retry_left))
        else:
            suffix = self.tr("nouvel essai en cours…")
        base = self._offline_message.rstrip(". ")
        self.offline_banner.set_text(f"{base} ; {suffix}")

    def show_online(self, live: bool) -> None:
        self._offline_message = ""
        self._retry_timer.stop()
        self.offline_banner.clear()
        if live:
            self.set_connection("online", self.tr("En ligne — mises à jour en direct"))
        else:
            self.set_connection("online", self.tr("En ligne"))

    def show_notice(self, text: str, kind: str = "info") -> None:
        """A message for everyone (e.g. from the agency), until closed."""
        self.notice_banner.show_message(text, kind, self.tr("Fermer"))

    # ---------------------------------------------------------------- misc

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("À propos d'Amphi"))
        box.setIconPixmap(app_icon().pixmap(64, 64))
        box.setText(self.tr("Amphi %1").replace("%1", __version__))
        box.setInformativeText(self.tr(
            "Choix des postes d'internat après les épreuves nationales, choix de stage en "
            "amphithéâtre et appariement des docteurs juniors.\n\nLes règles de chaque "
            "procédure sont celles de l'agence qui l'organise."))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def restore_geometry(self) -> None:
        """The size and place the window had when it was last closed (QSettings); the
        first time, DEFAULT_SIZE or less on a small screen (a 1366×768 laptop)."""
        saved = QSettings().value(GEOMETRY_KEY)
        if isinstance(saved, QByteArray) and not saved.isEmpty() \
                and self.restoreGeometry(saved):
            return
        width, height = DEFAULT_SIZE
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, room.width()), min(height, room.height())
        self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))

    def save_geometry(self) -> None:
        QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())

    def close_quietly(self) -> None:
        """Close without asking the app to quit (sign-out, lost session)."""
        self._quiet_close = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_geometry()
        if not self._quiet_close:
            self.quit_requested.emit()
        event.accept()
