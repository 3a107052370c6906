"""The kind of service as three large, clearly labelled buttons with Alt+1/2/3."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from haian_desk.cases.vocabulary import KINDS
from ui.i18n import QT_TRANSLATE_NOOP, term
from ui.widgets.appearance import scaled_font

# What each kind means, in the words a villager would use.
HINTS = {
    "opinion": QT_TRANSLATE_NOOP("KindChoice", "意见建议，代为反映"),
    "errand": QT_TRANSLATE_NOOP("KindChoice", "证照申请，代为办理"),
    "claim": QT_TRANSLATE_NOOP("KindChoice", "合法诉求，授权代理"),
}
SHORTCUTS = {"opinion": "Alt+1", "errand": "Alt+2", "claim": "Alt+3"}
BUTTON_STYLE = (
    "QPushButton { border: 1px solid #8a8a8a; border-radius: 6px; background: #fafafa; }"
    "QPushButton:focus { border: 3px solid #e08a00; }"
    "QPushButton:checked { background: #1d5fbf; border: 2px solid #0b3a7e; }"
)


class KindButton(QPushButton):
    """A button sized by the labels inside it, so wrapped text (English, large print) fits."""

    def sizeHint(self) -> QSize:
        return self._labels().totalSizeHint()

    def minimumSizeHint(self) -> QSize:
        return self._labels().totalMinimumSize()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._labels().totalHeightForWidth(width)

    def _labels(self) -> QLayout:
        layout = self.layout()
        assert layout is not None  # made with its labels' layout
        return layout


class KindChoice(QWidget):
    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for kind, word in KINDS.items():
            button = self._button(kind, word)
            self.group.addButton(button)
            self.buttons[kind] = button
            layout.addWidget(button)
        self.setFocusProxy(self.buttons["opinion"])

    def _button(self, kind: str, word: str) -> QPushButton:
        hint = QCoreApplication.translate("KindChoice", HINTS[kind])
        button = KindButton()
        button.setObjectName(f"kind_{kind}")
        button.setAccessibleName(term(word))
        button.setCheckable(True)
        button.setAutoDefault(False)
        # The keys themselves are page-wide shortcuts (see IntakePage): a button's own
        # shortcut clicks only after its press animation, and focus must move at once.
        button.setToolTip(self.tr("{0}：{1}（快捷键 {2}）").format(term(word), hint, SHORTCUTS[kind]))
        button.setStyleSheet(BUTTON_STYLE)
        # The name big, what it means and its key small: labels inside the button wrap,
        # so the three buttons fit side by side in large print too.
        title = QLabel(term(word))
        title.setFont(scaled_font(1.35, bold=True))
        detail = QLabel(f"{hint}\n{SHORTCUTS[kind]}")
        detail.setWordWrap(True)
        column = QVBoxLayout(button)
        for label in (title, detail):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            column.addWidget(label)

        # Style sheets cannot colour a child by its parent's state: do it on toggle.
        def recolour(on: bool) -> None:
            for label in (title, detail):
                label.setStyleSheet("color: white;" if on else "")

        button.toggled.connect(recolour)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        button.setSizePolicy(policy)
        button.clicked.connect(lambda _=False, k=kind: self.chosen.emit(k))
        return button

    def kind(self) -> str:
        return next((k for k, b in self.buttons.items() if b.isChecked()), "")

    def set_kind(self, kind: str) -> None:
        if kind in self.buttons:
            self.buttons[kind].setChecked(True)
            return
        self.group.setExclusive(False)
        for button in self.buttons.values():
            button.setChecked(False)
        self.group.setExclusive(True)

    def focus_current(self) -> None:
        self.buttons[self.kind() or "opinion"].setFocus(Qt.FocusReason.OtherFocusReason)
