"""First run: the welcome dialog, the user guide, the log file, F1 in the main window.

The dialog makes no HTTP call, so it is tested as a widget; F1 is tested in a real main
window signed in to a real server. Only `QDesktopServices.openUrl` is replaced (it would
start the system's browser or file manager): the test records the URLs it is given.
Set AMPHI_SHOTS=/some/dir to save pictures of the dialog and of the guide.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTextBrowser

from desktop.api.client import ApiError, normalize_server_url
from desktop.logs import setup_logging
from desktop.resources import resource_path
from desktop.ui import guide
from desktop.ui.first_run_dialog import DEMO, SERVER, FirstRunDialog
from tests.desktop.conftest import PASSWORD, add_person, until

SHOTS = os.environ.get("AMPHI_SHOTS", "")


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """The URLs Amphi asked the system to open (browser, file manager), in order."""
    urls: list[QUrl] = []

    def record(url: QUrl) -> bool:
        urls.append(QUrl(url))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(record))
    return urls


@pytest.fixture
def dialog(qtbot: Any, tmp_path: Path) -> FirstRunDialog:
    data_dir = tmp_path / "données"
    widget = FirstRunDialog(data_dir, data_dir / "logs" / "amphi.log",
                            "http://127.0.0.1:8000")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _save(widget: Any, name: str) -> None:
    if SHOTS:
        for _ in range(3):  # the dialog grows to fit its wrapped texts (a 0 ms timer)
            QApplication.processEvents()
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(Path(SHOTS) / name), "PNG")


# --------------------------------------------------------------------------- the dialog


def test_server_choice_returns_the_normalized_address(qtbot: Any,
                                                     dialog: FirstRunDialog) -> None:
    assert dialog.server_button.isChecked()
    assert dialog.address_edit.hasFocus() or not dialog.isActiveWindow()
    dialog.address_edit.clear()
    qtbot.keyClicks(dialog.address_edit, "amphi.mon-ars.fr/api/")
    qtbot.keyClick(dialog.address_edit, Qt.Key.Key_Return)  # Enter = Continuer
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert (dialog.choice, dialog.server) == (SERVER, "http://amphi.mon-ars.fr")


def test_demo_choice_needs_no_address(qtbot: Any, dialog: FirstRunDialog) -> None:
    dialog.address_edit.setText("pas une adresse ://")
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert dialog.demo_button.isChecked()
    assert not dialog.address_field.isEnabled()
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert dialog.choice == DEMO


def test_bad_address_is_refused_in_french_and_kept(qtbot: Any,
                                                  dialog: FirstRunDialog) -> None:
    _save(dialog, "first-run.png")
    dialog.address_edit.clear()
    qtbot.keyClicks(dialog.address_edit, "ftp://serveur.fr")
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() != FirstRunDialog.DialogCode.Accepted
    assert dialog.address_field.error.isVisibleTo(dialog)
    assert "http:// ou https://" in dialog.address_field.error_text
    assert dialog.address_edit.text() == "ftp://serveur.fr"
    _save(dialog, "first-run-bad-address.png")
    dialog.address_edit.clear()
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert dialog.address_field.error_text == "Saisissez l'adresse du serveur."
    qtbot.keyClicks(dialog.address_edit, "localhost:8000")  # typing clears the error
    assert not dialog.address_field.error.isVisibleTo(dialog)
    qtbot.keyClick(dialog.address_edit, Qt.Key.Key_Enter)
    assert (dialog.choice, dialog.server) == (SERVER, "http://localhost:8000")


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=40))
def test_any_address_is_either_accepted_as_normalized_or_kept(
        dialog: FirstRunDialog, text: str) -> None:
    dialog.setResult(0)
    dialog.choose_server(text)
    typed = dialog.address_edit.text()
    dialog.accept()
    try:
        expected = normalize_server_url(typed)
    except ApiError as exc:
        assert dialog.result() != FirstRunDialog.DialogCode.Accepted
        assert dialog.address_field.error_text == exc.message
        assert dialog.address_edit.text() == typed  # nothing lost
    else:
        assert dialog.result() == FirstRunDialog.DialogCode.Accepted
        assert dialog.server == expected


def test_places_guide_link_and_accessibility(qtbot: Any, dialog: FirstRunDialog,
                                             opened: list[QUrl]) -> None:
    texts = [dialog.data_path.text(), dialog.log_path_label.text()]
    assert texts == [str(dialog.data_dir), str(dialog.log_path)]
    qtbot.mouseClick(dialog.data_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.guide_button, Qt.MouseButton.LeftButton)
    assert [Path(u.toLocalFile()) for u in opened[:2]] == [dialog.data_dir,
                                                           dialog.log_path.parent]
    assert dialog.data_dir.is_dir()  # opened folders exist
    assert opened[2] == guide.guide_url()
    assert dialog.isVisible()  # opening a folder or the guide does not close the dialog
    for widget in (dialog.server_button, dialog.demo_button, dialog.address_edit,
                   dialog.data_button, dialog.log_button, dialog.guide_button,
                   dialog.continue_button):
        assert widget.accessibleName(), widget
    # Tab order: the choice, its address, the other choice, the folders, guide, Continuer.
    order = [dialog.server_button]
    while len(order) < 7:
        order.append(order[-1].nextInFocusChain())
        while not (order[-1].focusPolicy() & Qt.FocusPolicy.TabFocus):
            order[-1] = order[-1].nextInFocusChain()
    assert order == [dialog.server_button, dialog.address_edit, dialog.demo_button,
                     dialog.data_button, dialog.log_button, dialog.guide_button,
                     dialog.continue_button]


# --------------------------------------------------------------------------- the guide


class _Anchors(HTMLParser):
    """Collects the ids of the page and the #links of its table of contents."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.toc: list[str] = []
        self.links: list[str] = []
        self._in_nav = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "nav":
            self._in_nav = True
        href = values.get("href") or ""
        if tag == "a" and href.startswith("#"):
            (self.toc if self._in_nav else self.links).append(href[1:])

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_nav = False


def test_guide_exists_and_every_anchor_resolves() -> None:
    path = resource_path("guide", "guide.html")
    assert path.is_file()
    assert Path(guide.guide_url().toLocalFile()) == path
    assert guide.guide_url("hors-ligne").fragment() == "hors-ligne"
    html = path.read_text(encoding="utf-8")
    assert '<html lang="fr">' in html and 'charset="utf-8"' in html
    parser = _Anchors()
    parser.feed(html)
    assert len(parser.toc) >= 12
    missing = [a for a in parser.toc + parser.links if a not in parser.ids]
    assert missing == []
    for section in ("premier-demarrage", "connexion", "choix-national", "amphitheatre",
                    "classement", "candidatures", "agence", "hors-ligne", "raccourcis",
                    "donnees", "aide"):
        assert section in parser.toc
    # Self-contained: no external resource to fetch (the guide opens offline).
    assert not re.search(r'(src|href)="(https?:)?//', html)


def test_guide_renders_offscreen(qtbot: Any) -> None:
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.resize(QSize(900, 1100))
    browser.setSource(guide.guide_url())
    browser.show()
    text = browser.toPlainText()
    assert "Guide d'utilisation d'Amphi" in text and "Raccourcis clavier" in text
    _save(browser, "guide-top.png")
    browser.scrollToAnchor("amphitheatre")
    _save(browser, "guide-amphi.png")
    browser.scrollToAnchor("raccourcis")
    _save(browser, "guide-shortcuts.png")


# --------------------------------------------------------------------------- the log


def test_log_file_is_utf8_and_rotates(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = (list(root.handlers), root.level)
    try:
        path = setup_logging(tmp_path, "info", max_bytes=2_000, backup_count=3,
                             stderr=False)
        assert path == tmp_path / "logs" / "amphi.log"
        log = logging.getLogger("desktop.test")
        log.debug("pas écrit (niveau trop bas)")
        log.info("Démarrage : vœux, élève, côté serveur ✓")
        for handler in root.handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "Démarrage : vœux, élève, côté serveur ✓" in text
        assert "pas écrit" not in text
        for n in range(200):
            log.warning("ligne %d — ça tourne", n)
        for handler in root.handlers:
            handler.flush()
        files = sorted(p.name for p in path.parent.iterdir())
        assert files == ["amphi.log", "amphi.log.1", "amphi.log.2", "amphi.log.3"]
        assert all(p.stat().st_size <= 2_000 for p in path.parent.iterdir())
        assert "ligne 199 — ça tourne" in path.read_text(encoding="utf-8")
        ours = [h for h in root.handlers if getattr(h, "_amphi_handler", False)]
        setup_logging(tmp_path, "warning", stderr=False)  # again: replaced, not doubled
        assert len([h for h in root.handlers if getattr(h, "_amphi_handler", False)]) == 1
        assert all(h not in root.handlers for h in ours)
    finally:
        for handler in list(root.handlers):
            if getattr(handler, "_amphi_handler", False):
                root.removeHandler(handler)
                handler.close()
        root.handlers[:] = before[0]
        root.setLevel(before[1])


# --------------------------------------------------------------------------- F1


def test_f1_in_the_main_window_opens_the_guide(arun: Any, server: Any, make_app: Any,
                                               qtbot: Any, opened: list[QUrl]) -> None:
    email = "premiere.fois@exemple.fr"
    add_person(server.live, email=email)

    async def scenario() -> None:
        app = make_app(server.url)
        await app.start()
        dialog = app.signin_dialog
        assert dialog is not None
        await app.account.sign_in(server.url, email, PASSWORD, remember=False)
        window = app.show_main()
        window.activateWindow()
        await until(lambda: QApplication.activeWindow() is window)
        menu_titles = [a.text() for a in window.menuBar().actions()]
        assert "&Aide" in menu_titles
        assert window.guide_action.shortcut().toString() == "F1"
        QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
        await until(lambda: bool(opened), message="F1 did not open the guide")
        assert opened == [guide.guide_url()]
        window.guide_action.trigger()  # and from the menu
        assert opened[-1] == guide.guide_url()
        await app.shutdown()

    arun(scenario())
    QApplication.processEvents()


# --------------------------------------------------------------------------- in the app


def test_the_first_start_asks_once_then_remembers(tmp_path: Path, arun: Any,
                                                  server: Any) -> None:
    from desktop.app import AmphiApp, Options

    data_dir = tmp_path / "client"

    async def first_start() -> None:
        app = AmphiApp(Options(data_dir=data_dir), retry_delays=(0.2,), live_max_delay=0.5)
        try:
            task = asyncio.ensure_future(app.start())
            await until(lambda: app.first_run_dialog is not None
                        and app.first_run_dialog.isVisible())
            dialog = app.first_run_dialog
            assert dialog is not None and app.signin_dialog is None  # nothing else yet
            dialog.address_edit.setText("ftp://agence")
            dialog.accept()  # refused: stays open, the text kept
            assert dialog.isVisible() and dialog.address_edit.text() == "ftp://agence"
            dialog.address_edit.setText(server.url)
            dialog.accept()
            await task
            assert app.signin_dialog is not None and app.api.server == server.url
        finally:
            await app.shutdown()

    async def next_start() -> None:
        app = AmphiApp(Options(data_dir=data_dir), retry_delays=(0.2,), live_max_delay=0.5)
        try:
            assert not app.needs_first_run
            await app.start()
            assert app.first_run_dialog is None and app.signin_dialog is not None
        finally:
            await app.shutdown()

    arun(first_start())
    arun(next_start())


def test_closing_the_first_start_quits(tmp_path: Path, arun: Any) -> None:
    from desktop.app import AmphiApp, Options

    async def scenario() -> None:
        app = AmphiApp(Options(data_dir=tmp_path / "client"))
        try:
            task = asyncio.ensure_future(app.start())
            await until(lambda: app.first_run_dialog is not None)
            app.first_run_dialog.reject()  # type: ignore[union-attr]
            await task
            assert app._quit.is_set() and app.signin_dialog is None
            assert app.needs_first_run  # asked again next time
        finally:
            await app.shutdown()

    arun(scenario())


def test_without_a_browser_launcher_f1_shows_the_guide_inside_amphi(
        arun: Any, server: Any, make_app: Any, qtbot: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 15, point 13: the system cannot open the browser → the guide shows in Amphi
    (it used to fail silently)."""
    refused: list[QUrl] = []

    def no_launcher(url: QUrl) -> bool:
        refused.append(QUrl(url))
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(no_launcher))
    email = "sans.navigateur@exemple.fr"
    add_person(server.live, email=email)

    async def scenario() -> None:
        app = make_app(server.url)
        await app.start()
        await app.account.sign_in(server.url, email, PASSWORD, remember=False)
        window = app.show_main()
        window.activateWindow()
        await until(lambda: QApplication.activeWindow() is window)
        QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
        await until(lambda: window.findChild(guide.GuideDialog) is not None
                    and window.findChild(guide.GuideDialog).isVisible(),
                    message="F1 showed nothing")
        assert refused == [guide.guide_url()]  # the browser was tried first
        dialog = window.findChild(guide.GuideDialog)
        text = dialog.browser.toPlainText()
        assert "Guide d'utilisation d'Amphi" in text and "Raccourcis clavier" in text
        window.guide_action.trigger()  # again: the same window, not a second one
        assert len(window.findChildren(guide.GuideDialog)) == 1
        dialog.close()
        await app.shutdown()

    arun(scenario())
    QApplication.processEvents()
