"""Languages: Dutch is the source language; English comes from ``vlnl_desktop_en.qm``.

``Translations`` installs qtbase's translator (Qt's own dialogs and widgets, from Qt's translations
folder, ``QLibraryInfo``'s TranslationsPath) and ours, and switches at run time: Qt then sends a
LanguageChange event to every widget, whose ``changeEvent`` calls its ``retranslate_ui()``. Dutch,
the source language, still has two files of ours: ``vlnl_desktop_nl.qm``, the plural forms of the
messages with %n ("1 pagina", "2 pagina's"), and ``qtbase_missing_nl.qm``, the strings of Qt's own
dialogs that Qt's Dutch translation lacks.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from vlnl_desktop.core.locations import resources_dir

LANGUAGES = ("nl", "en")
SOURCE_LANGUAGE = "nl"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def system_language(ui_languages: list[str] | None = None) -> str:
    """The first of the system's UI languages we have: nl or en; Dutch for any other (Dutch
    first: the archive is Dutch, and a bare "C" locale says nothing about the user)."""
    if ui_languages is None:
        ui_languages = QLocale.system().uiLanguages()
    for name in ui_languages:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


class Translations:
    """The translators installed in the application, for one language at a time."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = SOURCE_LANGUAGE

    def install(self, language: str | None) -> str:
        """Install ``language`` (None: the system's); returns the language now in use."""
        language = language if language in LANGUAGES else system_language()
        for translator in self._installed:
            self._app.removeTranslator(translator)  # sends LanguageChange
        self._installed = []
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ours = str(translations_dir())
        # later ones are asked first: ours before Qt's
        wanted = [
            (f"qtbase_{language}", qt_dir),
            (f"qtbase_missing_{language}", ours),
            (f"vlnl_desktop_{language}", ours),
        ]
        for name, folder in wanted:
            translator = QTranslator(self._app)
            if translator.load(name, folder):
                self._app.installTranslator(translator)  # sends LanguageChange
                self._installed.append(translator)
        self.language = language
        QLocale.setDefault(QLocale(language))
        return language
