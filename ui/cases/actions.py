"""One small dialog per case action; each writes exactly one event through the domain.

The forms are declared in ``FORMS`` (which fields an action asks for, in
order); the rules about those fields live in the domain, which answers with a
ValidationError naming the field (shown under it) or a RuleRefused (shown
above the buttons with what can be done instead). Esc only hides a dialog:
the detail screen keeps it, so what was typed is still there when it is
opened again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from haian_desk.cases import operations
from haian_desk.cases.presentation import CaseView
from haian_desk.cases.vocabulary import EVENT_TYPES, RATINGS, REPLY_METHODS, RESULTS, TRANSFER_LEVELS, label
from haian_desk.core.timeutil import local
from ui.i18n import QT_TRANSLATE_NOOP, action, term
from ui.session import Session
from ui.widgets.feedback import ErrorLabel, alive, explain

CONTEXT = "CaseActions"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class Field:
    key: str  # the payload key (and the domain's ValidationError.field)
    label: str
    kind: str  # text | long | lines | choice | check | date | cadre | missing | brought
    choices: dict = field(default_factory=dict)
    placeholder: str = ""
    pick_first: bool = True  # choice fields: preselect the first choice, or make the clerk pick


def _f(key, text, kind, choices=None, placeholder="", pick_first=True) -> Field:
    return Field(key, text, kind, choices or {}, placeholder, pick_first)


FORMS: dict[str, tuple[Field, ...]] = {
    "accepted": (),
    "declined": (
        _f("reason", QT_TRANSLATE_NOOP("CaseActions", "不予受理的理由"), "long"),
        _f(
            "remedy",
            QT_TRANSLATE_NOOP("CaseActions", "群众可以怎么办（其他途径）"),
            "long",
            placeholder=QT_TRANSLATE_NOOP("CaseActions", "例如：请本人携身份证到镇便民服务中心办理"),
        ),
    ),
    "materials_missing": (
        _f("missing", QT_TRANSLATE_NOOP("CaseActions", "缺少的材料（须一次性全部告知）"), "missing"),
    ),
    "resubmitted": (_f("materials_received", QT_TRANSLATE_NOOP("CaseActions", "群众补交的材料"), "brought"),),
    "authorised": (
        _f("scope", QT_TRANSLATE_NOOP("CaseActions", "委托代理的范围"), "text"),
        _f("signed_on_paper", QT_TRANSLATE_NOOP("CaseActions", "群众已签署书面授权委托书"), "check"),
        _f("date", QT_TRANSLATE_NOOP("CaseActions", "委托日期"), "date"),
    ),
    "signed": (_f("date", QT_TRANSLATE_NOOP("CaseActions", "签字日期"), "date"),),
    "assigned": (_f("cadre_id", QT_TRANSLATE_NOOP("CaseActions", "经办人"), "cadre"),),
    "note": (_f("text", QT_TRANSLATE_NOOP("CaseActions", "备注"), "long"),),
    "transferred": (
        _f("to_level", QT_TRANSLATE_NOOP("CaseActions", "转往"), "choice", TRANSFER_LEVELS),
        _f(
            "to_unit",
            QT_TRANSLATE_NOOP("CaseActions", "接收单位"),
            "text",
            placeholder=QT_TRANSLATE_NOOP("CaseActions", "例如：曲塘镇代理中心、海安市民政局"),
        ),
        _f("reason", QT_TRANSLATE_NOOP("CaseActions", "转办理由"), "long"),
    ),
    "returned": (_f("outcome", QT_TRANSLATE_NOOP("CaseActions", "上级办理情况"), "long"),),
    "joint_handling": (
        _f("units", QT_TRANSLATE_NOOP("CaseActions", "参加会办的单位（每行一个）"), "lines"),
        _f("note", QT_TRANSLATE_NOOP("CaseActions", "会办情况"), "long"),
    ),
    "paused": (
        _f(
            "reason",
            QT_TRANSLATE_NOOP("CaseActions", "暂停计时的理由"),
            "long",
            placeholder=QT_TRANSLATE_NOOP("CaseActions", "例如：鉴定、检测、公示期间依规不计时"),
        ),
    ),
    "resumed": (_f("note", QT_TRANSLATE_NOOP("CaseActions", "说明（可不填）"), "text"),),
    "completed": (
        _f("result", QT_TRANSLATE_NOOP("CaseActions", "办理结果"), "choice", RESULTS),
        _f("note", QT_TRANSLATE_NOOP("CaseActions", "结果说明（未获批准的须写明理由）"), "long"),
    ),
    "replied": (_f("method", QT_TRANSLATE_NOOP("CaseActions", "告知方式"), "choice", REPLY_METHODS),),
    "rated": (
        _f("level", QT_TRANSLATE_NOOP("CaseActions", "群众的评价"), "choice", RATINGS, pick_first=False),
        _f("reason", QT_TRANSLATE_NOOP("CaseActions", "原因（不满意、非常不满意时必填）"), "long"),
    ),
    "return_visit": (_f("note", QT_TRANSLATE_NOOP("CaseActions", "回访情况"), "long"),),
    "rectified": (_f("note", QT_TRANSLATE_NOOP("CaseActions", "整改情况"), "long"),),
    "withdrawn": (_f("reason", QT_TRANSLATE_NOOP("CaseActions", "撤回的原因"), "long"),),
    "reopened": (_f("reason", QT_TRANSLATE_NOOP("CaseActions", "重新办理的原因"), "long"),),
}

EXPLANATIONS: dict[str, str] = {
    "accepted": QT_TRANSLATE_NOOP("CaseActions", "受理后开始计时：一般事项48小时内办结，事项有法定时限的按其时限。"),
    "declined": QT_TRANSLATE_NOOP("CaseActions", "不予受理须告诉群众理由和其他办理途径。"),
    "materials_missing": QT_TRANSLATE_NOOP("CaseActions", "把缺少的材料一次列全：以后不能再追加新的补正要求。"),
    "signed": QT_TRANSLATE_NOOP("CaseActions", "群众在打印的授权委托书上签字后登记；签字后才能受理。"),
    "paused": QT_TRANSLATE_NOOP("CaseActions", "暂停期间不计入办理时限，恢复计时后期限顺延。"),
    "completed": QT_TRANSLATE_NOOP("CaseActions", "办结后请立即告知群众并请其评价。"),
    "rated": QT_TRANSLATE_NOOP("CaseActions", "每件事只评价一次。不满意的，由经办人回访并整改。"),
    "withdrawn": QT_TRANSLATE_NOOP("CaseActions", "撤回后办件结束，不再计时。"),
}


# One fixed key per action, whatever else the case offers at the moment, so a clerk's
# fingers learn them (mostly the pinyin initial: 办结 Jie, 撤回 Che, 转办 Transfer).
# Alt+V (show the full number) belongs to the detail screen and is never used here.
ACTION_KEYS: dict[str, str] = {
    "accepted": "Alt+S",
    "declined": "Alt+Y",
    "materials_missing": "Alt+B",
    "resubmitted": "Alt+K",
    "authorised": "Alt+W",
    "signed": "Alt+Q",
    "assigned": "Alt+Z",
    "note": "Alt+N",
    "transferred": "Alt+T",
    "returned": "Alt+F",
    "joint_handling": "Alt+L",
    "paused": "Alt+P",
    "resumed": "Alt+R",
    "completed": "Alt+J",
    "replied": "Alt+H",
    "rated": "Alt+E",
    "return_visit": "Alt+I",
    "rectified": "Alt+X",
    "withdrawn": "Alt+C",
    "reopened": "Alt+O",
}


# Where the keyboard focus starts on a case: the step that usually comes next.
NEXT_STEPS = (
    "signed",
    "accepted",
    "resubmitted",
    "completed",
    "replied",
    "rated",
    "return_visit",
    "rectified",
    "resumed",
    "returned",
)


def next_step(allowed: list[str]) -> str | None:
    """The action the focus starts on (the same for the same state, every time)."""
    return next((t for t in NEXT_STEPS if t in allowed), allowed[0] if allowed else None)


def action_title(event_type: str) -> str:
    return action(label(EVENT_TYPES, event_type))


def action_button_text(event_type: str) -> str:
    """The button's words with its key, as the intake shows Alt+1/2/3: 办结（Alt+J）."""
    keys = ACTION_KEYS.get(event_type)
    return (
        QCoreApplication.translate("CaseActions", "{0}（{1}）").format(action_title(event_type), keys)
        if keys
        else action_title(event_type)
    )


class ActionDialog(QDialog):
    """The form for one action on one case."""

    acted = Signal(str, dict)  # event type, the case as it now stands

    def __init__(self, session: Session, view: CaseView, event_type: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.case_id = view.case.id
        self.event_type = event_type
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.today = QDate.fromString(f"{local(session.desk.now()):%Y-%m-%d}", "yyyy-MM-dd")
        self.setObjectName(f"action_{event_type}")
        self.setWindowTitle(self.tr("{0} — {1}").format(action_title(event_type), view.case.case_no))
        self._build(view)
        self.setMinimumWidth(460)

    # --- building -----------------------------------------------------------------------

    def _build(self, view: CaseView) -> None:
        layout = QVBoxLayout(self)
        if event_type_text := EXPLANATIONS.get(self.event_type):
            hint = QLabel(_tr(event_type_text))
            hint.setWordWrap(True)
            layout.addWidget(hint)
        for spec in FORMS[self.event_type]:
            self._add_field(layout, spec, view)
        if not FORMS[self.event_type]:
            layout.addWidget(
                QLabel(self.tr("确认对办件 {0} 执行“{1}”？").format(view.case.case_no, action_title(self.event_type)))
            )
        self.general_error = ErrorLabel()
        self.general_error.setObjectName("action_error")
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("确定（Ctrl+Enter）"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消（Esc）"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.submit)

    def _add_field(self, layout: QVBoxLayout, spec: Field, view: CaseView) -> None:
        widget = _make_input(spec, view, self.today)
        widget.setObjectName(f"field_{spec.key}")
        if spec.kind != "check":
            caption = QLabel(_tr(spec.label))
            caption.setBuddy(widget)
            layout.addWidget(caption)
        layout.addWidget(widget)
        error = ErrorLabel()
        error.setObjectName(f"error_{spec.key}")
        layout.addWidget(error)
        self.inputs[spec.key], self.errors[spec.key] = widget, error

    # --- reading and sending ------------------------------------------------------------

    def payload(self) -> dict:
        values = {}
        for spec in FORMS[self.event_type]:
            value = _read_input(spec, self.inputs[spec.key])
            if value not in (None, "", []) or spec.kind == "check":
                values[spec.key] = value
        return values

    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return  # already on its way: one press, one event
        self._clear_errors()
        self.ok_button.setEnabled(False)
        payload, case_id, event_type = self.payload(), self.case_id, self.event_type
        actor = self.session.user.username
        self.session.run(
            lambda desk: operations.act(desk, actor, case_id, event_type, **payload),
            alive(self, self._succeeded),
            alive(self, self._refused),
        )

    def _succeeded(self, state: dict) -> None:
        self.ok_button.setEnabled(True)
        self.accept()
        self.acted.emit(self.event_type, state)

    def _refused(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        where = self.errors.get(getattr(error, "field", "") or "")
        (where or self.general_error).show_error(explain(error))
        target = self.inputs.get(getattr(error, "field", "") or "")
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_errors(self) -> None:
        self.general_error.clear_error()
        for error in self.errors.values():
            error.clear_error()


# --- the inputs, by kind -----------------------------------------------------------------


def _make_input(spec: Field, view: CaseView, today: QDate) -> QWidget:
    if spec.kind in ("text",):
        widget = QLineEdit()
        widget.setPlaceholderText(_tr(spec.placeholder) if spec.placeholder else "")
        return widget
    if spec.kind in ("long", "lines"):
        text = QPlainTextEdit()
        text.setTabChangesFocus(True)
        text.setPlaceholderText(_tr(spec.placeholder) if spec.placeholder else "")
        text.setFixedHeight(text.fontMetrics().lineSpacing() * 4 + 16)
        return text
    if spec.kind == "check":
        return QCheckBox(_tr(spec.label))
    if spec.kind == "date":
        day = QDateEdit(today)
        day.setDisplayFormat("yyyy-MM-dd")
        day.setCalendarPopup(True)
        return day
    if spec.kind == "choice":
        return _choice_box(spec)
    if spec.kind == "cadre":
        return _cadre_box(view)
    if spec.kind in ("missing", "brought"):
        offered = view.missing_choices if spec.kind == "missing" else view.case.materials_missing
        return _checklist(offered, allow_more=spec.kind == "missing")
    raise ValueError(f"unknown field kind {spec.kind}")


def _choice_box(spec: Field) -> QComboBox:
    combo = QComboBox()
    if not spec.pick_first:
        combo.addItem(QCoreApplication.translate("CaseActions", "— 请选择 —"), None)
    for code, word in spec.choices.items():
        combo.addItem(term(word), code)
    return combo


def _cadre_box(view: CaseView) -> QComboBox:
    combo = QComboBox()
    combo.addItem(QCoreApplication.translate("CaseActions", "— 请选择 —"), None)
    for cadre_id, name in view.active_cadres:
        combo.addItem(name, cadre_id)
    return combo


class MaterialsChecklist(QWidget):
    """Materials to tick (Space ticks the current one), plus any others typed one per line."""

    def __init__(self, offered: list[str], allow_more: bool):
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setObjectName("checklist")
        for name in offered:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setVisible(bool(offered))
        self.list.setFixedHeight(min(6, max(1, len(offered))) * self.list.fontMetrics().lineSpacing() * 2)
        layout.addWidget(self.list)
        self.more = QPlainTextEdit()
        self.more.setObjectName("more_materials")
        self.more.setTabChangesFocus(True)
        self.more.setPlaceholderText(QCoreApplication.translate("CaseActions", "其他材料，每行一项"))
        self.more.setFixedHeight(self.more.fontMetrics().lineSpacing() * 3 + 16)
        self.more.setVisible(allow_more)
        layout.addWidget(self.more)
        self.setFocusProxy(self.list if offered else self.more)

    def ticked(self) -> list[str]:
        names = [
            self.list.item(i).text()
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
        return names + [line.strip() for line in self.more.toPlainText().splitlines() if line.strip()]


def _checklist(offered: Sequence[str], allow_more: bool) -> MaterialsChecklist:
    return MaterialsChecklist(list(offered or []), allow_more)


def _read_input(spec: Field, widget: QWidget):
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        text = widget.toPlainText()
        if spec.kind == "lines":
            return [line.strip() for line in text.splitlines() if line.strip()]
        return text.strip()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QDateEdit):
        return widget.date().toString("yyyy-MM-dd")
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, MaterialsChecklist):
        return widget.ticked()
    raise TypeError(type(widget))
