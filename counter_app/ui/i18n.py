"""The screens' language: Qt Linguist translators installed on the application (decision 0033).

Vietnamese is the source language: every text on screen is written in Vietnamese in the code and
wrapped with `tr(...)` (or marked with `QT_TR_NOOP(...)` where it is a module constant, then
`tr(CONSTANT)` where it is shown). All of the screens' texts share one context, the empty one, which
is what pyside6-lupdate gives a bare `tr(...)` call: the call is the same short form in every module
and `scripts/i18n.py update` finds them all. A formatted text translates its template first:
`tr("Đã lưu {code}.").format(code=code)`.

The language is chosen by `counter-app --lang en|vi`, else by the counter's setting `ui.language`,
else Vietnamese. For a language other than Vietnamese every `resources/translations/*_<lang>.qm` is
loaded (the screens' `app_<lang>`, the lower layers' `messages_<lang>`, Qt's own dialogs where Qt
ships none) and Qt's own `qtbase_<lang>.qm` from PySide6 when it exists.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from counter_app.assets import get_asset

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
LANGUAGE_SETTING = "ui.language"  # the counter's setting (services/settings.py DEFAULTS)
TRANSLATIONS_FOLDER = "translations"
_CONTEXT = ""  # pyside6-lupdate's context of a bare tr() call

_installed: list[QTranslator] = []  # kept alive: Qt holds only a pointer
_language = [DEFAULT_LANGUAGE]


def tr(text: str, disambiguation: str | None = None) -> str:
    """`text` (Vietnamese, the source) in the current language."""
    return QCoreApplication.translate(_CONTEXT, text, disambiguation)


def QT_TR_NOOP(text: str) -> str:
    """Marks a module constant for translation; `tr(constant)` translates it where it is shown."""
    return text


def choose_language(command_line: str | None, setting: str | None) -> str:
    """The command line wins, then the counter's setting, then Vietnamese."""
    for choice in (command_line, setting):
        if choice in LANGUAGES:
            return str(choice)
    return DEFAULT_LANGUAGE


def translation_files(language: str) -> list[Path]:
    """The .qm files a language loads in the order they are installed. Qt asks the translator
    installed last first, so Qt's own file goes first and the counter's files win over it; a
    `qtbase_<lang>.qm` the counter ships replaces Qt's of the same name."""
    folder = get_asset(TRANSLATIONS_FOLDER)
    own = sorted(folder.glob(f"*_{language}.qm")) if folder.is_dir() else []
    qt_own = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qtbase = qt_own / f"qtbase_{language}.qm"
    if qtbase.exists() and not any(f.name == qtbase.name for f in own):
        return [qtbase, *own]
    return own


def install_language(app: QCoreApplication, language: str) -> list[Path]:
    """Replace the translators on `app` with `language`'s; returns the files loaded.

    Vietnamese loads nothing of the screens' own (it is the source) but still loads Qt's own
    dialogs' Vietnamese, shipped in resources/translations."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _language[0] = language
    loaded = []
    for path in translation_files(language):
        if language == DEFAULT_LANGUAGE and path.name.startswith("app_"):
            continue
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(path)
    return loaded


def current_language() -> str:
    """The language last installed (Vietnamese before any)."""
    return _language[0]
