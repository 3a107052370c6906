"""What a queue row looks like: each column's text, the deadline's tone, its colours and font.

The view asks every visible cell for seven roles each time it paints, and a
scroll to a new page paints every cell of the screen. Working out a status
("办理中 · 还剩1天3小时") or a local date there, cell by cell and role by role,
made a page of the queue several times slower than reading it from SQLite.
So a row's whole look is worked out once (``look``), only for rows that are
painted, and the model keeps it until the row is read again or the clock moves.

Qt value types only (brushes, a font): safe to build on the GUI thread, where
the model builds them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor, QFont

from haian_desk.cases import presentation
from haian_desk.cases.records import QueueRow
from haian_desk.cases.vocabulary import KINDS, label
from haian_desk.core.timeutil import show
from ui.i18n import QT_TRANSLATE_NOOP, term
from ui.widgets.feedback import words

# Row colours by deadline tone; the status column carries the same news in words.
TONE_COLOURS = {
    presentation.OVERDUE: ("#fde0dc", "#8b1a10"),
    presentation.DUE_SOON: ("#fff1c2", "#5c3d00"),
}


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # source text, shown through translate("CaseQueueModel", …)
    sort_key: str | None  # a key of queries.SORTABLE, or None when SQLite cannot sort by it


COLUMNS: tuple[Column, ...] = (
    Column("case_no", QT_TRANSLATE_NOOP("CaseQueueModel", "编号"), "case_no"),
    Column("villager", QT_TRANSLATE_NOOP("CaseQueueModel", "群众"), "villager"),
    Column("villager_phone", QT_TRANSLATE_NOOP("CaseQueueModel", "电话"), None),
    Column("kind", QT_TRANSLATE_NOOP("CaseQueueModel", "类型"), "kind"),
    Column("matter", QT_TRANSLATE_NOOP("CaseQueueModel", "事项 / 内容"), None),
    Column("status", QT_TRANSLATE_NOOP("CaseQueueModel", "状态与时限"), "status"),
    Column("deadline", QT_TRANSLATE_NOOP("CaseQueueModel", "办结期限"), "deadline"),
    Column("registered_at", QT_TRANSLATE_NOOP("CaseQueueModel", "登记时间"), "registered_at"),
    Column("flags", QT_TRANSLATE_NOOP("CaseQueueModel", "标记"), None),
)
COLUMN_KEYS = [c.key for c in COLUMNS]
STATUS_COLUMN = COLUMN_KEYS.index("status")

FLAG_WORDS = (
    ("urgency", QT_TRANSLATE_NOOP("CaseQueueModel", "紧急")),
    ("long_standing", QT_TRANSLATE_NOOP("CaseQueueModel", "久拖不决")),
    ("petition", QT_TRANSLATE_NOOP("CaseQueueModel", "信访")),
    ("followup_open", QT_TRANSLATE_NOOP("CaseQueueModel", "差评待整改")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseQueueModel", text)


@dataclass(frozen=True, slots=True)
class Look:
    """A row as painted: a text per column (``COLUMNS`` order), the tone, and what the tone paints."""

    texts: tuple[str, ...]
    tone: str
    background: QBrush | None
    foreground: QBrush | None
    status_font: QFont | None  # bold for an overdue matter, in the status column only


def look(row: QueueRow, now: datetime) -> Look:
    tone = presentation.time_left(row.status, row.deadline, now).tone
    colours = TONE_COLOURS.get(tone)
    return Look(
        tuple(cell_text(row, key, now) for key in COLUMN_KEYS),
        tone,
        _brush(colours[0]) if colours else None,
        _brush(colours[1]) if colours else None,
        _bold() if tone == presentation.OVERDUE else None,
    )


def cell_text(row: QueueRow, key: str, now: datetime) -> str:
    if key == "villager_phone":
        return presentation.queue_value(key, row.villager_phone)
    if key == "kind":
        return term(label(KINDS, row.kind))
    if key == "matter":
        return row.matter_name or first_line(row.description)
    if key == "status":
        # Domain wording, so queue, detail and tests say exactly the same thing.
        return words(presentation.status_message(row.status, row.deadline, now))
    if key in ("deadline", "registered_at"):
        return show(getattr(row, key))
    if key == "flags":
        return " ".join(
            _tr(word)
            for flag, word in FLAG_WORDS
            if (row.urgency == "urgent" if flag == "urgency" else getattr(row, flag))
        )
    return presentation.queue_value(key, getattr(row, key))


def first_line(text: str | None, width: int = 40) -> str:
    line = (text or "").splitlines()[0] if text else ""
    return line if len(line) <= width else line[:width] + "…"


_BRUSHES: dict[str, QBrush] = {}  # one brush per colour, made when first painted
_FONTS: list[QFont] = []


def _brush(colour: str) -> QBrush:
    brush = _BRUSHES.get(colour)
    if brush is None:
        brush = _BRUSHES[colour] = QBrush(QColor(colour))
    return brush


def _bold() -> QFont:
    if not _FONTS:
        font = QFont()
        font.setBold(True)
        _FONTS.append(font)
    return _FONTS[0]
