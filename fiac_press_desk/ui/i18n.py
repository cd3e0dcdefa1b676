"""Which language the window speaks, and switching it while the window is open.

Source strings are English; French comes from every compiled area catalogue
``resources/translations/fiac_press_desk_<lang>_*.qm`` plus Qt's own ``qtbase_<lang>.qm`` (the
standard buttons: "Annuler", "Oui"...). Installing or removing a translator makes Qt send
``QEvent.LanguageChange`` to every widget, which is how open windows follow a switch.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from fiac_press_desk.config import resources_dir
from fiac_press_desk.domain import messages

SOURCE_LANGUAGE = "en"
_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE


def catalogues(lang: str) -> list[str]:
    """Paths of the application's compiled catalogues for ``lang``, one per area."""
    folder = resources_dir() / "translations"
    return sorted(str(p) for p in folder.glob(f"fiac_press_desk_{lang}_*.qm"))


def install(lang: str) -> str:
    """Make ``lang`` ("fr" or "en") the language of the window and of service messages.

    Returns the language actually installed. Safe to call again to switch.
    """
    global _current
    app = QCoreApplication.instance()
    lang = "en" if lang.startswith("en") else "fr"
    for translator in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(translator)
    _installed.clear()
    messages.set_language(lang)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.French if lang == "fr" else QLocale.Language.English,
            QLocale.Country.France if lang == "fr" else QLocale.Country.UnitedKingdom,
        )
    )
    _current = lang
    if lang == SOURCE_LANGUAGE or app is None:
        return lang
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{lang}", qt_dir):
        _installed.append(qt_base)
    for path in catalogues(lang):
        translator = QTranslator(app)
        if translator.load(path):
            _installed.append(translator)
    for translator in _installed:
        QCoreApplication.installTranslator(translator)
    return lang


def current() -> str:
    return _current


def plural(n: int, one: str, many: str) -> str:
    """Pick the singular or plural of an already translated ``%1`` text and fill in ``n``.

    French treats 0 and 1 as singular ("0 contact"), English only 1 ("0 contacts"); Qt's own
    ``%n`` forms would need an English catalogue to get this right, this does not.
    """
    singular = n <= 1 if _current == "fr" else n == 1
    return (one if singular else many).replace("%1", format_number(n))


def format_number(n: int) -> str:
    """Thousands grouped the way the reader expects ("100 000" in French, "100,000" in English)."""
    return QLocale().toString(n)
