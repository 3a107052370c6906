"""Language and large print (长辈模式): saved for this PC, applied by rebuilding the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui import i18n
from ui.settings import preferences
from ui.settings.preferences import Preferences


class InterfaceTab(QWidget):
    preferencesChanged = Signal(object)

    def __init__(self, folder: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.folder = folder
        saved = preferences.load(folder)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)  # each language in its own words
        self.language.setCurrentIndex(list(i18n.LANGUAGES).index(i18n.current_language()))
        self.large_print = QCheckBox(self.tr("长辈模式：所有文字都放大(&L)"))
        self.large_print.setObjectName("large_print")
        self.large_print.setChecked(saved.large_print)
        explanation = QLabel(
            self.tr("长辈模式适合视力不好的同志。更改后按“应用”，窗口会按新设置重新打开，已填写的内容不会丢失。")
        )
        explanation.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("应用(&A)"))
        self.apply_button.setObjectName("apply_preferences")
        self.apply_button.clicked.connect(self.apply)
        form = QFormLayout()
        form.addRow(self.tr("界面语言(&Y)"), self.language)
        form.addRow("", self.large_print)
        self.setMaximumWidth(900)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explanation)
        layout.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def chosen(self) -> Preferences:
        return Preferences(language=self.language.currentData(), large_print=self.large_print.isChecked())

    def apply(self) -> None:
        prefs = self.chosen()
        if self.folder is not None:
            preferences.save(self.folder, prefs)
        self.preferencesChanged.emit(prefs)
