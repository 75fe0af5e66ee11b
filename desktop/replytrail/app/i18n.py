"""Qt translations for the whole program: the UI's ``tr()`` and the core's marked texts."""

from __future__ import annotations

import locale
import os
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from replytrail.core import i18n
from replytrail.core.paths import resources_dir

__all__ = ["choose_language", "install_cli_translator", "install_translators"]

_installed: list[QTranslator] = []
_cli_app: QCoreApplication | None = None


def choose_language(setting: str) -> str:
    """'en' or 'de': the setting when set, else the system locale."""
    if setting in ("en", "de"):
        return setting
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "de" if value.lower().startswith("de") else "en"
    loc = locale.getlocale()[0] or QLocale.system().name()
    return "de" if loc.lower().startswith("de") else "en"


def install_translators(language: str) -> str:
    """Load Replytrail's and Qt's own .qm files for *language*; route core texts through Qt."""
    for t in _installed:
        QCoreApplication.removeTranslator(t)
    _installed.clear()
    mine = QTranslator()  # English too: its .qm holds the plural forms of %n messages
    if mine.load(f"replytrail_{language}", str(resources_dir() / "translations")):
        QCoreApplication.installTranslator(mine)
        _installed.append(mine)
    if language != "en":
        qt = QTranslator()
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", qt_dir):
            QCoreApplication.installTranslator(qt)
            _installed.append(qt)
    i18n.install(QCoreApplication.translate)
    # dates, numbers and day names follow the UI language too ("Di. 24. Nov.", "1,5 MB")
    system = QLocale.system()
    if language == "de":
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    elif system.language() == QLocale.Language.English:
        QLocale.setDefault(system)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return language


def install_cli_translator(ctx: Any) -> None:
    """The command line speaks the UI language too (setting, else the system locale)."""
    try:
        setting = ctx.settings.values().general.language
    except Exception:  # a broken settings file is reported by the command itself
        setting = ""
    lang = choose_language(setting)
    if lang != "en":
        # translators need an application object; the CLI needs no more than QtCore's
        global _cli_app  # kept alive for the process, like a QApplication
        _cli_app = QCoreApplication.instance() or QCoreApplication(["replytrail"])
        install_translators(lang)
