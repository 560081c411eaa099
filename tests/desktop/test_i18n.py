"""The English translation: the .ts is complete and compiles, the language follows the
preference (or the system), and the real windows speak English against a real server."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop import i18n
from desktop.app import AmphiApp
from desktop.store import FILE_NAME, LocalStore
from desktop.ui.settings_dialog import SettingsDialog
from tests.desktop.conftest import PASSWORD, RestartableServer, add_person, until

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "amphi_en.ts"
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"
PLACEHOLDER = re.compile(r"%\d|\{\w+\}")
MakeApp = Callable[..., AmphiApp]


def messages() -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message of the .ts."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


@pytest.fixture(scope="module")
def compiled() -> Path:
    """The .qm the app loads, built from the .ts as `make translations` does."""
    qm = i18n.translation_file("en")
    if not qm.exists() or qm.stat().st_mtime < TS.stat().st_mtime:
        subprocess.run([str(LRELEASE), "-silent", str(TS), "-qm", str(qm)], check=True)
    return qm


@pytest.fixture
def english(qapp: QApplication, compiled: Path) -> Iterator[None]:
    """The interface in English for one test; French again afterwards."""
    i18n.install_translations(qapp, "en")
    try:
        yield
    finally:
        i18n.install_translations(qapp, "fr")


# --------------------------------------------------------------------------- the files


def test_the_ts_compiles_with_nothing_unfinished(tmp_path: Path) -> None:
    qm = tmp_path / "amphi_en.qm"
    done = subprocess.run([str(LRELEASE), str(TS), "-qm", str(qm)],
                          capture_output=True, text=True, check=True)
    assert "0 unfinished" in done.stdout, done.stdout
    assert "Ignored" not in done.stdout, done.stdout
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("SignInDialog", "Se connecter") == "Sign in"
    assert translator.translate("MainWindow", "&Fichier") == "&File"


def test_every_string_is_translated_and_keeps_its_placeholders() -> None:
    found = messages()
    assert len(found) > 1000
    for context, source, translation in found:
        where = f"{context}: {source!r}"
        assert translation.get("type") is None, f"not finished: {where}"
        text = translation.text or ""
        assert text.strip(), f"empty translation: {where}"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), \
            f"placeholders differ: {where} → {text!r}"
        if re.search(r"&\w", source):
            assert re.search(r"&\w", text), f"keyboard accelerator lost: {where}"


def test_the_ts_holds_every_string_of_the_code() -> None:
    """A string added to the code without refreshing the .ts would stay French."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import update_translations
    finally:
        sys.path.remove(str(ROOT / "tools"))
    wanted = set(update_translations.Extractor(ROOT).run())
    have = {(context, source) for context, source, _ in messages()}
    missing = sorted(wanted - have)
    assert not missing, ("run tools/update_translations.py and translate: "
                         f"{missing[:10]}")


def test_the_extractor_follows_wrappers_tables_and_class_contexts() -> None:
    have = {(context, source) for context, source, _ in messages()}
    assert ("AmphiApp", "Mon profil") in have                 # _tr("…") wrapper
    assert ("Labels", "Étudiant") in have                     # QT_TRANSLATE_NOOP table
    assert ("AmphiPosts", "N° poste") in have                 # context given by a constant
    assert ("RegistrationDialog", "Quel est le nom de votre premier animal de compagnie ?") \
        in have                                               # self.tr(q) for q in TABLE
    assert ("ProfileView", "Quel est le nom de votre premier animal de compagnie ?") \
        in have                                               # ... the table imported
    assert ("SignInDialog", "Se connecter") in have           # self.tr("…")


# --------------------------------------------------------------------------- the choice


def test_system_follows_the_locale_and_explicit_choices_win() -> None:
    french = QLocale(QLocale.Language.French, QLocale.Country.Canada)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert i18n.resolve("system", french) == "fr"
    assert i18n.resolve("system", english) == "en"
    assert i18n.resolve("system", german) == "en"
    assert i18n.resolve(None, french) == "fr"
    assert i18n.resolve("fr", english) == "fr"
    assert i18n.resolve("en", french) == "en"
    assert i18n.resolve("klingon", french) == "fr"


def test_the_preference_is_read_from_the_data_directory(tmp_path: Path) -> None:
    french = QLocale(QLocale.Language.French, QLocale.Country.France)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert i18n.language_for(tmp_path, french) == "fr"      # no store yet: the system
    assert i18n.language_for(tmp_path, english) == "en"
    store = LocalStore(tmp_path / FILE_NAME)
    i18n.save_choice(store, "en")
    store.close()
    assert i18n.language_for(tmp_path, french) == "en"
    store = LocalStore(tmp_path / FILE_NAME)
    i18n.save_choice(store, "system")
    assert i18n.stored_choice(store) == "system"
    store.close()
    assert i18n.language_for(tmp_path, french) == "fr"
    with pytest.raises(ValueError):
        i18n.save_choice(LocalStore(tmp_path / "other.sqlite3"), "de")


def test_the_preferences_dialog_saves_the_choice(qtbot: QtBot, tmp_path: Path) -> None:
    store = LocalStore(tmp_path / FILE_NAME)
    try:
        dialog = SettingsDialog(store)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Préférences"
        assert dialog.buttons["system"].isChecked()
        dialog.buttons["en"].setChecked(True)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        box.button(QDialogButtonBox.StandardButton.Ok).click()
        assert i18n.stored_choice(store) == "en"
        again = SettingsDialog(store)
        qtbot.addWidget(again)
        assert again.buttons["en"].isChecked()
        again.buttons["fr"].setChecked(True)
        again.reject()
        assert i18n.stored_choice(store) == "en"  # cancelled: unchanged
    finally:
        store.close()


# --------------------------------------------------------------------------- the windows


async def _sign_in_and_show(app: AmphiApp, email: str) -> None:
    await app.start()
    dialog = app.signin_dialog
    assert dialog is not None
    dialog.email_edit.setText(email)
    dialog.password_edit.setText(PASSWORD)
    dialog.sign_in_button.click()
    await until(lambda: app.main_window is not None and app.main_window.isVisible())


def test_in_english_the_real_windows_speak_english(
        qtbot: QtBot, arun: Callable[..., Any], make_app: MakeApp,
        server: RestartableServer, english: None) -> None:
    assert server.live is not None
    add_person(server.live, email="camille@example.org")
    app = make_app(server.url)

    async def scenario() -> None:
        await app.start()
        dialog = app.signin_dialog
        assert dialog is not None
        assert dialog.sign_in_button.text() == "Sign in"
        assert dialog.windowTitle() == "Sign in — Amphi"
        await _sign_in_and_show(app, "camille@example.org")
        window = app.main_window
        assert window is not None
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["&File", "&Help"]
        assert window.preferences_action.text() == "&Preferences…"
        titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
        assert "My profile" in titles and "My activity" in titles
        assert QLocale().language() == QLocale.Language.English
        window.preferences_action.trigger()
        await until(lambda: window.findChild(SettingsDialog) is not None)
        settings = window.findChild(SettingsDialog)
        assert settings is not None and settings.windowTitle() == "Preferences"
        settings.reject()

    arun(scenario())


def test_in_french_the_same_windows_speak_french(
        qtbot: QtBot, arun: Callable[..., Any], make_app: MakeApp,
        server: RestartableServer) -> None:
    assert server.live is not None
    add_person(server.live, email="camille@example.org")
    app = make_app(server.url)

    async def scenario() -> None:
        await _sign_in_and_show(app, "camille@example.org")
        window = app.main_window
        assert window is not None
        assert [a.text() for a in window.menuBar().actions()] == ["&Fichier", "&Aide"]
        titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
        assert "Mon profil" in titles
        assert QLocale().language() == QLocale.Language.French

    arun(scenario())


def test_numbers_follow_the_interface_language(english: None) -> None:
    """Separators and labels of the figures are English in English (they were French)."""
    from desktop.api.matching import Ratio
    from desktop.i18n import decimal, integer
    from desktop.models.labels import role
    from desktop.ui.matching.common import ratio_text, size_text

    assert (integer(1200), decimal(12.34, 1)) == ("1,200", "12.3")
    assert ratio_text("Connected", Ratio(count=1234, total=4000, percent=30.86)) == \
        "Connected: 1,234/4,000 (30.9%)"
    assert size_text(3 * 1024 * 1024 + 300_000) == "3.3 MB"
    assert role("student", ["amphi"]) == "Intern"
    from desktop.ui.matching.common import post_type_text
    assert (post_type_text("couplé"), post_type_text("inconnu")) == ("Paired", "inconnu")


def test_numbers_in_french() -> None:
    from desktop.api.matching import Ratio
    from desktop.ui.matching.common import ratio_text, size_text

    assert ratio_text("Connectés", Ratio(count=1234, total=4000, percent=30.86)) == \
        "Connectés : 1\u202f234/4\u202f000 (30,9 %)"
    assert size_text(3 * 1024 * 1024 + 300_000) == "3,3 Mo"


def test_the_wishes_sentences_are_written_in_english(english: None) -> None:
    """The server sends them in French; the client writes them from their figures."""
    from desktop.api.national import Above, Headline, Wish
    from desktop.models.national_wishes import status_text
    from desktop.ui.national.sentences import above_text, headline_text

    feasible = Headline(wish_number=6, cell_id=60, subdivision="LYON", specialty="Pédiatrie", k=22,
                        capacity=22, text="en 22 / 22 le vœu n° 6…", situation="feasible")
    assert headline_text(feasible) == "In 22 / 22, wish no. 6 (LYON, Pédiatrie) would be granted"
    done = Headline(wish_number=None, cell_id=None, subdivision=None, specialty=None, k=None,
                    capacity=None, text="votre tour est passé…", situation="skipped")
    assert headline_text(done) == "Your turn passed without an assignment"
    older_server = Headline(wish_number=None, cell_id=None, subdivision=None, specialty=None,
                            k=None, capacity=None, text="aucun vœu n'est réalisable",
                            situation="")
    assert headline_text(older_server) == "Aucun vœu n'est réalisable"
    assert above_text(Above(with_wishes=3577, above=3673, text="3577 / 3673 étudiants…",
                            pool="general")) == \
        "3,577 / 3,673 non-CESP students validated above me have made at least 1 wish"
    wish = Wish(number=1, cell_id=60, subdivision="LYON", specialty="Cardiologie", capacity=13,
                k=None, exhausted=True, label="épuisé / 13", satisfied=False)
    assert status_text(wish) == "exhausted / 13"
