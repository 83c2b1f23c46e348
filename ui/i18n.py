"""UI text through Qt's translation system: Chinese is the source language, English is shipped.

Write every user-visible string as `tr("中文")` (placeholders via .format after tr, never an
f-string inside it) so `pyside6-lupdate` finds it; `scripts/update-translations.sh` refreshes
resources/translations/fulian_en.ts and compiles the .qm the program loads.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = {"zh": "中文", "en": "English"}
QT_CATALOGUES = {"zh": "qtbase_zh_CN", "en": "qtbase_en"}  # Qt's own words: 是/否, 取消, 复制 in its dialogs
_installed: list[QTranslator] = []
_language = ["zh"]   # the language installed last (one element: set by install(), read by language())


def tr(text: str) -> str:
    # The empty context is the one pyside6-lupdate gives a bare tr("…") call.
    return QCoreApplication.translate("", text)


def tr_as(text: str, role: str) -> str:
    """`text` in a given role, for words whose English differs by use (受理: the step "Accept" and the
    status "Accepted"). The key "text〔role〕" is marked in ui/domain_labels.py; untranslated, `text` itself."""
    key = f"{text}〔{role}〕"
    translated = QCoreApplication.translate("", key)
    return text if translated == key else translated


def status_text(label: str) -> str:
    """A case status label (CaseStatus.label) for display."""
    return tr_as(label, "案件状态")


def language() -> str:
    """The language the screens speak now ("zh" or "en"): for texts that come as data in both languages
    (the danger assessment's reviewed questions) rather than through tr()."""
    return _language[0]


def chosen_language(explicit: str | None = None) -> str:
    if explicit in LANGUAGES:
        return explicit
    saved = QSettings().value("ui/language")
    return saved if saved in LANGUAGES else "zh"


def remember_language(lang: str) -> None:
    QSettings().setValue("ui/language", lang)


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def _install_qt_catalogue(app: QCoreApplication, lang: str) -> None:
    """Qt's own strings (the buttons of QMessageBox, the context menu of a text field …) in `lang`; without
    it a Chinese screen shows "Yes/No". Qt's source language is English, so a missing qtbase_en is harmless."""
    translator = QTranslator(app)
    if translator.load(QT_CATALOGUES[lang], qt_translations_dir()):
        app.installTranslator(translator)
        _installed.append(translator)


def install(lang: str) -> bool:
    """Load the translation for `lang` (our own texts need none in Chinese; Qt's own do). Returns whether it
    took effect."""
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _install_qt_catalogue(app, lang)
    _language[0] = "zh"
    if lang == "zh":
        QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
        return True
    translator = QTranslator(app)
    if not translator.load(str(TRANSLATIONS / f"fulian_{lang}.qm")):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    _language[0] = lang
    QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedKingdom))
    return True
