"""Chinese by default with Qt's own buttons in Chinese; English through the .qm files."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from haian_desk.people import users
from tests.ui.helpers import wait_idle
from ui import i18n, i18n_terms
from ui.app import App
from ui.main_window import MainWindow
from ui.settings.preferences import Preferences


def test_qt_own_buttons_speak_chinese(qtbot):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "确定"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_english_mode_shows_english(qtbot, demo_session, restore_appearance):
    i18n.install_language("en")
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    wait_idle(qtbot, demo_session)
    assert window.windowTitle().startswith("Haian Desk")
    labels = [window.nav.item(i).text().split("\n")[0] for i in range(window.nav.count())]
    assert labels[:3] == ["Intake", "Cases", "Villagers"]
    assert {"Cadres", "Catalogue", "Paired support", "Assessment", "Settings"} <= set(labels)
    assert all(label.isascii() for label in labels)  # screens added later are translated too
    assert window.user_label.whole_text() == "Logged in: admin (Administrator)"
    assert window.deadline_counts.overdue.text().endswith("overdue")
    window.show_screen("villagers")
    wait_idle(qtbot, demo_session)
    page = window.pages["villagers"]
    assert page.add_button.text() == "&New villager"
    assert page.found.text().endswith("villagers found")


def test_changing_language_rebuilds_the_window_in_that_language(qtbot, desk, restore_appearance):
    app = App(desk.folder)
    app.desk = desk
    app._open_session(users.get(desk, "admin"))
    first = app.window
    first.show_screen("settings")
    normal_size = first.nav.font().pointSizeF()
    with qtbot.waitSignal(first.destroyed):  # the old window goes away
        app.change_preferences(Preferences(language="en", large_print=True))
    window = app.window
    qtbot.addWidget(window)
    assert window.current_key() == "settings"  # back where the user was
    assert window.windowTitle().startswith("Haian Desk")
    assert window.nav.font().pointSizeF() > normal_size
    assert window.pages["settings"].interface.language.currentData() == "en"
    wait_idle(qtbot, app.session)
    app.worker.shutdown()


def test_domain_words_are_collected_for_translation():
    assert list(i18n_terms.TERMS) == i18n.domain_terms()


def _messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → translation, or None while unfinished."""
    text = ts.read_text(encoding="utf-8")
    found = {}
    for context in re.findall(r"<context>(.*?)</context>", text, flags=re.S):
        name = re.search(r"<name>(.*?)</name>", context).group(1)
        for source, translation in re.findall(
            r"<source>(.*?)</source>.*?(<translation.*?(?:/>|</translation>))", context, flags=re.S
        ):
            done = not re.search(r'type="(unfinished|vanished|obsolete)"', translation)
            found[(name, source)] = translation if done else None
    return found


def test_every_interface_string_has_an_english_translation(tmp_path):
    """lupdate over ui/ now must find nothing the committed en .ts lacks or leaves untranslated."""
    root = Path(i18n.__file__).resolve().parent.parent
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            str(Path(sys.executable).parent / "pyside6-lupdate"),
            *[str(p) for p in i18n.source_files()],
            "-locations",
            "none",
            "-ts",
            str(fresh),
        ],
        check=True,
        cwd=root,
        capture_output=True,
    )
    committed = _messages(i18n.ts_path("en"))
    needed = set(_messages(fresh))
    missing = sorted(needed - set(committed))
    untranslated = sorted(key for key in needed if committed.get(key) is None)
    assert not missing, f"run `make translations-update` and translate: {missing}"
    assert not untranslated, f"translate in haian_desk_en.ts: {untranslated}"


def test_qt_file_dialog_speaks_chinese(qtbot, restore_appearance):
    """Qt 6 renamed two of its labels and qtbase_zh_CN lacks them: our catalogue supplies them."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    i18n.install_language("zh_CN")
    dialog = QFileDialog(None, "选择文件")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts
    assert not any(text.isascii() and text for text in texts)


def _translated(ts: Path) -> set[tuple[str, str]]:
    import xml.etree.ElementTree as ET

    found = set()
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete"):
                found.add((name, message.findtext("source")))
    return found


def _literal_tr_calls(tree) -> list[tuple[str, int, str]]:
    """(class, line, text) of every ``self.tr("…")`` with a literal text, wherever it is written."""
    import ast

    calls = []
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        for node in ast.walk(cls):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "tr"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "self"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                calls.append((cls.name, node.lineno, node.args[0].value))
    return calls


def test_every_tr_call_in_the_code_is_in_the_catalogue_translated():
    """lupdate does not look inside f-strings: a ``self.tr`` written there never reaches the .ts and
    stays Chinese in English. Every literal ``self.tr`` in ui/ must be translated in its class's context."""
    import ast

    root = Path(__file__).resolve().parents[2]
    known = _translated(i18n.ts_path("en"))
    missing = [
        f"{path.relative_to(root)}:{line} {cls}: {text}"
        for path in sorted((root / "ui").rglob("*.py"))
        for cls, line, text in _literal_tr_calls(ast.parse(path.read_text(encoding="utf-8")))
        if (cls, text) not in known
    ]
    assert missing == []
