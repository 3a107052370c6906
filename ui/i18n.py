"""The interface language: Simplified Chinese by default, English through Qt's .qm files.

Source strings in the code are Chinese (the people at the counter read
Chinese); ``resources/translations/haian_desk_en.ts`` carries the English.
Qt's own buttons and dialogs (确定/取消) come from Qt's ``qtbase_zh_CN.qm``,
which ships inside the PySide6 package.

The .qm files are build output: ``make translations`` (run by ``make setup``,
so by ``make run`` and ``make test``) compiles them with ``python -m ui.i18n``;
``python -m ui.i18n --update`` first refreshes the .ts files from every tr()
string under ``ui/``, the domain's messages (``ui/i18n_domain.py``) and the command
line's words (``ui/i18n_cli.py``, context ``CLI``).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from haian_desk.core import messages
from haian_desk.core.errors import LIST_SEPARATOR
from haian_desk.core.paths import resource_path

if TYPE_CHECKING:

    def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # Qt's name: lupdate looks for it
        """What it returns at run time: ``source`` (PySide6's stub says ``object``)."""
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP  # modules import it from here, typed

log = logging.getLogger(__name__)

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
_LOCALES = {
    "zh_CN": QLocale(QLocale.Language.Chinese, QLocale.Country.China),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}
# Qt 6 renamed two labels of its own file dialog; qtbase_zh_CN.qm still has only the old
# wording, so they showed in English. Our zh_CN file (installed after Qt's) supplies them.
QT_FILE_DIALOG_LABELS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
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
    assert app is not None, "install_language needs the application made first"
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
    # Lines the domain composes without Qt (a sync report, a recovery's summary) follow too.
    messages.set_language(language)
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


def domain_terms() -> list[str]:
    """Every fixed word the domain shows people (kinds, statuses, roles, tags …), once each."""
    from haian_desk import network
    from haian_desk.cases import catalogue, vocabulary as v
    from haian_desk.people import users, villagers

    tables: list[dict] = [
        v.KINDS,
        v.STATUSES,
        v.CHANNELS,
        v.URGENCIES,
        v.TIMINGS,
        v.TRANSFER_LEVELS,
        v.RESULTS,
        v.REPLY_METHODS,
        v.RATINGS,
        v.EVENT_TYPES,
        users.ROLES,
        network.ROLES,
        network.LEVEL_NAMES,
        villagers.TAGS,
    ]
    words = [w for table in tables for w in table.values()]
    words += [*catalogue.LEVELS, *catalogue.MODES, "男", "女", "小时", "天", "个工作日"]
    from haian_desk.documents import CASE_DOCUMENTS

    words += [kind.title for kind in CASE_DOCUMENTS.values()]
    words += _more_terms()
    return list(dict.fromkeys(words))


def action_words() -> list[str]:
    """The case actions' names: in Chinese the event's name, in English a verb."""
    from haian_desk.cases import vocabulary as v

    return list(dict.fromkeys(v.EVENT_TYPES.values()))


def action(text: str) -> str:
    """An action's name on its button or dialog (the history says ``term`` of the same word)."""
    return QCoreApplication.translate("Action", text) if text else text


def _more_terms() -> list[str]:
    """Words of the later screens: cadre roles, assessment columns, opinion topics, complaints."""
    from haian_desk.assessment import fields
    from haian_desk.community import complaints, opinions, support
    from haian_desk.people import cadres

    tables = [
        cadres.ROLES,
        fields.LEVELS,
        complaints.CHANNELS,
        complaints.STATUSES,
        complaints.RESULTS,
        support.VISIT_METHODS,
    ]
    words = [w for table in tables for w in table.values()]
    words += [f.header for f in fields.FIELDS] + [*opinions.TOPICS, opinions.OTHER_TOPIC]
    words += _calendar_terms()
    return words


def _calendar_terms() -> list[str]:
    from haian_desk.calendar import model, shipped
    from haian_desk.cases.deadlines import GENERAL_RULES

    return [
        *GENERAL_RULES.values(),
        *model.KINDS.values(),
        "工作日",
        "周末",
        shipped.SHIPPED_SOURCE,
        "尚未公布，暂只按周末计算",
    ]


TERMS_MODULE = Path(__file__).resolve().parent / "i18n_terms.py"


def write_terms_module() -> None:
    """Write ui/i18n_terms.py: the domain's words as literals lupdate can collect."""
    lines = [
        '"""Generated by `python -m ui.i18n --update`: the domain\'s words, for lupdate."""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "TERMS = (",
    ]
    lines += [f'    QT_TRANSLATE_NOOP("Vocabulary", "{word}"),' for word in domain_terms()]
    lines += [
        ")",
        "",
        "# The same words on an action's button: a verb in English (Complete, not Completed).",
        "ACTIONS = (",
    ]
    lines += [f'    QT_TRANSLATE_NOOP("Action", "{word}"),' for word in action_words()]
    lines += [")", ""]
    TERMS_MODULE.write_text("\n".join(lines), encoding="utf-8")


DOMAIN_MODULE = Path(__file__).resolve().parent / "i18n_domain.py"


def domain_templates() -> list[str]:
    """Every message template of the domain's errors (tools/domain_messages.py collects them)."""
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "tools"))
    try:
        import domain_messages
    finally:
        sys.path.remove(str(root / "tools"))
    return domain_messages.templates()


def _py_literal(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def write_domain_module() -> None:
    """Write ui/i18n_domain.py: the domain's message templates as literals lupdate can collect."""
    lines = [
        '"""Generated by `python -m ui.i18n --update`: the domain\'s messages, for lupdate."""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "MESSAGES = (",
    ]
    lines += [f'    QT_TRANSLATE_NOOP("domain", {_py_literal(t)}),' for t in [LIST_SEPARATOR, *domain_templates()]]
    lines += [")", ""]
    DOMAIN_MODULE.write_text("\n".join(lines), encoding="utf-8")


CLI_MODULE = Path(__file__).resolve().parent / "i18n_cli.py"


def cli_templates() -> list[str]:
    """Every help text and printed line of the command line (tools/cli_messages.py collects them)."""
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "tools"))
    try:
        cli_messages = importlib.import_module("cli_messages")  # from tools/, not a package mypy sees
    finally:
        sys.path.remove(str(root / "tools"))
    return cli_messages.templates()


def write_cli_module() -> None:
    """Write ui/i18n_cli.py: the command line's words (context CLI) as literals lupdate can collect.
    The CLI reads their translations from the .qm without Qt (haian_desk.core.messages.cli_tr)."""
    lines = [
        '"""Generated by `python -m ui.i18n --update`: the command line\'s words, for lupdate."""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "MESSAGES = (",
    ]
    lines += [f'    QT_TRANSLATE_NOOP("CLI", {_py_literal(t)}),' for t in cli_templates()]
    lines += [")", ""]
    CLI_MODULE.write_text("\n".join(lines), encoding="utf-8")


def source_files() -> list[Path]:
    ui_root = Path(__file__).resolve().parent
    return sorted(p for p in ui_root.rglob("*.py") if "__pycache__" not in p.parts)


def update_sources() -> None:
    """Refresh the .ts files from every tr() string under ui/ (keeps existing translations)."""
    root = Path(__file__).resolve().parent.parent
    write_terms_module()
    write_domain_module()
    write_cli_module()
    files = [str(p.relative_to(root)) for p in source_files()]
    for language in LANGUAGES:
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                *files,
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "zh_CN",
                "-target-language",
                language,
                "-ts",
                str(ts_path(language).relative_to(root)),
            ],
            check=True,
            cwd=root,
        )
    _translate_as_source(ts_path(DEFAULT_LANGUAGE))


def _translate_as_source(ts: Path) -> None:
    """The sources are Chinese: the zh_CN file translates each string as itself."""
    unfinished = re.compile(
        r"(<source>([^<]*)</source>\s*)"
        r"<translation type=\"unfinished\"[^>]*?(?:/>|>[^<]*</translation>)"
    )
    text = ts.read_text(encoding="utf-8")
    text = unfinished.sub(lambda m: f"{m.group(1)}<translation>{m.group(2)}</translation>", text)
    ts.write_text(text, encoding="utf-8")


def compile_translations() -> list[Path]:
    """Compile every .ts into its .qm; returns the .qm files written."""
    written = []
    for language in LANGUAGES:
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(ts_path(language)), "-qm", str(qm_path(language))], check=True
        )
        written.append(qm_path(language))
    return written


def qm_out_of_date() -> bool:
    return any(
        not qm_path(lang).exists() or qm_path(lang).stat().st_mtime < ts_path(lang).stat().st_mtime
        for lang in LANGUAGES
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the interface translations")
    parser.add_argument("--update", action="store_true", help="first collect tr() strings from ui/ into the .ts files")
    args = parser.parse_args(argv)
    if args.update:
        update_sources()
    for path in compile_translations():
        print(f"built {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
