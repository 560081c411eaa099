"""The application: QApplication on a qasync loop, and the wiring between the pieces.

`AmphiApp` owns the API client, the live stream, the connection monitor, the secret
store, the local store and the account; it decides which window shows (sign-in dialog,
main window, or the public space of « Consulter sans compte »), and builds the main
window's pages. Screens of later issues are added
in `build_main_window`, one `add_page` call each.

Those services live as long as the app; a main window lives for one signed-in person.
When it goes (sign-out, lost session, quit), `_closing_main_window` cuts its connections
to the services, stops its clocks, lets its work in flight end (then cancels it), and
only then deletes it: nothing of the old window runs once it is gone.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import sys
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDir,
    QObject,
    QStandardPaths,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from qasync import QEventLoop, asyncSlot
from shiboken6 import Shiboken

from desktop import APP_NAME, ORGANIZATION, __version__, i18n, tasks
from desktop.api.client import ApiClient, ApiError, DemoAccount
from desktop.api.live import MAX_DELAY_SECONDS, LiveClient
from desktop.areas import AppContext, Links, install_areas
from desktop.credentials import SecretStore
from desktop.demo_launcher import DemoLaunchError, DemoServer
from desktop.logs import log_path, setup_logging
from desktop.resources import app_icon, resource_path
from desktop.single_instance import SingleInstance, instance_key
from desktop.store import FILE_NAME, LocalStore
from desktop.sync.account import Account
from desktop.sync.connection import RETRY_DELAYS, ConnectionMonitor
from desktop.ui.first_run_dialog import FirstRunDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.profile_view import ActivityView, ProfileView
from desktop.ui.public_window import PublicWindow
from desktop.ui.signin_dialog import SignInDialog
from desktop.ui.theme import SIMULATE_DARK_SYSTEM, apply_light_theme, simulate_dark_system
from desktop.ui.widgets import BusyDialog

log = logging.getLogger(__name__)

DEFAULT_SERVER = "http://127.0.0.1:8000"
DEFAULT_DEMO_ACCOUNT = "etudiant@amphi.demo"
FIRST_RUN_DONE = "first_run_done"  # preferences in the local store
START_MODE = "start_mode"  # "demo" or "server", chosen at the first run
SHUTDOWN_GRACE = 1.0  # seconds the work in flight gets to end when Amphi closes
SIGN_OUT_GRACE = 1.0  # seconds the main window's work gets to end when it goes


def _tr(text: str) -> str:
    return QCoreApplication.translate("AmphiApp", text)


DATA_DIR_NAME = "amphi"


def default_data_dir() -> Path:
    """The per-user data directory of the client (local store, logs, demo server data).

    Qt's location, spelt so that it is the folder earlier versions used (they asked
    `platformdirs.user_data_dir("amphi", "Amphi")`): a user's offline favourites and
    wishes stay where they were. Linux: `$XDG_DATA_HOME/amphi` (`~/.local/share/amphi`);
    macOS: `~/Library/Application Support/amphi`; Windows: `%LOCALAPPDATA%\\Amphi\\amphi`.
    Needs no QApplication (`main` sets up the log file before making one).
    """
    base = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.GenericDataLocation))
    if sys.platform == "win32":  # platformdirs put the author's folder first there
        return base / ORGANIZATION / DATA_DIR_NAME
    return base / DATA_DIR_NAME


@dataclass
class Options:
    """What the command line asked for."""

    server: str | None = None
    data_dir: Path | None = None
    demo: bool = False
    screenshot: Path | None = None
    log_level: str = "warning"
    self_test: bool = False

    @property
    def resolved_data_dir(self) -> Path:
        return self.data_dir if self.data_dir is not None else default_data_dir()


def parse_args(argv: list[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(
        prog="amphi", description="Amphi : choix des postes d'internat et des stages.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--server", metavar="URL",
                        help="adresse du serveur (par défaut : le dernier utilisé)")
    parser.add_argument("--data-dir", type=Path, metavar="DOSSIER",
                        help="dossier des données locales (par défaut : celui de l'utilisateur)")
    parser.add_argument("--demo", action="store_true",
                        help="démarrer le serveur de démonstration et s'y connecter "
                             "(compte : variable AMPHI_DEMO_ACCOUNT)")
    parser.add_argument("--screenshot", type=Path, metavar="FICHIER.png",
                        help="enregistrer une image de la première fenêtre, puis quitter")
    parser.add_argument("--log-level", default="warning",
                        choices=["debug", "info", "warning", "error"])
    parser.add_argument("--self-test", action="store_true",
                        help="vérifier l'installation : serveur de démonstration, connexion, "
                             "un écran et un PDF, dans un dossier temporaire ; puis quitter")
    args = parser.parse_args(argv)
    data_dir = args.data_dir
    if args.self_test and data_dir is None:
        data_dir = Path(tempfile.mkdtemp(prefix="amphi-self-test-"))
    return Options(server=args.server, data_dir=data_dir,
                   demo=args.demo or args.self_test, screenshot=args.screenshot,
                   log_level=args.log_level, self_test=args.self_test)


# --------------------------------------------------------------------------- Qt set-up


def load_translations(qapp: QCoreApplication, language: str = i18n.FRENCH,
                      ) -> list[QTranslator]:
    """French is the source language; English comes from our .qm (see desktop/i18n.py)."""
    return i18n.install_translations(qapp, language)


def configure_application(qapp: QApplication, language: str = i18n.FRENCH) -> None:
    """Names, icon, language, style sheet: what makes it look like Amphi.

    French unless told otherwise (the tests rely on it, whatever the machine's
    locale); `main` passes the language the preferences ask for.
    """
    qapp.setApplicationName(APP_NAME)
    qapp.setOrganizationName(ORGANIZATION)
    qapp.setApplicationVersion(__version__)
    qapp.setWindowIcon(app_icon())
    qapp.setQuitOnLastWindowClosed(False)  # the app decides when to quit (see AmphiApp)
    qapp.setStyle("Fusion")
    font = QFont(qapp.font())
    font.setPointSizeF(10.0)
    qapp.setFont(font)
    apply_light_theme(qapp)  # the same readable look under a dark system theme
    QDir.addSearchPath("amphi", str(resource_path()))  # the style sheet's url(amphi:…)
    style = resource_path("style.qss")
    if style.exists():
        qapp.setStyleSheet(style.read_text(encoding="utf-8"))
    load_translations(qapp, language)


# --------------------------------------------------------------------------- application


class AmphiApp(QObject):
    """One run of the client: which window shows, and what talks to what."""

    def __init__(self, options: Options, *, retry_delays: tuple[float, ...] = RETRY_DELAYS,
                 live_max_delay: float = MAX_DELAY_SECONDS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.options = options
        data_dir = options.resolved_data_dir
        data_dir.mkdir(parents=True, exist_ok=True)
        self.store = LocalStore(data_dir / FILE_NAME)
        self.secrets = SecretStore()
        self.start_message = ""
        server = options.server or self.store.last_server() or DEFAULT_SERVER
        try:
            self.api = ApiClient(server, parent=self)
        except ApiError as exc:
            self.start_message = exc.message
            self.api = ApiClient(DEFAULT_SERVER, parent=self)
        self.account = Account(self.api, self.secrets, self.store, parent=self)
        self.live = LiveClient(self.api, max_delay=live_max_delay, parent=self)
        self.monitor = ConnectionMonitor(self.api, delays=retry_delays, parent=self)
        self.demo_server: DemoServer | None = None
        self.demo_accounts: list[DemoAccount] = []
        self.signin_dialog: SignInDialog | None = None
        self.first_run_dialog: FirstRunDialog | None = None
        self.main_window: MainWindow | None = None
        self._links: Links | None = None  # the main window's connections to the services
        self.public_window: PublicWindow | None = None  # « Consulter sans compte »
        self._public_links: Links | None = None
        self.exit_code = 0
        self._quit = asyncio.Event()

        self.account.session_lost.connect(self._on_session_lost)
        self.monitor.went_offline.connect(self._on_offline)
        self.monitor.retry_scheduled.connect(self._on_retry_scheduled)
        self.monitor.came_back.connect(self._on_back_online)
        self.live.connected.connect(self._on_live_connected)
        self.live.disconnected.connect(self._on_live_disconnected)
        self.live.event_received.connect(self._on_event)

    # ---------------------------------------------------------------- running

    async def run(self) -> int:
        """Show the first window, then wait until the user quits; the exit status."""
        try:
            if self.options.self_test:
                from desktop.selftest import run_self_test

                return await run_self_test(self, self.options.resolved_data_dir)
            await self.start()
            if self.options.screenshot is not None:
                await self.take_screenshot(self.options.screenshot)
                return 0
            await self._quit.wait()
        finally:
            await self.shutdown()
        return self.exit_code

    @property
    def needs_first_run(self) -> bool:
        """Never configured, and the command line does not say what to do."""
        options = self.options
        return (self.store.get_preference(FIRST_RUN_DONE) is None
                and self.store.last_server() is None
                and not (options.server or options.demo or options.screenshot is not None
                         or options.self_test))

    async def start(self) -> None:
        """The first window: first-run choices, the demo, a remembered session, sign-in."""
        if self.needs_first_run:
            choice = await self._first_run()
            if choice is None:
                self.quit()
                return
        if self.options.demo:
            await self._start_demo()
            return
        if self.options.server is None and self.store.get_preference(START_MODE) == "demo":
            await self._start_demo(sign_in=False)
            return
        profile = None
        if not self.start_message and self.options.screenshot is None:
            profile = await self.account.restore()
        if profile is not None:
            self.show_main()
        else:
            self.show_signin(message=self.start_message, kind="error")

    async def _first_run(self) -> str | None:
        """Ask once: the local demo or the agency's server; None if the user closed it."""
        data_dir = self.options.resolved_data_dir
        dialog = FirstRunDialog(data_dir, log_path(data_dir), self.api.server)
        self.first_run_dialog = dialog
        done: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        def finished(result: int) -> None:
            if not done.done():
                done.set_result(result)

        dialog.finished.connect(finished)
        dialog.open()
        try:
            accepted = await done == QDialog.DialogCode.Accepted
        finally:
            dialog.hide()
            dialog.deleteLater()
            self.first_run_dialog = None
        if not accepted:
            return None
        self.store.set_preference(FIRST_RUN_DONE, "1")
        self.store.set_preference(START_MODE, dialog.choice)
        if dialog.choice == "server":
            self.account.use_server(dialog.server)
        return dialog.choice

    def quit(self, code: int = 0) -> None:
        self.exit_code = code
        self._quit.set()

    @property
    def first_window(self) -> QWidget | None:
        return self.main_window or self.public_window or self.signin_dialog

    def raise_window(self) -> None:
        """Another launch of Amphi asked for this one: bring its window to the front."""
        window = self.first_window
        if window is not None:
            if window.isMinimized():
                window.showNormal()
            window.show()
            window.raise_()
            window.activateWindow()

    async def take_screenshot(self, path: Path) -> None:
        """Save a PNG of the window on screen (sign-in dialog or main window)."""
        window = self.first_window
        if window is None:
            raise RuntimeError("no window to take a picture of")
        await asyncio.sleep(0.1)  # let the layout settle and the first paint happen
        path.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(path), "PNG"):
            raise OSError(f"could not write {path}")

    async def shutdown(self) -> None:
        """Stop everything this run started (streams, windows, HTTP client, demo server)."""
        await self.monitor.stop()
        await self.live.stop()
        if self.main_window is not None:
            self.main_window.setEnabled(False)  # no new work from it while it ends
        await tasks.settle(tasks.owned_tasks, SHUTDOWN_GRACE)
        async with self._closing_main_window(0):
            pass
        await self._close_public(0)
        if self.signin_dialog is not None:
            self.signin_dialog.rejected.disconnect(self._signin_closed)
            self.signin_dialog.close()
            self.signin_dialog.deleteLater()
            self.signin_dialog = None
        await self.api.aclose()
        if self.demo_server is not None:
            await self.demo_server.stop()
        self.store.close()

    # ---------------------------------------------------------------- demo

    async def _start_demo(self, *, sign_in: bool = True) -> None:
        """Start the local demo server; sign in to the demo account, or offer them all."""
        server = DemoServer(self.options.resolved_data_dir / "demo-server", parent=self)
        self.demo_server = server
        dialog = BusyDialog(_tr("Démonstration d'Amphi"),
                            _tr("Démarrage du serveur de démonstration…"), app_icon())
        server.progress.connect(dialog.set_message)
        dialog.show()
        try:
            url = await server.start()
        except DemoLaunchError as exc:
            self.show_signin(message=str(exc), kind="error")
            return
        finally:
            dialog.close()
            dialog.deleteLater()
        self.account.use_server(url)
        try:
            self.demo_accounts = await self.api.demo_accounts()
        except ApiError as exc:
            self.show_signin(message=exc.message, kind="error")
            return
        if not sign_in:
            self.show_signin(email="", kind="success", message=_tr(
                "Le serveur de démonstration est prêt sur cet ordinateur. Choisissez un "
                "compte de démonstration ci-dessous (un par rôle)."))
            return
        wanted = os.environ.get("AMPHI_DEMO_ACCOUNT", DEFAULT_DEMO_ACCOUNT).strip().lower()
        chosen = next((a for a in self.demo_accounts if a.email.lower() == wanted), None)
        if chosen is None:
            self.show_signin(email=wanted, kind="error", message=_tr(
                "Compte de démonstration inconnu : %1. Choisissez-en un dans la liste.")
                .replace("%1", wanted))
            return
        try:
            await self.account.sign_in(url, chosen.email, chosen.password, remember=False)
        except ApiError as exc:
            self.show_signin(email=chosen.email, message=exc.message, kind="error")
            return
        self.show_main()

    # ---------------------------------------------------------------- windows

    def show_signin(self, *, email: str | None = None, message: str = "",
                    kind: str = "warning") -> SignInDialog:
        """Replace whatever shows by the sign-in dialog, keeping the typed email.

        A main window still there is dropped at once; `_closing_main_window` is the
        clean way (its work ends first), which sign-out and a lost session take.
        """
        if self.main_window is not None:
            if self._links is not None:
                self._links.cut()
            self.main_window.close_quietly()
            self.main_window.deleteLater()
            self.main_window = self._links = None
        self._drop_public()
        if self.signin_dialog is not None:
            self.signin_dialog.rejected.disconnect(self._signin_closed)
            self.signin_dialog.close()
            self.signin_dialog.deleteLater()
        dialog = SignInDialog(self.account, server=self.api.server,
                              email=email if email is not None else self.account.email,
                              message=message, message_kind=kind,
                              demo_accounts=self.demo_accounts)
        dialog.signed_in.connect(self._signed_in)
        dialog.browse_requested.connect(self.show_public)
        dialog.rejected.connect(self._signin_closed)
        self.signin_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _signin_closed(self) -> None:
        if not self.account.is_signed_in:
            self.quit()

    def _signed_in(self, _profile: object) -> None:
        self.show_main()

    # ---------------------------------------------------------------- public space

    def show_public(self) -> PublicWindow:
        """« Consulter sans compte »: the public space of the server the sign-in window
        shows, live, in place of the sign-in window."""
        from desktop.areas.public import build_public_window

        if self.signin_dialog is not None:
            self.signin_dialog.rejected.disconnect(self._signin_closed)
            self.signin_dialog.close()
            self.signin_dialog.deleteLater()
            self.signin_dialog = None
        self._drop_public()
        links = Links()
        window = build_public_window(self.context_for(links))
        self.public_window, self._public_links = window, links
        window.sign_in_requested.connect(self._leave_public)
        window.quit_requested.connect(self.quit)
        window.retry_requested.connect(self.monitor.retry_now)
        if self.monitor.offline:
            window.show_offline(self.monitor.reason)
        window.show()
        window.raise_()
        window.activateWindow()
        tasks.spawn(self, self._restart_live())  # no token: the public events only
        return window

    def _take_public(self) -> PublicWindow | None:
        """The public window, no longer the app's nor fed by the services (None: none)."""
        window, links = self.public_window, self._public_links
        self.public_window = self._public_links = None
        if links is not None:
            links.cut()
        return window

    def _drop_public(self) -> None:
        """The public window goes at once (its tasks are cancelled when it is deleted)."""
        window = self._take_public()
        if window is not None:
            window.close_quietly()
            window.deleteLater()

    async def _close_public(self, grace: float) -> None:
        """Retire the public window cleanly: cut off, its work ended (or cancelled)."""
        window = self._take_public()
        if window is None:
            return
        window.setEnabled(False)
        for timer in window.findChildren(QTimer):
            timer.stop()
        await tasks.settle(lambda: tasks.tasks_of(window), grace)
        if Shiboken.isValid(window):
            window.close_quietly()
            Shiboken.delete(window)

    @asyncSlot()
    async def _leave_public(self) -> None:
        """« Se connecter » from the public space: back to the sign-in window."""
        try:
            await self.live.stop()
            await self._close_public(SIGN_OUT_GRACE)
        finally:
            self.show_signin(email=self.account.email)

    def build_main_window(self) -> MainWindow:
        """The main window and its pages; later screens are added here with `add_page`."""
        window = MainWindow(server=self.api.server)
        window.add_page("profile", _tr("Mon profil"), None, ProfileView(self.account))
        window.add_page("activity", _tr("Mon activité"), None, ActivityView(self.account))
        self._links = Links()
        install_areas(window, self.context_for(self._links))
        window.sign_out_requested.connect(self._sign_out)
        window.preferences_requested.connect(self.show_preferences)
        window.quit_requested.connect(self.quit)
        window.retry_requested.connect(self.monitor.retry_now)
        return window

    def context_for(self, links: Links) -> AppContext:
        """The shared services handed to one window's screens, connected through `links`."""
        return AppContext(api=self.api, account=self.account, live=self.live,
                          store=self.store, monitor=self.monitor, links=links)

    @contextlib.asynccontextmanager
    async def _closing_main_window(self, grace: float) -> AsyncIterator[None]:
        """Retire the main window: on entry, cut it off from the services, stop its
        clocks and let its work in flight end for `grace` seconds (then cancel it); the
        body runs while it still shows, disabled; on exit, cancel what started meanwhile
        and delete it. Nothing of it runs afterwards (a deleted widget raises
        « already deleted »; a task resuming in it, worse)."""
        window, links = self.main_window, self._links
        self.main_window = self._links = None
        if window is None:
            yield
            return
        try:
            if links is not None:
                links.cut()
            window.setEnabled(False)
            for timer in window.findChildren(QTimer):
                timer.stop()  # presence signals, refreshes: no new work
            await tasks.settle(lambda: tasks.tasks_of(window), grace)
            yield
        finally:  # even when cancelled (a quit during a sign-out): never leave it behind
            await tasks.settle(lambda: tasks.tasks_of(window), 0)
            if Shiboken.isValid(window):
                window.close_quietly()
                # Now, not `deleteLater`: a pending deletion leaves its timers and signals
                # a last chance to start work in it. (No caller runs in one of its slots.)
                Shiboken.delete(window)

    def show_main(self) -> MainWindow:
        profile = self.account.profile
        assert profile is not None, "show_main needs a signed-in account"
        self._drop_public()
        if self.signin_dialog is not None:
            self.signin_dialog.rejected.disconnect(self._signin_closed)
            self.signin_dialog.close()
            self.signin_dialog.deleteLater()
            self.signin_dialog = None
        if self.main_window is None:
            self.main_window = self.build_main_window()
        window = self.main_window
        window.set_profile(profile)
        window.set_server(self.api.server)
        if self.monitor.offline:
            window.show_offline(self.monitor.reason)
        window.show()
        window.raise_()
        tasks.spawn(self, self._restart_live())
        return window

    def show_preferences(self) -> None:
        """The « Préférences » dialog (language, applied at the next start)."""
        from desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.store, parent=self.main_window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    async def _restart_live(self) -> None:
        await self.live.stop()
        self.live.start()

    @asyncSlot()
    async def _sign_out(self) -> None:
        try:
            await self.live.stop()
            await self.monitor.stop()  # nothing to tell a window any more
            # The window's saves in flight end while the token is still valid.
            async with self._closing_main_window(SIGN_OUT_GRACE):
                await self.account.sign_out()
        finally:
            self.show_signin(email=self.account.email)

    def _on_session_lost(self, message: str) -> None:
        tasks.spawn(self, self._session_lost(message))

    async def _session_lost(self, message: str) -> None:
        await self.live.stop()
        await self.monitor.stop()
        async with self._closing_main_window(0):  # its calls would be refused now
            pass
        self.show_signin(email=self.account.email, message=message, kind="warning")

    # ---------------------------------------------------------------- connection

    def _on_offline(self, reason: str) -> None:
        if self.main_window is not None:
            self.main_window.show_offline(reason)
        if self.public_window is not None:
            self.public_window.show_offline(reason)

    def _on_retry_scheduled(self, seconds: float) -> None:
        if self.main_window is not None:
            self.main_window.show_retry_in(seconds)

    def _on_back_online(self) -> None:
        if self.main_window is not None:
            self.main_window.show_online(self.live.is_connected)
        if self.public_window is not None:
            self.public_window.show_online(self.live.is_connected)
        self.live.reconnect_now()
        if self.account.from_cache and self.account.is_signed_in:
            tasks.spawn(self, self._refresh_after_offline())

    async def _refresh_after_offline(self) -> None:
        try:
            await self.account.refresh_profile()
        except ApiError as exc:
            log.info("profile not refreshed: %s", exc.message)

    def _on_live_connected(self) -> None:
        if self.main_window is not None and not self.monitor.offline:
            self.main_window.show_online(True)
        if self.public_window is not None and not self.monitor.offline:
            self.public_window.show_online(True)

    def _on_live_disconnected(self, _reason: str) -> None:
        if self.main_window is not None and not self.monitor.offline:
            self.main_window.set_connection("connecting", _tr("Reconnexion au serveur…"))
        if self.public_window is not None and not self.monitor.offline:
            self.public_window.set_connection("connecting", _tr("Reconnexion au serveur…"))
        if self.account.is_signed_in or self.public_window is not None:
            self.monitor.check_soon()

    def _on_event(self, kind: str, event: dict[str, Any], _event_id: int) -> None:
        payload = event.get("payload") or {}
        if kind == "staff_message" and self.main_window is not None:
            text = str(payload.get("text", "")).strip()
            if text:
                self.main_window.show_notice(_tr("Message de l'agence : %1").replace("%1", text))


# --------------------------------------------------------------------------- entry point


def _install_signal_handlers(app: AmphiApp) -> QTimer:
    """Ctrl+C and SIGTERM quit cleanly (the demo server is stopped on the way out)."""
    def handler(_signum: int, _frame: object) -> None:
        app.quit(130)

    for name in ("SIGINT", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), handler)
    # Python runs signal handlers between bytecodes only: wake it now and then.
    timer = QTimer()
    timer.start(500)
    timer.timeout.connect(lambda: None)
    return timer


def main(argv: list[str] | None = None) -> int:
    """Entry point of `amphi` / `python -m desktop`; returns the exit status."""
    options = parse_args(argv)
    setup_logging(options.resolved_data_dir, options.log_level.upper())
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    if os.environ.get(SIMULATE_DARK_SYSTEM) == "1":
        simulate_dark_system(qapp)
    configure_application(qapp, i18n.language_for(options.resolved_data_dir))

    guard: SingleInstance | None = None
    if options.screenshot is None and not options.self_test:
        guard = SingleInstance(instance_key(options.resolved_data_dir))
        if not guard.claim():
            print(_tr("Amphi est déjà ouvert : sa fenêtre passe au premier plan."))
            return 0

    async def run() -> int:
        app = AmphiApp(options)
        if guard is not None:
            guard.activated.connect(app.raise_window)
        keep = _install_signal_handlers(app)
        try:
            return await app.run()
        finally:
            keep.stop()

    with asyncio.Runner(loop_factory=lambda: QEventLoop(qapp)) as runner:
        return runner.run(run())
