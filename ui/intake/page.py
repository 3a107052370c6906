"""受理登记: taking in a villager's matter, with the keyboard alone, in under a minute.

The form runs top to bottom in tab order: find (or create) the villager, pick
the kind of service (Alt+1/2/3), the matter or the authorisation, describe,
and save with Ctrl+S or Ctrl+Enter. The new case number is then shown big.
What is typed is kept as a draft while typing (``DraftKeeper``), and an error
from the domain is shown next to the field it names; nothing typed is lost.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from haian_desk.cases import counter_checks, drafts, operations
from haian_desk.cases.intake_form import blank_form, build_intake
from haian_desk.cases.presentation import villager_choice_text
from haian_desk.cases.vocabulary import CHANNELS, KINDS, STATUSES, label
from haian_desk.core.timeutil import local, show
from haian_desk.people import cadres, villager_queries
from haian_desk.people.villager_queries import Villager
from ui.i18n import term
from ui.intake import save_questions as questions
from ui.intake.authorisation import AuthorisationPanel
from ui.intake.draft_keeper import DraftKeeper
from ui.intake.kind_choice import SHORTCUTS, KindChoice
from ui.intake.lookup import Lookup
from ui.intake.matter_panel import MatterPanel
from ui.intake.new_villager import NewVillagerPanel
from ui.intake.urgency import UrgencyRow
from ui.printing.buttons import ReceiptButtons
from ui.session import CADRES, SETTINGS, Session
from ui.widgets.appearance import scaled_font
from ui.widgets.feedback import ErrorLabel, alive, explain

if TYPE_CHECKING:
    from haian_desk.desk import Desk

# Papers printed with the receipt (Ctrl+P): a claim waiting for its signature gets the
# 授权委托书 to sign at the counter.
PAPERS_WITH_RECEIPT = {"awaiting_signature": ("authorisation",)}

BANNER = "QFrame#{0} {{ background: {1}; border: 1px solid {2}; border-radius: 4px; }}"


def _group(title: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget)
    return box


class IntakePage(QWidget):
    caseRegistered = Signal(str)
    openCase = Signal(str)  # the clerk chose to open an existing case instead of a duplicate

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.villager_id = ""
        self.villager_label = ""
        self.saving = False
        # The first-contact cadre a fresh form starts with: the login's own cadre,
        # then whoever the clerk chose for the last matter (the person at the counter).
        self.linked_cadre = self.counter_cadre = session.user.cadre_id or ""
        self.relinked = ""
        self.offered_draft: drafts.Draft | None = None
        self.question: QMessageBox | None = None  # the save-time question open now (ui.intake.save_questions)
        self.keeper = DraftKeeper(session, self.form_values, self.pristine, self)
        self.keeper.pause()  # nothing to save until the page is built and filled
        self._build()
        self._connect()
        self._tab_order()
        self.setFocusProxy(self.villager_lookup)
        self.fill(self.pristine())
        self._load_cadres()
        session.changed.connect(self._data_changed)
        self.keeper.resume()
        self.keeper.found.connect(self._offer_draft)
        self.keeper.look_for_draft()

    # --- building -----------------------------------------------------------------------

    def _build(self) -> None:
        self._build_villager()
        self.kind = KindChoice()
        self.kind_error = self._error("kind")
        self.matter = MatterPanel(self.session)
        self.auth = AuthorisationPanel()
        self._build_details()
        self._build_banners()
        self.save_button = QPushButton(self.tr("登记（Ctrl+S）"))
        self.save_button.setObjectName("save")
        self.save_button.setFont(scaled_font(1.2, bold=True))
        self.save_button.setToolTip(self.tr("保存这次登记（Ctrl+S 或 Ctrl+Enter）"))
        self.general_error = self._error("general")
        self._lay_out()

    def _error(self, key: str) -> ErrorLabel:
        label = ErrorLabel()
        label.setObjectName(f"error_{key}")
        return label

    def _build_villager(self) -> None:
        self.villager_lookup = Lookup(
            self.session,
            lambda desk, text: villager_queries.villager_search(desk, text),
            villager_choice_text,
            lambda text: self.tr("＋ 新建群众“{0}”（Alt+N）").format(text.strip()),
        )
        self.villager_lookup.edit.setObjectName("villager_search")
        self.villager_lookup.results.setObjectName("villager_results")
        self.villager_lookup.edit.setPlaceholderText(self.tr("输入姓名、拼音、首字母、身份证号或电话查找（Ctrl+F）"))
        self.villager_chosen = QLabel()
        self.villager_chosen.setObjectName("villager_chosen")
        self.villager_chosen.setStyleSheet("color: #1b5e20; font-weight: bold;")
        self.villager_chosen.hide()
        self.new_villager = NewVillagerPanel(self.session)
        self.new_villager.hide()
        self.villager_error = self._error("villager_id")

    def _build_details(self) -> None:
        self.description = QPlainTextEdit()
        self.description.setObjectName("description")
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("群众要办什么事、反映什么问题，用群众的话简要写明"))
        self.description.setFixedHeight(self.description.fontMetrics().lineSpacing() * 5 + 16)
        self.description_error = self._error("description")
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for code, word in CHANNELS.items():
            self.channel.addItem(term(word), code)
        self.urgency = UrgencyRow(self.session.desk.now)
        self.long_standing = QCheckBox(self.tr("久拖不决 / 历史遗留问题"))
        self.long_standing.setObjectName("long_standing")
        self.petition = QCheckBox(self.tr("涉及信访"))
        self.petition.setObjectName("petition")
        self.cadre = QComboBox()
        self.cadre.setObjectName("first_cadre")
        self.cadre.setToolTip(self.tr("首问负责：谁接待群众，谁就负责到底"))
        self.cadre_error = self._error("first_cadre_id")

    def _build_banners(self) -> None:
        self.draft_banner = QFrame()
        self.draft_banner.setObjectName("draft_banner")
        self.draft_banner.setStyleSheet(BANNER.format("draft_banner", "#fff6d5", "#d9b54a"))
        self.draft_text = QLabel()
        self.draft_text.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("接着填（Alt+R）"))
        self.restore_button.setObjectName("restore_draft")
        self.restore_button.setShortcut(QKeySequence("Alt+R"))
        self.discard_button = QPushButton(self.tr("不要了"))
        self.discard_button.setObjectName("discard_draft")
        row = QHBoxLayout(self.draft_banner)
        row.addWidget(self.draft_text, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        self.draft_banner.hide()
        self.result_banner = QFrame()
        self.result_banner.setObjectName("result_banner")
        self.result_banner.setStyleSheet(BANNER.format("result_banner", "#e6f4ea", "#5aa469"))
        self.result_caption = QLabel()
        self.case_number = QLabel()
        self.case_number.setObjectName("case_number")
        self.case_number.setFont(scaled_font(2.6, bold=True))
        self.case_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_hint = QLabel(self.tr("请把编号告诉群众。按 F3 到“办件”查看；接着登记下一位群众，直接输入即可。"))
        self.result_hint.setWordWrap(True)
        self.result_actions = QHBoxLayout()  # the receipt's print button joins here
        self.receipt_buttons = ReceiptButtons(self.session, self)  # Ctrl+P prints, Ctrl+Shift+P previews
        self.result_actions.addWidget(self.receipt_buttons)
        column = QVBoxLayout(self.result_banner)
        column.addWidget(self.result_caption)
        column.addWidget(self.case_number)
        column.addWidget(self.result_hint)
        column.addLayout(self.result_actions)
        self.result_banner.hide()

    def _lay_out(self) -> None:
        left = QVBoxLayout()
        left.addWidget(
            _group(
                self.tr("① 群众"), self.villager_lookup, self.villager_chosen, self.villager_error, self.new_villager
            )
        )
        left.addWidget(_group(self.tr("② 服务类型（Alt+1 / Alt+2 / Alt+3）"), self.kind, self.kind_error))
        self.matter_box = _group(self.tr("③ 代办事项"), self.matter)
        self.auth_box = _group(self.tr("③ 授权委托"), self.auth)
        left.addWidget(self.matter_box)
        left.addWidget(self.auth_box)
        left.addStretch(1)
        self.matter_box.hide()
        self.auth_box.hide()
        details = QFormLayout()
        details.addRow(self.tr("受理渠道"), self.channel)
        details.addRow(self.urgency)
        details.addRow(self.tr("标记"), self.long_standing)
        details.addRow("", self.petition)
        details.addRow(self.tr("首问责任人"), self.cadre)
        details.addRow(self.cadre_error)
        right_box = QGroupBox(self.tr("④ 诉求内容与登记信息"))
        right = QVBoxLayout(right_box)
        right.addWidget(self.description)
        right.addWidget(self.description_error)
        right.addLayout(details)
        right.addStretch(1)
        content = QWidget()
        columns = QHBoxLayout(content)
        columns.addLayout(left, 3)
        columns.addWidget(right_box, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the form fits the width
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        bottom = QHBoxLayout()
        bottom.addWidget(self.general_error, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.draft_banner)
        layout.addWidget(self.result_banner)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.villager_lookup.picked.connect(self._villager_picked)
        self.villager_lookup.edited.connect(self._villager_edited)
        self.villager_lookup.createRequested.connect(self._create_villager)
        self.new_villager.registered.connect(self._villager_registered)
        self.kind.chosen.connect(self._kind_chosen)
        self.matter.chosen.connect(self._matter_chosen)
        self.save_button.clicked.connect(lambda: self.save())  # not clicked's bool as `confirmed`
        self.restore_button.clicked.connect(self.restore_draft)
        self.discard_button.clicked.connect(self.discard_draft)
        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            self._shortcut(keys, self.save)
        for kind, keys in SHORTCUTS.items():
            self._shortcut(keys, lambda k=kind: self._kind_chosen(k))
        self._shortcut("Alt+U", self.urgency.toggle_by_key)
        self._shortcut("Alt+N", lambda: self._create_villager(self.villager_lookup.text()))
        self._shortcut("Ctrl+F", lambda: self.villager_lookup.setFocus(Qt.FocusReason.ShortcutFocusReason))
        self._shortcut("Escape", self._escape)
        self._watch_for_changes()

    def _shortcut(self, keys: str, slot) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.activated.connect(slot)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _watch_for_changes(self) -> None:
        touched = self._touched
        self.villager_lookup.edit.textEdited.connect(touched)
        for field in self.new_villager.inputs.values():
            field.textEdited.connect(touched)
        self.matter.changed.connect(touched)
        self.matter.lookup.edit.textEdited.connect(touched)
        self.auth.changed.connect(touched)
        self.description.textChanged.connect(touched)
        self.channel.currentIndexChanged.connect(touched)
        self.urgency.changed.connect(touched)
        self.long_standing.toggled.connect(touched)
        self.petition.toggled.connect(touched)
        self.cadre.currentIndexChanged.connect(touched)

    def _touched(self, *_args) -> None:
        self.keeper.touched()
        if self.result_banner.isVisible() and not self.keeper.paused:
            self.result_banner.hide()  # the next matter has begun

    def _tab_order(self) -> None:
        chain = [
            self.villager_lookup.edit,
            *self.new_villager.inputs.values(),
            self.new_villager.save_button,
            *self.kind.buttons.values(),
            self.matter.lookup.edit,
            self.matter.materials,
            self.auth.scope,
            self.auth.signed,
            self.auth.date,
            self.description,
            self.channel,
            self.urgency.urgent,
            self.urgency.choice,
            self.urgency.when,
            self.long_standing,
            self.petition,
            self.cadre,
            self.save_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _load_cadres(self) -> None:
        self.session.run(
            lambda desk: [(r["id"], r["name"]) for r in cadres.active_cadres(desk)],
            alive(self, self._fill_cadres),
            alive(self, self.general_error.show_error),
        )

    def _data_changed(self, kinds) -> None:
        """A cadre added or retired, or this login linked to a cadre: the choices follow."""
        if CADRES in kinds or SETTINGS in kinds:
            linked = self.session.user.cadre_id or ""
            if linked != self.linked_cadre:  # this login was (re)linked: that cadre serves now
                self.linked_cadre = self.counter_cadre = self.relinked = linked
            self._load_cadres()

    def _fill_cadres(self, rows: list[tuple[str, str]]) -> None:
        self.keeper.pause()
        chosen = self.relinked or self.cadre.currentData() or self.counter_cadre
        self.relinked = ""
        self.cadre.clear()
        self.cadre.addItem(self.tr("— 请选择首问责任人 —"), "")
        for cadre_id, name in rows:
            self.cadre.addItem(name, cadre_id)
        self._select_data(self.cadre, chosen or "")
        self.keeper.resume()

    def hideEvent(self, event) -> None:
        # Another screen, or the window closing: keep what was typed a moment ago too.
        self.keeper.flush()
        super().hideEvent(event)

    # --- the villager -------------------------------------------------------------------

    def _villager_picked(self, villager: Villager) -> None:
        self._set_villager(villager.id, villager_choice_text(villager))
        self.villager_lookup.set_text(villager.name)
        self.new_villager.hide()
        self.keeper.touched()
        self.kind.focus_current()

    def _set_villager(self, villager_id: str, shown: str) -> None:
        self.villager_id, self.villager_label = villager_id, shown
        self.villager_error.clear_error()
        self.villager_chosen.setText(self.tr("已选：{0}").format(shown) if villager_id else "")
        self.villager_chosen.setVisible(bool(villager_id))

    def _villager_edited(self, _text: str) -> None:
        if self.villager_id:
            self._set_villager("", "")

    def _create_villager(self, typed: str) -> None:
        self._set_villager("", "")  # a new person: not the one picked before
        self.villager_lookup.results.hide()
        self.new_villager.start(typed)

    def _villager_registered(self, villager_id: str, shown: str) -> None:
        self._set_villager(villager_id, shown)
        self.villager_lookup.set_text(shown.split("  ")[0])
        self.keeper.touched()
        self.kind.focus_current()

    def _escape(self) -> None:
        if self.new_villager.isVisible():
            self.new_villager.hide()
            self.villager_lookup.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.villager_lookup.results.isVisible():
            self.villager_lookup.results.hide()

    # --- kind and matter ----------------------------------------------------------------

    def _kind_chosen(self, kind: str) -> None:
        self.kind.set_kind(kind)
        self.kind_error.clear_error()
        self._show_kind_panels(kind)
        self.keeper.touched()
        next_field = {"errand": self.matter, "claim": self.auth}.get(kind, self.description)
        next_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_kind_panels(self, kind: str) -> None:
        self.matter_box.setVisible(kind == "errand")
        self.auth_box.setVisible(kind == "claim")

    def _matter_chosen(self) -> None:
        target = self.matter.materials if self.matter.materials.count() else self.description
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the form as values (what is saved, drafted and restored) ----------------------

    def pristine(self) -> dict:
        today = f"{local(self.session.desk.now()):%Y-%m-%d}"
        return blank_form(self.counter_cadre, today)

    def form_values(self) -> dict:
        return {
            "villager_id": self.villager_id,
            "villager_label": self.villager_label,
            "villager_query": self.villager_lookup.text(),
            "new_villager": self.new_villager.values(),
            "kind": self.kind.kind(),
            "catalogue_code": self.matter.code(),
            "catalogue_label": self.matter.name(),
            "catalogue_query": self.matter.lookup.text(),
            "materials_received": self.matter.received(),
            **self.auth.values(),
            "description": self.description.toPlainText(),
            "channel": self.channel.currentData(),
            **self.urgency.values(),
            "long_standing": self.long_standing.isChecked(),
            "petition": self.petition.isChecked(),
            "first_cadre_id": self.cadre.currentData() or "",
        }

    def fill(self, form: dict) -> None:
        """Put values into the form (a restored draft, or the blank form after saving)."""
        self.keeper.pause()
        self.villager_lookup.set_text(form.get("villager_query") or "")
        self._set_villager(form.get("villager_id") or "", form.get("villager_label") or "")
        self.new_villager.fill(form.get("new_villager") or {})
        self.new_villager.setVisible(any((form.get("new_villager") or {}).values()))
        self.kind.set_kind(form.get("kind") or "")
        self._show_kind_panels(form.get("kind") or "")
        self.matter.restore(
            form.get("catalogue_code") or "", form.get("catalogue_query") or "", form.get("materials_received") or []
        )
        self.auth.fill(form)
        self.description.setPlainText(form.get("description") or "")
        self._select_data(self.channel, form.get("channel") or "walk_in")
        self.urgency.fill(form)
        self.long_standing.setChecked(bool(form.get("long_standing")))
        self.petition.setChecked(bool(form.get("petition")))
        self._select_data(self.cadre, form.get("first_cadre_id") or "")
        self.keeper.resume()

    @staticmethod
    def _select_data(combo: QComboBox, data) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)

    # --- saving -------------------------------------------------------------------------

    def save(self, confirmed: frozenset = frozenset(), missing: tuple[str, ...] = ()) -> None:
        """Register the matter; ``confirmed`` names the save-time questions already answered."""
        if self.saving:
            return  # one key press, one matter
        if self.new_villager.pending():  # a new person typed in: register them, then the matter
            self.new_villager.register(then=lambda: self.save(confirmed, missing))
            return
        self.saving = True
        self.keeper.pause()
        self._clear_errors()
        form, actor = self.form_values(), self.session.user.username
        self._saving_cadre = form["first_cadre_id"]

        def register(desk: Desk):
            intake = build_intake(form)
            if "duplicate" not in confirmed and (found := counter_checks.likely_duplicates(desk, intake)):
                return questions.Duplicate(found)
            if "materials" not in confirmed and (lacking := counter_checks.materials_not_received(desk, intake)):
                return questions.Lacking(lacking)
            intake.missing_materials = list(missing)
            # The draft goes in the intake's own transaction (a kill between them left it behind).
            return operations.take_in(desk, actor, intake, draft=drafts.INTAKE)

        self.session.run(
            register, alive(self, lambda result: self._answered(result, confirmed)), alive(self, self._refused)
        )

    def _answered(self, result, confirmed: frozenset) -> None:
        if isinstance(result, operations.Registered):
            self._saved(result)
            return
        self.saving = False
        self.keeper.resume()
        if isinstance(result, questions.Duplicate):
            self.question = questions.ask_duplicate(
                self, result, self.openCase.emit, lambda: self.save(confirmed | {"duplicate"})
            )
        else:
            self.question = questions.ask_lacking(
                self,
                result,
                lambda: self.save(confirmed | {"materials"}, tuple(result.missing)),
                lambda: self.save(confirmed | {"materials"}),
                lambda: self.matter.materials.setFocus(Qt.FocusReason.OtherFocusReason),
            )

    def _saved(self, registered: operations.Registered) -> None:
        self.saving = False
        self.draft_banner.hide()
        self.offered_draft = None
        self.counter_cadre = self._saving_cadre  # the next villager is served by the same person
        self.fill(self.pristine())
        self.new_villager.clear()
        self.new_villager.hide()
        self.keeper.resume()  # paused since the save began
        self.result_caption.setText(
            self.tr("已登记，状态：{0}。办件编号：").format(term(label(STATUSES, registered.status)))
        )
        self.case_number.setText(registered.case_no)
        self.receipt_buttons.show_case(registered.case_id, PAPERS_WITH_RECEIPT.get(registered.status, ()))
        if registered.status == "materials_missing":  # 一次性告知: the notice goes out at once
            self.receipt_buttons.print_papers(("missing",))
        self.result_banner.show()
        self.villager_lookup.setFocus(Qt.FocusReason.OtherFocusReason)
        self.caseRegistered.emit(registered.case_id)

    def _refused(self, error: BaseException) -> None:
        self.saving = False
        self.keeper.resume()
        self.keeper.touched()
        problems = getattr(error, "problems", None) or [error]
        if len(problems) > 1:
            self.general_error.show_error(explain(error))  # how many, and which
        for problem in problems:
            self._where(getattr(problem, "field", "") or "")[0].show_error(explain(problem))
        widget = self._where(getattr(problems[0], "field", "") or "")[1]
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)  # the first one, top to bottom

    def _where(self, field: str) -> tuple[ErrorLabel, QWidget | None]:
        """The error line and the input a domain error's field points at."""
        places = {
            "villager_id": (self.villager_error, self.villager_lookup),
            "kind": (self.kind_error, self.kind),
            "catalogue_code": (self.matter.error, self.matter),
            "scope": (self.auth.errors["scope"], self.auth.scope),
            "authorisation": (self.auth.errors["scope"], self.auth.scope),
            "signed_on_paper": (self.auth.errors["signed_on_paper"], self.auth.signed),
            "date": (self.auth.errors["date"], self.auth.date),
            "description": (self.description_error, self.description),
            "urgent_deadline": (self.urgency.error, self.urgency.choice),
            "urgency": (self.urgency.error, self.urgency.urgent),
            "first_cadre_id": (self.cadre_error, self.cadre),
        }
        return places.get(field, (self.general_error, None))

    def _clear_errors(self) -> None:
        for error_label in (
            self.general_error,
            self.villager_error,
            self.kind_error,
            self.matter.error,
            *self.auth.errors.values(),
            self.description_error,
            self.urgency.error,
            self.cadre_error,
        ):
            error_label.clear_error()

    # --- drafts -------------------------------------------------------------------------

    def _offer_draft(self, draft: drafts.Draft) -> None:
        self.offered_draft = draft
        body = draft.body
        who = (body.get("villager_label") or body.get("villager_query") or "").split("  ")[0]
        what = term(label(KINDS, body.get("kind"))) if body.get("kind") else ""
        said = (body.get("description") or "").strip().replace("\n", " ")[:24]
        summary = "，".join(part for part in (who, what, said) if part)
        self.draft_text.setText(
            self.tr("上次有一份没登记完的受理单（{0} 自动保存）：{1}。要接着填吗？").format(
                show(draft.updated_at), summary or self.tr("未填内容")
            )
        )
        self.draft_banner.show()

    def restore_draft(self) -> None:
        if self.offered_draft is None:
            return
        self.fill(self.offered_draft.body)
        self.offered_draft = None
        self.draft_banner.hide()
        self.villager_lookup.setFocus(Qt.FocusReason.OtherFocusReason)

    def discard_draft(self) -> None:
        self.offered_draft = None
        self.draft_banner.hide()
        self.keeper.discard()
        self.keeper.touched()  # whatever is typed now is the new draft
        self.villager_lookup.setFocus(Qt.FocusReason.OtherFocusReason)
