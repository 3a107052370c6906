"""How a case is shown to the people at the counter: time left, masks, timeline lines.

Screens (the queue, the case detail) ask these functions what to say, so the
wording of "overdue" or which column is masked is decided once, here, and is
the same on every screen and in every test.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from haian_desk.calendar.reasons import recompute_reason
from haian_desk.cases import queries
from haian_desk.cases.catalogue_queries import CatalogueItem, get_item
from haian_desk.cases.deadlines import DUE_SOON_WINDOW, describe_limit
from haian_desk.cases.fold import allowed_events
from haian_desk.cases.records import Case
from haian_desk.cases.vocabulary import (
    CHANNELS,
    EVENT_TYPES,
    KINDS,
    OPEN_STATUSES,
    RATINGS,
    REPLY_METHODS,
    RESULTS,
    STATUSES,
    TIMED_STATUSES,
    TRANSFER_LEVELS,
    URGENCIES,
    label,
)
from haian_desk.core.errors import Message
from haian_desk.core.masking import mask_id_number, mask_phone
from haian_desk.core.timeutil import from_iso, local, show
from haian_desk.events.audit import account_id
from haian_desk.people import reveals
from haian_desk.people.villager_queries import Villager, get_villager
from haian_desk.storage.eventlog import Event

if TYPE_CHECKING:
    from haian_desk.desk import Desk

# How pressing a matter's deadline is; screens colour rows by it AND print the
# text beside it, so colour-blind staff read the same thing.
OVERDUE, DUE_SOON, ON_TIME, PAUSED, UNTIMED, FINISHED = (
    "overdue",
    "due_soon",
    "on_time",
    "paused",
    "untimed",
    "finished",
)


@dataclass(frozen=True)
class TimeLeft:
    tone: str
    text: str
    message: Message | None = field(default=None, compare=False)  # the words as template + params


def duration_message(seconds: float) -> Message:
    """A span as a clerk says it: 40分钟, 5小时, 2天3小时, 12天 (hours matter less after a few days)."""
    minutes = int(abs(seconds) // 60)
    if minutes < 1:
        return Message("不到1分钟")
    if minutes < 60:
        return Message("{minutes}分钟", {"minutes": minutes})
    hours = minutes // 60
    if hours < 24:
        return Message("{hours}小时", {"hours": hours})
    days, rest = divmod(hours, 24)
    if rest and days < 3:
        return Message("{days}天{hours}小时", {"days": days, "hours": rest})
    return Message("{days}天", {"days": days})


def describe_duration(seconds: float) -> str:
    return str(duration_message(seconds))


def _left(tone: str, message: Message) -> TimeLeft:
    return TimeLeft(tone, str(message), message)


def time_left(status: str, deadline: str | None, now: datetime) -> TimeLeft:
    """Whether a matter is overdue, due soon or on time, and the words for it.

    Matches the queue filters in ``queries``: only running matters are timed,
    due soon means within the next ``DUE_SOON_WINDOW``.
    """
    if status == "paused":
        return _left(PAUSED, Message("暂停计时"))
    if status == "awaiting_signature":  # not timed: the clock starts once it is accepted
        return _left(UNTIMED, Message("群众签字后方可受理"))
    if status not in TIMED_STATUSES:
        return TimeLeft(UNTIMED if status in OPEN_STATUSES else FINISHED, "")
    if not deadline:
        return _left(UNTIMED, Message("即办，不计时"))
    remaining = from_iso(deadline) - now
    span = duration_message(remaining.total_seconds())
    if remaining < timedelta(0):
        return _left(OVERDUE, Message("已超期 {span}", {"span": span}))
    tone = DUE_SOON if remaining < DUE_SOON_WINDOW else ON_TIME
    return _left(tone, Message("还剩{span}", {"span": span}))


def status_message(status: str, deadline: str | None, now: datetime) -> Message:
    """The queue's status cell: 办理中 · 已超期 3小时."""
    left = time_left(status, deadline, now).message
    name = label(STATUSES, status)
    if left is None or status == "paused":
        return Message("{status}", {"status": name})
    return Message("{status} · {left}", {"status": name, "left": left})


def status_text(status: str, deadline: str | None, now: datetime) -> str:
    return str(status_message(status, deadline, now))


# Which queue columns show personal data masked, and why.
# The queue is on the counter PC, in sight of whoever stands at the counter.
# - villager name: shown in full. Staff find and recognise a matter by the
#   person's name, and search by it; a queue of 王** rows would be unusable,
#   and a name alone tells a bystander little.
# - villager phone: masked (138****1234). Nobody needs the whole number while
#   scanning the list; the case detail shows it, masked too, with a button to
#   reveal it on purpose when the cadre is about to call.
# - ID numbers are not in the queue at all.
QUEUE_MASKS: dict[str, Callable[[str | None], str]] = {
    "villager_phone": mask_phone,
}


def queue_value(column: str, value) -> str:
    """A queue cell's text, masked when the column carries personal data."""
    mask = QUEUE_MASKS.get(column)
    if mask is not None:
        return mask(value)
    return "" if value is None else str(value)


def villager_summary(villager: Villager, reveal: bool = False) -> dict[str, str]:
    """A villager as a screen shows them: ID and phone masked unless revealed on purpose."""
    id_number, phone = villager.id_number, villager.phone
    return {
        "name": villager.name,
        "id_number": (id_number or "") if reveal else mask_id_number(id_number),
        "phone": (phone or "") if reveal else mask_phone(phone),
        "address": villager.address or "",
    }


def villager_choice_text(villager: Villager) -> str:
    """One line in the intake lookup: 王秀英  320621********1234  138****5678  双楼村3组."""
    summary = villager_summary(villager)
    parts = [summary["name"], summary["id_number"], summary["phone"], summary["address"]]
    return "  ".join(p for p in parts if p)


def describe_event(event: Event, names: dict[str, str]) -> str:
    """What an event says beyond its type, in plain words (the timeline's detail column)."""
    return "；".join(str(part) for part in event_parts(event, names))


def event_parts(event: Event, names: dict[str, str]) -> list[Message]:
    """The timeline detail as Messages (a screen translates each and joins them)."""
    p = event.payload
    describe = _DESCRIBERS.get(event.type)
    parts = describe(p, names) if describe else [_text(p.get("note"))]
    return [part for part in parts if part is not None]


def _text(value) -> Message | None:
    """Free text a person typed (a note, a reason): shown as it is."""
    value = str(value or "").strip()
    return Message("{text}", {"text": value}) if value else None


def _said(template: str, value) -> Message | None:
    """``template`` is ``"事项：{value}"``: a word and what was given for it, if anything was."""
    if not isinstance(value, (Message, list)):
        value = str(value or "").strip()
    return Message(template, {"value": value}) if value else None


def _items(values) -> list[str]:
    """A list given as a parameter: joined 甲、乙 in Chinese, "a, b" where translated."""
    return list(values or [])


def _doc_title(doc) -> str:
    from haian_desk.documents import CASE_DOCUMENTS  # the papers import this module

    kind = CASE_DOCUMENTS.get(doc)
    return kind.title if kind else str(doc or "")


def _registered(p: dict, names: dict) -> list:
    head = Message(
        "{kind}，{channel}", {"kind": label(KINDS, p.get("kind")), "channel": label(CHANNELS, p.get("channel"))}
    )
    if p.get("urgency") == "urgent":
        head = Message("{kind}，{channel}，{urgency}", {**head.params, "urgency": label(URGENCIES, "urgent")})
    return [
        head,
        _said("事项：{value}", p.get("matter_name")),
        _said("内容：{value}", p.get("description")),
        _said("已收材料：{value}", _items(p.get("materials_received"))),
        _said("首问责任人：{value}", names.get(p.get("first_cadre_id"), "")),
    ]


def _authorisation(p: dict) -> list:
    signed = Message("已签书面委托书") if p.get("signed_on_paper") else Message("未签书面委托书")
    return [_said("委托范围：{value}", p.get("scope")), signed, _said("日期：{value}", p.get("date"))]


def _transfer(template: str, p: dict) -> list:
    return [
        Message(template, {"level": label(TRANSFER_LEVELS, p.get("to_level")), "unit": p.get("to_unit") or ""}),
        _said("理由：{value}", p.get("reason")),
    ]


_DESCRIBERS: dict[str, Callable[[dict, dict], list]] = {
    "registered": _registered,
    "accepted": lambda p, n: [Message("开始计时"), _said("办结期限：{value}", show(p.get("deadline")))],
    "declined": lambda p, n: [_said("理由：{value}", p.get("reason")), _said("群众可以：{value}", p.get("remedy"))],
    "materials_missing": lambda p, n: [_said("一次性告知缺少：{value}", _items(p.get("missing")))],
    "resubmitted": lambda p, n: [_said("补交：{value}", _items(p.get("materials_received")))],
    "authorised": lambda p, n: _authorisation(p),
    "signed": lambda p, n: [_said("签字日期：{value}", p.get("date"))],
    "assigned": lambda p, n: [_said("经办人：{value}", n.get(p.get("cadre_id"), p.get("cadre_id")))],
    "note": lambda p, n: [_text(p.get("text"))],
    "transferred": lambda p, n: _transfer("转至{level}：{unit}", p),
    "returned": lambda p, n: [
        _said("办理情况：{value}", p.get("outcome")),
        Message("退回{level}", {"level": label(TRANSFER_LEVELS, p["to_level"])}) if p.get("to_level") else None,
    ],
    "joint_handling": lambda p, n: [_said("会办单位：{value}", _items(p.get("units"))), _text(p.get("note"))],
    "paused": lambda p, n: [_said("理由：{value}", p.get("reason"))],
    "resumed": lambda p, n: [_text(p.get("note")) or Message("继续计时")],
    "completed": lambda p, n: [_said("结果：{value}", label(RESULTS, p.get("result"))), _text(p.get("note"))],
    "replied": lambda p, n: [_said("方式：{value}", label(REPLY_METHODS, p.get("method")))],
    "rated": lambda p, n: [
        Message("{level}", {"level": label(RATINGS, p.get("level"))}) if p.get("level") else None,
        _said("原因：{value}", p.get("reason")),
    ],
    "return_visit": lambda p, n: [_text(p.get("note"))],
    "rectified": lambda p, n: [_text(p.get("note"))],
    "withdrawn": lambda p, n: [_said("原因：{value}", p.get("reason"))],
    "reopened": lambda p, n: [
        _said("原因：{value}", p.get("reason")),
        _said("办结期限：{value}", show(p.get("deadline"))),
    ],
    "printed": lambda p, n: [
        _said("文书：{value}", _doc_title(p.get("doc"))),
        Message("第{copy}份", {"copy": p.get("copy")}),
    ],
    "revealed": lambda p, n: [_text(reveals.describe(p))],
    "taken_up": lambda p, n: [Message("{unit}已接收", {"unit": p.get("unit") or ""})],
    "forwarded": lambda p, n: _transfer("转送{level}：{unit}", p),
    "conflict_resolved": lambda p, n: [_said("裁定：{value}", p.get("decision"))],
    "import_undone": lambda p, n: [_said("原因：{value}", p.get("reason"))],
    "deadline_recomputed": lambda p, n: [*_recomputed_because(p), _said("新时限：{value}", show(p.get("deadline")))],
}


def _recomputed_because(p: dict) -> list[Message | None]:
    if not isinstance(p.get("cause"), dict):  # recorded by a release that wrote only the sentence
        return [_text(p.get("reason"))]
    return list(recompute_reason(p["cause"], bool(p.get("deadline_unchanged"))))


def undescribed_event_types() -> set[str]:
    """Event types the timeline has no words for yet (a test keeps this empty)."""
    return set(EVENT_TYPES) - set(_DESCRIBERS)


@dataclass(frozen=True)
class TimelineLine:
    when: str
    who: str
    what: str
    detail: str
    parts: tuple = field(default=(), compare=False)  # the detail as Messages, for translation


def timeline_lines(events: list[Event], actor_names: dict[str, str], cadre_names: dict[str, str]) -> list[TimelineLine]:
    """``actor_names`` by login id (``audit.account_id``: installation and user name)."""
    lines = []
    for e in events:
        parts = tuple(event_parts(e, cadre_names))
        lines.append(
            TimelineLine(
                show(e.wall_time),
                actor_names.get(account_id(e.origin, e.actor), e.actor),
                label(EVENT_TYPES, e.type),
                "；".join(map(str, parts)),
                parts,
            )
        )
    return lines


@dataclass(frozen=True)
class CaseView:
    """Everything the case detail screen shows, read in one go on the worker."""

    case: Case
    villager: dict
    villager_revealed: dict
    matter: dict | None
    cadre_names: dict[str, str]
    timeline: list[TimelineLine]
    allowed: list[str]
    time_left: TimeLeft
    missing_choices: list[str]
    active_cadres: list[tuple[str, str]]


def actor_names(desk: Desk, events: list[Event]) -> dict[str, str]:
    """Who took each step, by login id: user names repeat between installations (the township's
    "staff" is not the station's), so a step is named from the logins that travel with the
    records (``accounts``), and this installation's own from its users."""
    ids = sorted({account_id(e.origin, e.actor) for e in events})
    marks = ", ".join("?" for _ in ids)
    rows = desk.db.query(f"SELECT id, display_name FROM accounts WHERE id IN ({marks})", ids) if ids else []
    names = {r["id"]: r["display_name"] for r in rows}
    for r in desk.db.query("SELECT username, display_name FROM users"):
        names.setdefault(account_id(desk.installation.id, r["username"]), r["display_name"])
    return names


def case_view(desk: Desk, case_id: str, now: datetime) -> CaseView:
    case = queries.get_case(desk, case_id)
    villager = get_villager(desk, case.villager_id)
    assert villager is not None  # get_case found the case joined to its villager
    cadre_rows = desk.db.query("SELECT id, name, active FROM cadres ORDER BY name")
    cadres = {r["id"]: r["name"] for r in cadre_rows}
    events = queries.timeline(desk, case_id)
    return CaseView(
        case=case,
        villager=villager_summary(villager),
        villager_revealed=villager_summary(villager, True),
        matter=_matter(desk, case),
        cadre_names=cadres,
        timeline=timeline_lines(events, actor_names(desk, events), cadres),
        allowed=offered_actions(case),
        time_left=time_left(case.status, case.deadline, now),
        missing_choices=missing_material_choices(case, _matter_materials(desk, case)),
        active_cadres=[(r["id"], r["name"]) for r in cadre_rows if r["active"]],
    )


def offered_actions(case: Case) -> list[str]:
    """The actions a case screen offers: what the state machine allows now, less the ones
    the rules would refuse for this case anyway (a mandate on a matter that is not a claim,
    rectification when no bad rating is waiting for it)."""
    pointless = set()
    if case.kind != "claim":
        pointless.add("authorised")
    if not case.authorisation:
        pointless.add("signed")  # the scope is recorded first (授权委托), then its signature
    if not case.followup_open:
        pointless.add("rectified")
    return [t for t in allowed_events(case.state()) if t not in pointless]


def missing_material_choices(case: Case, matter_materials: list[str]) -> list[str]:
    """What a materials-missing notice may list.

    Once villagers have been told what is missing, they may not be told of
    more later (一次性告知), so a second notice offers only the first notice's
    items still not brought; otherwise the matter's materials not yet received.
    """
    received = set(case.materials_received)
    offered = case.missing_first or matter_materials
    return [m for m in offered if m not in received]


def _matter_materials(desk: Desk, case: Case) -> list[str]:
    if not case.catalogue_code:
        return []
    return list(get_item(desk, case.catalogue_code).materials)


def _matter(desk: Desk, case: Case) -> dict | None:
    if not case.catalogue_code:
        return None
    item = get_item(desk, case.catalogue_code)
    return {
        "name": item.name,
        "level": item.level,
        "route": item.route or "",
        "limit": describe_limit(case.timing, case.time_limit),
    }


def urgent_deadline_choices(now: datetime) -> list[tuple[str, datetime]]:
    """Quick picks for an urgent matter's deadline: a few hours, end of today, tomorrow noon."""
    return [(str(words), moment) for words, moment in urgent_deadline_messages(now)]


def urgent_deadline_messages(now: datetime) -> list[tuple[Message, datetime]]:
    here = local(now).replace(second=0, microsecond=0)
    choices = [(Message("{hours}小时内", {"hours": hours}), here + timedelta(hours=hours)) for hours in (2, 4, 8, 24)]
    end_of_day = here.replace(hour=17, minute=30)
    if end_of_day - here >= timedelta(minutes=30):
        choices.append((Message("今天下班前（17:30）"), end_of_day))
    choices.append((Message("明天中午前（12:00）"), (here + timedelta(days=1)).replace(hour=12, minute=0)))
    return choices


@dataclass(frozen=True)
class MatterSummary:
    """A catalogue item as the intake screen shows it while the villager waits."""

    code: str
    name: str
    level: str
    limit: str
    route: str
    department: str
    fee: str
    materials: list[str]
    in_person: bool
    in_person_notice: str
    mode: str = ""  # 即办 / 承诺, for a
    time_limit: dict | None = field(default=None, compare=False)  # screen to word itself

    def choice_text(self) -> str:
        text = f"{self.name}（{self.level}级 · {self.limit}）"
        return text + "【须本人到场】" if self.in_person else text


def matter_summary(item: CatalogueItem) -> MatterSummary:
    materials = list(item.materials)
    in_person = not item.proxy_allowed
    notice = ""
    if in_person:
        # The same refusal take_in gives, said before the clerk types anything else.
        where = item.route or item.department or ""
        notice = f"“{item.name}”须本人到场办理，不能代办。请告诉群众办理地点"
        notice += f"（{where}）" if where else ""
        notice += f"和要带的材料：{'、'.join(materials)}" if materials else ""
    return MatterSummary(
        item.code,
        item.name,
        item.level,
        describe_limit(item.mode, item.time_limit),
        item.route or "",
        item.department or "",
        item.fee_note or "",
        materials,
        in_person,
        notice,
        item.mode,
        item.time_limit,
    )
