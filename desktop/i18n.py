"""The language of the interface: French (the source language) or English.

The choice is the "language" preference of the local store: "system" (the default:
French when the system locale is French, English otherwise), "fr" or "en". It is read
once at start-up (`language_for`) and applied by `install_translations` before the
first window is built; the « Préférences » dialog changes it for the next start.
Our own strings come from `resources/translations/amphi_<lang>.qm` (compiled from the
.ts kept in git by `make translations`); Qt's own (standard buttons, context menus, file
and print dialogs) from Qt's `qtbase_<lang>.qm`, completed by our
`qtbase_complement_<lang>.qm` where Qt's French catalogue lags behind its sources.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.resources import resource_path
from desktop.store import FILE_NAME, LocalStore

PREFERENCE = "language"
SYSTEM = "system"
FRENCH = "fr"
ENGLISH = "en"
CHOICES = (SYSTEM, FRENCH, ENGLISH)
SOURCE_LANGUAGE = FRENCH

_LOCALES = {
    FRENCH: (QLocale.Language.French, QLocale.Country.France),
    ENGLISH: (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}
_installed: list[QTranslator] = []  # kept referenced: Qt does not own them


def resolve(choice: str | None, system: QLocale | None = None) -> str:
    """The language to show for a preference: "fr" or "en" ("system" follows the locale)."""
    if choice in (FRENCH, ENGLISH):
        return choice
    locale = system if system is not None else QLocale.system()
    return FRENCH if locale.language() == QLocale.Language.French else ENGLISH


def stored_choice(store: LocalStore) -> str:
    """The preference as stored ("system" when unset or unknown)."""
    value = store.get_preference(PREFERENCE)
    return value if value in CHOICES else SYSTEM


def save_choice(store: LocalStore, choice: str) -> None:
    if choice not in CHOICES:
        raise ValueError(f"unknown language choice {choice!r}")
    store.set_preference(PREFERENCE, None if choice == SYSTEM else choice)


def language_for(data_dir: Path, system: QLocale | None = None) -> str:
    """The language of a run using `data_dir` (its store's preference, else the system)."""
    path = data_dir / FILE_NAME
    if not path.exists():
        return resolve(SYSTEM, system)
    store = LocalStore(path)
    try:
        return resolve(stored_choice(store), system)
    finally:
        store.close()


def translation_file(language: str) -> Path:
    """Where the compiled translation of `language` is (it may not be built)."""
    return resource_path("translations", f"amphi_{language}.qm")


def qt_complement_file(language: str) -> Path:
    """Our complement to Qt's own translation of `language` (strings qtbase misses)."""
    return resource_path("translations", f"qtbase_complement_{language}.qm")


def locale_of(language: str) -> QLocale:
    lang, country = _LOCALES.get(language, _LOCALES[SOURCE_LANGUAGE])
    return QLocale(lang, country)


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Make `language` the language of the interface; the translators installed.

    Replaces the translators a previous call installed, and sets the default QLocale
    (dates, numbers). Widgets built afterwards use the new language; those already
    built keep their text. French needs no translation of our strings (it is the
    source language) but Qt's own strings need qtbase_fr.
    """
    while _installed:
        app.removeTranslator(_installed.pop())
    locale = locale_of(language)
    QLocale.setDefault(locale)
    loaded: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en":
        qt = QTranslator(app)
        if qt.load(locale, "qtbase", "_", qt_dir):
            loaded.append(qt)
        # What Qt's own catalogue leaves in English (« &Look in: », « Files of &type: »):
        # installed after it, so it is asked first.
        complement = QTranslator(app)
        if complement.load(str(qt_complement_file(language))):
            loaded.append(complement)
    if language != SOURCE_LANGUAGE:
        ours = QTranslator(app)
        if ours.load(str(translation_file(language))):
            loaded.append(ours)
    for translator in loaded:
        app.installTranslator(translator)
    _installed.extend(loaded)
    return loaded


def current_language() -> str:
    """The language the interface is in now ("fr" or "en")."""
    return ENGLISH if QLocale().language() == QLocale.Language.English else FRENCH


# Numbers as the interface's language writes them: "1 200" and "12,5" in French, "1,200"
# and "12.5" in English (through QLocale: Python's `format` knows one convention only, and
# left French separators in the English interface).

def integer(value: int) -> str:
    """A count with thousands grouped (a narrow no-break space in French)."""
    return locale_of(current_language()).toString(value)


def decimal(value: float, digits: int = 1) -> str:
    """A figure with ``digits`` decimals and the language's decimal mark."""
    return locale_of(current_language()).toString(float(value), "f", digits)
