"""Registering a villager who is not in the roll yet, without leaving the intake form.

ID number and phone are checked as they are typed (``haian_desk.people.typing_checks``):
an unfinished number is counted, a wrong one says why, next to the field.
Enter in any field registers the person through the domain; so does saving the intake
(Ctrl+S) while the panel holds a new person, so the clerk need not confirm twice.
A complete, valid 18-digit ID number moves on to the next empty field by itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from haian_desk.people import typing_checks, villagers
from ui.session import Session
from ui.widgets.feedback import ErrorLabel, alive, explain

FEEDBACK_COLOURS = {
    typing_checks.WRONG: "#b00020",
    typing_checks.OK: "#1b5e20",
    typing_checks.TYPING: "#555555",
    typing_checks.EMPTY: "#555555",
}
FIELDS = ("name", "id_number", "phone", "address")


class NewVillagerPanel(QWidget):
    registered = Signal(str, str)  # villager id, how to show them

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.busy = False
        self.then = None  # what to do once the person is registered (the intake's save)
        self.inputs = {key: QLineEdit() for key in FIELDS}
        self.notes = {key: QLabel() for key in FIELDS}
        for key in FIELDS:
            self.inputs[key].setObjectName(f"new_villager_{key}")
            self.notes[key].setObjectName(f"new_villager_{key}_note")
            self.notes[key].setWordWrap(True)
            self.inputs[key].returnPressed.connect(self.register)
        self.inputs["id_number"].setMaxLength(20)
        self.inputs["id_number"].textChanged.connect(
            lambda text: self._feedback("id_number", typing_checks.id_number_as_typed(text))
        )
        self.inputs["id_number"].textEdited.connect(self._id_number_typed)
        self.inputs["phone"].textChanged.connect(
            lambda text: self._feedback("phone", typing_checks.phone_as_typed(text))
        )
        self.save_button = QPushButton(self.tr("登记此人（Enter）"))
        self.save_button.setObjectName("register_villager")
        self.save_button.clicked.connect(self.register)
        self.error = ErrorLabel()
        self._lay_out()
        self.setFocusProxy(self.inputs["name"])

    def _lay_out(self) -> None:
        captions = {
            "name": self.tr("姓名"),
            "id_number": self.tr("身份证号"),
            "phone": self.tr("电话"),
            "address": self.tr("住址"),
        }
        grid = QGridLayout()
        for row, key in enumerate(FIELDS):
            caption = QLabel(captions[key])
            caption.setBuddy(self.inputs[key])
            grid.addWidget(caption, row, 0)
            grid.addWidget(self.inputs[key], row, 1)
            grid.addWidget(self.notes[key], row, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        title = QLabel(self.tr("新建群众：名册里没有这位群众时，在这里登记（Esc 收起）"))
        title.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)

    # --- typing -------------------------------------------------------------------------

    def _feedback(self, key: str, feedback: typing_checks.Feedback) -> None:
        note = self.notes[key]
        note.setText(("⚠ " if feedback.state == typing_checks.WRONG else "") + feedback.message)
        note.setStyleSheet(f"color: {FEEDBACK_COLOURS[feedback.state]};")
        note.setProperty("state", feedback.state)

    def _id_number_typed(self, text: str) -> None:
        """The last digit of a valid number typed at the end: on to the next empty field."""
        field = self.inputs["id_number"]
        if (
            len(text.strip()) != 18
            or field.cursorPosition() != len(text)
            or typing_checks.id_number_as_typed(text).state != typing_checks.OK
        ):
            return
        following = FIELDS[FIELDS.index("id_number") + 1 :]
        empty = next((key for key in following if not self.inputs[key].text()), None)
        if empty:
            self.inputs[empty].setFocus(Qt.FocusReason.OtherFocusReason)

    def pending(self) -> bool:
        """Open with a person typed in but not registered yet."""
        return self.isVisible() and any(v.strip() for v in self.values().values())

    def start(self, typed: str) -> None:
        """Open the panel with what was typed in the lookup put in the right field."""
        guessed = typing_checks.new_villager_fields(typed)
        for key, value in guessed.items():
            if value and not self.inputs[key].text():
                self.inputs[key].setText(value)
        self.show()
        empty = next((key for key in FIELDS if not self.inputs[key].text()), "name")
        self.inputs[empty].setFocus(Qt.FocusReason.OtherFocusReason)

    def values(self) -> dict[str, str]:
        return {key: self.inputs[key].text() for key in FIELDS}

    def fill(self, values: dict[str, str]) -> None:
        for key in FIELDS:
            self.inputs[key].setText(values.get(key, ""))

    def clear(self) -> None:
        self.fill({})
        self.error.clear_error()
        for key in FIELDS:
            self.notes[key].clear()

    # --- registering --------------------------------------------------------------------

    def register(self, then=None) -> None:
        """Register the person typed in; ``then`` runs once they are (not if refused)."""
        if self.busy:
            return
        self.busy, self.then = True, then
        self.error.clear_error()
        data = villagers.VillagerInput(**{k: v.strip() for k, v in self.values().items()})  # type: ignore[arg-type]  # FIELDS are its text fields, never tags
        actor = self.session.user.username
        self.session.run(
            lambda desk: villagers.register(desk, actor, data),
            alive(self, lambda villager_id: self._done(villager_id, data)),
            alive(self, self._refused),
        )

    def _done(self, villager_id: str, data: villagers.VillagerInput) -> None:
        self.busy = False
        shown = "  ".join(p for p in ("".join(data.name.split()), data.address) if p)
        self.clear()
        self.hide()
        self.registered.emit(villager_id, shown)
        then, self.then = self.then, None
        if then:
            then()

    def _refused(self, error: BaseException) -> None:
        self.busy, self.then = False, None
        key = getattr(error, "field", "")
        if key in self.notes:
            self._feedback(key, typing_checks.Feedback(typing_checks.WRONG, explain(error)))
            self.inputs[key].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.error.show_error(error)
