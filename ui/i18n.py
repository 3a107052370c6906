"""The interface language: Simplified Chinese by default, English through Qt's .qm files.

Source strings in the code are Chinese (the people at the counter read
Chinese); ``resources/translations/haian_desk_en.ts`` carries the English.
Qt's own buttons and dialogs (确定/取消) come from Qt's ``qtbase_zh_CN.qm``,
which ships inside the PySide6 package.

The .qm files are build output: ``make translations`` (run by ``make setup``,
so by ``make run`` and ``make test``) compiles them with ``python -m ui.i18n``;
``python -m ui.i18n --update`` first refreshes the .ts files from every tr()
string under ``ui/``.
"""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from haian_desk.paths import resource_path

log = logging.getLogger(__name__)

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
_LOCALES = {"zh_CN": QLocale(QLocale.Chinese, QLocale.China),
            "en": QLocale(QLocale.English, QLocale.UnitedKingdom)}
_installed: list[QTranslator] = []  # kept alive here: Qt does not own installed translators
_current = [DEFAULT_LANGUAGE]


def translations_dir() -> Path:
    return resource_path("translations")


def ts_path(language: str) -> Path:
    return translations_dir() / f"haian_desk_{language}.ts"


def qm_path(language: str) -> Path:
    return translations_dir() / f"haian_desk_{language}.qm"


def current_language() -> str:
    return _current[0]


def install_language(language: str | None) -> str:
    """Make ``language`` the interface language; returns the one actually in use."""
    app = QCoreApplication.instance()
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    for path in _translation_files(language):
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation %s missing or unreadable (run: make translations)", path)
    QLocale.setDefault(_LOCALES[language])
    _current[0] = language
    return language


def _translation_files(language: str) -> list[Path]:
    files = [qm_path(language)]
    if language == "zh_CN":
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        files.insert(0, qt_dir / "qtbase_zh_CN.qm")
    return files


def term(text: str) -> str:
    """A word that comes from the domain (a status, a kind, a role) in the interface language."""
    return QCoreApplication.translate("Vocabulary", text) if text else text


# --- building the .ts/.qm files (developer and build commands) ---------------------------

def _tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to this Python (the project's venv)."""
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def source_files() -> list[Path]:
    ui_root = Path(__file__).resolve().parent
    return sorted(p for p in ui_root.rglob("*.py") if "__pycache__" not in p.parts)


def update_sources() -> None:
    """Refresh the .ts files from every tr() string under ui/ (keeps existing translations)."""
    root = Path(__file__).resolve().parent.parent
    files = [str(p.relative_to(root)) for p in source_files()]
    for language in LANGUAGES:
        subprocess.run([_tool("pyside6-lupdate"), *files, "-no-obsolete", "-locations", "none",
                        "-source-language", "zh_CN", "-target-language", language,
                        "-ts", str(ts_path(language).relative_to(root))],
                       check=True, cwd=root)


def compile_translations() -> list[Path]:
    """Compile every .ts into its .qm; returns the .qm files written."""
    written = []
    for language in LANGUAGES:
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts_path(language)),
                        "-qm", str(qm_path(language))], check=True)
        written.append(qm_path(language))
    return written


def qm_out_of_date() -> bool:
    return any(not qm_path(lang).exists()
               or qm_path(lang).stat().st_mtime < ts_path(lang).stat().st_mtime
               for lang in LANGUAGES)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the interface translations")
    parser.add_argument("--update", action="store_true",
                        help="first collect tr() strings from ui/ into the .ts files")
    args = parser.parse_args(argv)
    if args.update:
        update_sources()
    for path in compile_translations():
        print(f"built {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
