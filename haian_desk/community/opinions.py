"""Opinions and meetings (民意代言, 座谈会).

Opinions are cases of kind 'opinion'; they are grouped by topic (found from
their words, ``TOPICS``, so nobody types a topic twice) and by village. A
meeting is a 'meeting' record: when and where, who took part, the opinions it
discussed, what was fed back on each, and the cases that came out of it. An
opinion is still awaiting feedback until the villager has been told (the case
is replied) or a meeting has recorded feedback on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from haian_desk.cases.operations import Intake, Registered, act, take_in
from haian_desk.core.errors import NotFound, RuleRefused, ValidationError
from haian_desk.core.ids import uuid7
from haian_desk.core.timeutil import from_iso, to_iso
from haian_desk.events.columns import decoded
from haian_desk.events.records import required_text
from haian_desk.network import unit_name
from haian_desk.storage.eventlog import Event

if TYPE_CHECKING:
    from haian_desk.desk import Desk

# Topic → words that place an opinion under it; the first topic that matches wins,
# so the narrower topics come first ("路灯" before "路", "卫生室" before "卫生").
TOPICS: dict[str, tuple[str, ...]] = {
    "路灯照明": ("路灯", "照明"),
    "医疗养老": ("卫生室", "体检", "医疗", "看病", "养老", "老年"),
    "饮水供水": ("自来水", "水压", "饮水", "停水"),
    "水利河道": ("河道", "河", "沟渠", "排涝", "水利", "闸"),
    "道路交通": ("道路", "路", "桥", "交通", "公交"),
    "环境卫生": ("垃圾", "卫生", "污染", "臭", "厕所"),
    "便民服务": ("快递", "便民", "代收", "网点", "银行"),
    "农业生产": ("种植", "农田", "灌溉", "农机", "补贴", "土地"),
}
OTHER_TOPIC = "其他"

MEETING_JSON_COLUMNS = ("participants", "discussed", "feedback", "became")
CLOSED = ("declined", "withdrawn")


def topic_of(text: str) -> str:
    for topic, words in TOPICS.items():
        if any(word in text for word in words):
            return topic
    return OTHER_TOPIC


# --- projection --------------------------------------------------------------------------


def apply_meeting(state: dict | None, event: Event) -> dict:
    p = event.payload
    if event.type == "held":
        if state is not None:
            raise RuleRefused("这次座谈会已经记录过")
        return _held(event)
    if state is None:
        raise RuleRefused("没有这次座谈会的记录", "请先记录座谈会")
    new = dict(state)
    if event.type == "feedback":
        case_id, text = required_text(p, "case_id", "反馈的意见"), required_text(p, "text", "反馈内容")
        new["feedback"] = {**state["feedback"], case_id: text}
        if case_id not in state["discussed"]:
            new["discussed"] = state["discussed"] + [case_id]
    elif event.type == "case_linked":
        link = {"case_id": required_text(p, "case_id", "办件"), "from_opinion": p.get("from_opinion") or None}
        if link not in state["became"]:
            new["became"] = state["became"] + [link]
    else:
        raise ValidationError("未知的座谈会事件：{type}", params={"type": event.type})
    return new


def _held(event: Event) -> dict:
    p = event.payload
    participants = [str(x).strip() for x in p.get("participants") or [] if str(x).strip()]
    count = int(p.get("participant_count") or len(participants))
    if count < 1:
        raise ValidationError("请填写参加人员或人数", field="participants")
    held_at = to_iso(from_iso(required_text(p, "held_at", "座谈会时间")))
    return {
        "id": event.stream_id,
        "unit_code": required_text(p, "unit_code", "召开单位"),
        "held_at": held_at,
        "place": (p.get("place") or "").strip() or None,
        "topic": required_text(p, "topic", "座谈会主题"),
        "host_cadre_id": p.get("host_cadre_id") or None,
        "participants": participants,
        "participant_count": max(count, len(participants)),
        "summary": (p.get("summary") or "").strip() or None,
        "discussed": list(dict.fromkeys(p.get("discussed") or [])),
        "feedback": {},
        "became": [],
        "created_at": event.wall_time,
    }


# --- operations --------------------------------------------------------------------------


@dataclass
class MeetingInput:
    held_at: str  # stored or local ("2026-05-20 14:30") time
    topic: str
    participants: list[str] = field(default_factory=list)
    participant_count: int = 0
    place: str = ""
    host_cadre_id: str | None = None
    summary: str = ""
    discussed: list[str] = field(default_factory=list)  # opinion case ids


def hold_meeting(desk: Desk, actor: str, meeting: MeetingInput) -> str:
    with desk.db.write() as conn:
        for case_id in meeting.discussed:
            _require_opinion(conn, case_id)
        meeting_id = uuid7()
        desk.ledger.record(
            conn,
            "meeting",
            meeting_id,
            "held",
            {
                "unit_code": desk.installation.unit_code,
                "held_at": meeting.held_at,
                "topic": meeting.topic,
                "participants": meeting.participants,
                "participant_count": meeting.participant_count,
                "place": meeting.place,
                "host_cadre_id": meeting.host_cadre_id,
                "summary": meeting.summary,
                "discussed": meeting.discussed,
            },
            actor,
        )
    return meeting_id


def record_feedback(desk: Desk, actor: str, meeting_id: str, case_id: str, text: str) -> None:
    """What the meeting fed back on one opinion; also noted on the case's own timeline."""
    with desk.db.write() as conn:
        _require_meeting(conn, meeting_id)
        _require_opinion(conn, case_id)
        desk.ledger.record(conn, "meeting", meeting_id, "feedback", {"case_id": case_id, "text": text}, actor)
        act(desk, actor, case_id, "note", text=f"座谈会反馈：{text.strip()}")


def raise_at_meeting(
    desk: Desk, actor: str, meeting_id: str, intake: Intake, from_opinion: str | None = None
) -> Registered:
    """Take in a matter raised at the meeting (or that an opinion became), linked to it."""
    with desk.db.write() as conn:
        _require_meeting(conn, meeting_id)
        if from_opinion:
            _require_opinion(conn, from_opinion)
        intake.channel = "meeting"
        registered = take_in(desk, actor, intake)
        desk.ledger.record(
            conn,
            "meeting",
            meeting_id,
            "case_linked",
            {"case_id": registered.case_id, "from_opinion": from_opinion},
            actor,
        )
    return registered


def link_case(desk: Desk, actor: str, meeting_id: str, case_id: str, from_opinion: str | None = None) -> None:
    """Link a case already registered to the meeting it came out of."""
    with desk.db.write() as conn:
        _require_meeting(conn, meeting_id)
        if not conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone():
            raise NotFound("找不到这件办件", "请核对办件编号")
        desk.ledger.record(
            conn, "meeting", meeting_id, "case_linked", {"case_id": case_id, "from_opinion": from_opinion}, actor
        )


def _require_meeting(conn, meeting_id: str) -> None:
    if not conn.execute("SELECT 1 FROM meetings WHERE id = ?", (meeting_id,)).fetchone():
        raise NotFound("找不到这次座谈会的记录", "请从座谈会列表中重新选择")


def _require_opinion(conn, case_id: str) -> None:
    row = conn.execute("SELECT kind, case_no FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise NotFound("找不到这条民意", "请从民意列表中选择")
    if row["kind"] != "opinion":
        raise RuleRefused(
            "{case_no} 不是民意代言件", "座谈会讨论的应是群众的意见建议", params={"case_no": row["case_no"]}
        )


# --- reading -----------------------------------------------------------------------------


@dataclass
class Opinion:
    case_id: str
    case_no: str
    description: str
    status: str
    registered_at: str
    replied_at: str | None
    villager: str
    village_code: str
    village_name: str
    topic: str
    feedback: list[tuple[str, str]] = field(default_factory=list)  # (meeting time, what was said)
    became: list[str] = field(default_factory=list)  # case numbers

    @property
    def awaiting_feedback(self) -> bool:
        return self.status not in CLOSED and not self.replied_at and not self.feedback


def opinions(desk: Desk) -> list[Opinion]:
    rows = desk.db.query(
        "SELECT c.id, c.case_no, c.description, c.status, c.registered_at, c.replied_at, c.unit_code, "
        "v.name AS villager, v.unit_code AS villager_unit FROM cases c JOIN villagers v ON v.id = c.villager_id "
        "WHERE c.kind = 'opinion' ORDER BY c.registered_at DESC"
    )
    feedback, became = _meeting_links(desk)
    names: dict[str, str] = {}
    out = []
    for r in rows:
        village = _village(r["villager_unit"], r["unit_code"])
        if village not in names:
            names[village] = unit_name(desk, village)
        out.append(
            Opinion(
                r["id"],
                r["case_no"],
                r["description"],
                r["status"],
                r["registered_at"],
                r["replied_at"],
                r["villager"],
                village,
                names[village],
                topic_of(r["description"]),
                feedback.get(r["id"], []),
                became.get(r["id"], []),
            )
        )
    return out


def _village(villager_unit: str | None, case_unit: str) -> str:
    for code in (villager_unit, case_unit):
        if code and len(code) >= 12:
            return code[:12]
    return case_unit


def _meeting_links(desk: Desk) -> tuple[dict[str, list], dict[str, list]]:
    """Feedback per opinion, and the case numbers each opinion became, from every meeting."""
    feedback: dict[str, list] = {}
    links: list[dict] = []
    for row in desk.db.query("SELECT held_at, feedback, became FROM meetings ORDER BY held_at"):
        m = decoded(row, MEETING_JSON_COLUMNS)
        for case_id, text in m["feedback"].items():
            feedback.setdefault(case_id, []).append((m["held_at"], text))
        links += [link for link in m["became"] if link.get("from_opinion")]
    numbers = _case_numbers(desk, [link["case_id"] for link in links])
    became: dict[str, list] = {}
    for link in links:
        if link["case_id"] in numbers:
            became.setdefault(link["from_opinion"], []).append(numbers[link["case_id"]])
    return feedback, became


def _case_numbers(desk: Desk, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    return {
        r["id"]: r["case_no"] for r in desk.db.query(f"SELECT id, case_no FROM cases WHERE id IN ({marks})", tuple(ids))
    }


def grouped(desk: Desk) -> list[tuple[str, str, list[Opinion]]]:
    """(topic, village name, opinions) groups, biggest first."""
    groups: dict[tuple[str, str], list[Opinion]] = {}
    for opinion in opinions(desk):
        groups.setdefault((opinion.topic, opinion.village_name), []).append(opinion)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [(topic, village, items) for (topic, village), items in ordered]


def awaiting_feedback(desk: Desk) -> list[Opinion]:
    """Opinions nobody has yet answered, oldest first."""
    return sorted((o for o in opinions(desk) if o.awaiting_feedback), key=lambda o: (o.registered_at, o.case_no))


def meetings(desk: Desk) -> list[dict]:
    """Every meeting, newest first, its JSON columns decoded."""
    return [decoded(row, MEETING_JSON_COLUMNS) for row in desk.db.query("SELECT * FROM meetings ORDER BY held_at DESC")]


def meeting_detail(desk: Desk, meeting_id: str) -> dict:
    row = desk.db.one("SELECT * FROM meetings WHERE id = ?", (meeting_id,))
    if row is None:
        raise NotFound("找不到这次座谈会的记录")
    detail = decoded(row, MEETING_JSON_COLUMNS)
    ids = detail["discussed"] + [link["case_id"] for link in detail["became"]]
    marks = ", ".join("?" * len(ids))
    cases = (
        {
            r["id"]: dict(r)
            for r in desk.db.query(
                f"SELECT id, case_no, kind, status, description, villager_id FROM cases WHERE id IN ({marks})",
                tuple(ids),
            )
        }
        if ids
        else {}
    )
    detail["discussed_cases"] = [cases[i] for i in detail["discussed"] if i in cases]
    detail["became_cases"] = [
        dict(cases[link["case_id"]], from_opinion=link["from_opinion"])
        for link in detail["became"]
        if link["case_id"] in cases
    ]
    return detail
