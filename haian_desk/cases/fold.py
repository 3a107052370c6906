"""The case state machine, written as a fold over the case's events.

``apply(state, event)`` is the only place that decides whether an event may
follow the case's current state and what it changes. The write path calls it
before anything is stored (a refused event writes nothing); rebuilding a case
from its log calls it for every event in fold order. Events from elsewhere
that the rules refuse at their place in the order are counted as conflicts
and otherwise ignored, so every installation folds to the same row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from haian_desk.cases import deadlines, levels
from haian_desk.cases.vocabulary import (
    BAD_RATINGS,
    CHANNELS,
    EVENT_TYPES,
    KINDS,
    OPEN_STATUSES,
    RATINGS,
    REPLY_METHODS,
    RESULTS,
    STATUSES,
    TRANSFER_LEVELS,
    URGENCIES,
    label,
)
from haian_desk.core.errors import Message, RuleRefused, ValidationError
from haian_desk.core.timeutil import from_iso, local, to_iso
from haian_desk.events.records import required_text
from haian_desk.people import reveals
from haian_desk.storage.eventlog import Event

FORWARD_LEVELS = {k: v for k, v in TRANSFER_LEVELS.items() if k != "township"}

State = dict[str, Any]

JSON_COLUMNS = (
    "time_limit",
    "materials_received",
    "materials_missing",
    "missing_first",
    "authorisation",
    "joint_units",
    "calendar_basis",
    "route_up",
)

# Which statuses each event may follow. Creation ("registered") is separate.
ALLOWED: dict[str, tuple[str, ...]] = {
    "accepted": ("registered",),
    "declined": ("awaiting_signature", "registered", "materials_missing"),
    "materials_missing": ("registered",),
    "resubmitted": ("materials_missing",),
    "authorised": ("awaiting_signature", "registered", "materials_missing", "in_progress"),
    # A claim waits in 待签委托 until the villager's signature on the paper is recorded.
    "signed": ("awaiting_signature",),
    "assigned": OPEN_STATUSES,
    "note": tuple(STATUSES),
    "printed": tuple(STATUSES),
    "revealed": tuple(STATUSES),
    "transferred": ("in_progress",),
    "returned": ("transferred",),
    "joint_handling": ("in_progress", "transferred"),
    "paused": ("in_progress", "transferred"),
    "resumed": ("paused",),
    "completed": ("in_progress", "transferred"),
    "replied": ("completed",),
    "rated": ("replied",),
    "return_visit": ("replied", "rated"),
    "rectified": ("rated",),
    "withdrawn": OPEN_STATUSES,
    "reopened": ("completed", "replied", "rated"),
    # At the level a matter was sent up to (haian_desk.replication.township): it is received there,
    # may be sent on to the county or a department, and a conflict between two levels
    # is settled by a person whose decision is recorded.
    "taken_up": ("transferred",),
    "forwarded": ("transferred",),
    "conflict_resolved": tuple(STATUSES),
    # Withdrawing what a spreadsheet import added (haian_desk.imports.undo), whatever its state.
    "import_undone": tuple(s for s in STATUSES if s != "voided"),
    # A calendar that arrived later moves an open deadline (haian_desk.calendar.operations);
    # on a closed case it changes nothing, so the deadline in force at completion stays.
    "deadline_recomputed": tuple(STATUSES),
}


# Recorded by the print path (haian_desk.documents), never offered as a case action.
RECORD_ONLY = ("printed", "revealed", "deadline_recomputed")
# Done from the township's inbox and conflict list (haian_desk.replication.township), not from a case screen.
OFFERED_ELSEWHERE = ("taken_up", "forwarded", "conflict_resolved", "import_undone")


def allowed_events(state: State) -> list[str]:
    """Event types the rules allow now (a UI shows only these actions)."""
    return [
        t for t, sources in ALLOWED.items() if state["status"] in sources and t not in RECORD_ONLY + OFFERED_ELSEWHERE
    ]


def apply(state: State | None, event: Event) -> State:
    """The case after ``event``; raises RuleRefused/ValidationError, changing nothing."""
    if event.type == "registered":
        if state is not None:
            raise RuleRefused("该办件已登记过，不能重复登记")
        return _registered(event)
    if state is None:
        raise RuleRefused("办件尚未登记，不能办理", "请先登记")
    sources = ALLOWED.get(event.type)
    if sources is None:
        raise ValidationError("未知的办件事件类型：{type}", params={"type": event.type})
    if state["status"] == "awaiting_signature" and state["status"] not in sources:
        raise RuleRefused(
            "诉求代理待签授权委托书，签字前不能“{verb}”",
            "请打印授权委托书请群众签字，再登记“委托书已签”",
            params={"verb": _verb(event.type)},
        )
    if state["status"] not in sources:
        raise RuleRefused(
            "办件当前为“{label}”，不能“{verb}”",
            "{what_next}",
            params={
                "label": label(STATUSES, state["status"]),
                "verb": _verb(event.type),
                "what_next": _what_next(state),
            },
        )
    new = dict(state)
    _HANDLERS[event.type](new, event.payload, event.wall_time)
    return new


def _verb(event_type: str) -> str:
    return EVENT_TYPES.get(event_type, event_type)


def _what_next(state: State) -> Message:
    names = [_verb(t) for t in allowed_events(state) if t != "note"]
    return Message("现在可以：{actions}", {"actions": names}) if names else Message("该办件已结束")


def _choice(payload: dict, key: str, table: dict, what: str) -> str:
    value = payload.get(key)
    if value not in table:
        raise ValidationError(
            "{what}不正确，应为：{items}",
            field=key,
            params={"what": what, "items": "、".join(map(str, table.values()))},
        )
    return str(value)


def _items(payload: dict, key: str) -> list[str]:
    values = payload.get(key) or []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValidationError("材料清单格式不正确", field=key)
    return [v.strip() for v in values if v.strip()]


def check_authorisation(auth: Any) -> dict:
    if not isinstance(auth, dict):
        raise ValidationError("授权委托记录格式不正确", field="authorisation")
    scope = required_text(auth, "scope", "授权委托的范围", "写明委托代理的具体事项")
    date = required_text(auth, "date", "授权委托的日期")
    if not isinstance(auth.get("signed_on_paper"), bool):
        raise ValidationError("请注明是否已签署书面授权委托书", field="signed_on_paper")
    return {"scope": scope, "signed_on_paper": auth["signed_on_paper"], "date": date}


def _registered(event: Event) -> State:
    p = event.payload
    kind = _choice(p, "kind", KINDS, "服务类型")
    catalogue_code = p.get("catalogue_code") or None
    imported_from = p.get("import_id") or None  # imported history (haian_desk.imports)
    if kind == "errand" and not catalogue_code and not imported_from:
        raise ValidationError("事务代办必须选择具体事项", "请在事项目录中选择", field="catalogue_code")
    urgency = _choice(p, "urgency", URGENCIES, "紧急程度")
    urgent_deadline = p.get("urgent_deadline") or None
    if urgency == "urgent":
        if not urgent_deadline:
            raise ValidationError("紧急事项必须在登记时约定办结时限", field="urgent_deadline")
        if from_iso(urgent_deadline) <= from_iso(event.wall_time):
            raise ValidationError("紧急事项的办结时限必须晚于现在", field="urgent_deadline")
        urgent_deadline = to_iso(from_iso(urgent_deadline))
    timing = p.get("timing") or "承诺"
    if timing not in ("即办", "承诺"):
        raise ValidationError("办理时限类型应为即办或承诺", field="timing")
    auth = check_authorisation(p["authorisation"]) if p.get("authorisation") else None
    return {
        "id": event.stream_id,
        "case_no": required_text(p, "case_no", "办件编号"),
        "unit_code": required_text(p, "unit_code", "受理单位"),
        "kind": kind,
        # A claim waits for the villager's signature; imported history was signed (or not) on paper.
        "status": (
            "awaiting_signature" if kind == "claim" and not _signed(auth) and not imported_from else "registered"
        ),
        "catalogue_code": catalogue_code,
        "matter_name": p.get("matter_name") or None,
        "timing": timing,
        "time_limit": p.get("time_limit") or None,
        "villager_id": required_text(p, "villager_id", "群众"),
        "description": required_text(p, "description", "诉求内容", "简要写明群众要办什么事"),
        "channel": _choice(p, "channel", CHANNELS, "受理渠道"),
        "urgency": urgency,
        "urgent_deadline": urgent_deadline,
        "first_cadre_id": required_text(p, "first_cadre_id", "首问责任人"),
        "responsible_cadre_id": p.get("responsible_cadre_id") or p.get("first_cadre_id"),
        "materials_received": _items(p, "materials_received"),
        "materials_missing": [],
        "missing_first": [],
        "authorisation": auth,
        "long_standing": int(bool(p.get("long_standing"))),
        "petition": int(bool(p.get("petition"))),
        "holder": None,
        "holder_level": None,
        "joint_units": [],
        "route_up": [],  # the centres it was sent up through (haian_desk.cases.levels)
        "registered_at": event.wall_time,
        "accepted_at": None,
        "deadline": None,
        "deadline_base": None,  # the deadline as counted when the clock started, pauses left out
        "calendar_basis": None,  # what it was counted on: the 48-hour rule, years with no calendar
        "paused_at": None,
        "paused_seconds": 0,
        "status_before_pause": None,
        "completed_at": None,
        "result": None,
        "result_note": None,
        "replied_at": None,
        "reply_method": None,
        "rating": None,
        "rating_reason": None,
        "rated_at": None,
        "followup_open": 0,
        "return_visit_at": None,
        "rectified_at": None,
        "closed_reason": None,
        "closed_remedy": None,
        "reopen_count": 0,
        "conflicts": 0,
        "imported_from": imported_from,
    }


def _start_clock(s: State, p: dict, at: str) -> None:
    if s.get("imported_from"):  # its time limit was kept (or not) on paper: never overdue here
        s["deadline"], s["calendar_basis"] = None, None
    elif "deadline" in p:  # counted by the operation on the calendar in force (deadlines.clock_start)
        s["deadline"] = _stamped_time(p, "deadline")
        s["calendar_basis"] = _basis(p)
    else:  # recorded before calendars: weekends only, 48 clock hours
        urgent = s["urgent_deadline"]
        due = deadlines.deadline_for(
            from_iso(at),
            timing=s["timing"],
            time_limit=s["time_limit"],
            urgency=s["urgency"],
            urgent_deadline=from_iso(urgent) if urgent else None,
        )
        s["deadline"] = to_iso(due) if due else None
        s["calendar_basis"] = None
    s["deadline_base"] = s["deadline"]


def _basis(p: dict) -> dict | None:
    # Rebuilt in one key order: a payload read back from the log may list its keys in another.
    basis = p.get("calendar")
    if not isinstance(basis, dict):
        return None
    years = basis.get("fallback_years")
    return {
        "general": str(basis.get("general") or ""),
        "fallback_years": sorted(y for y in years if isinstance(y, int)) if isinstance(years, list) else [],
    }


def _stamped_time(p: dict, key: str) -> str | None:
    value = p.get(key)
    if value is None:
        return None
    try:
        return to_iso(from_iso(str(value)))
    except ValueError:
        raise ValidationError("办结时限的时间格式不正确", field=key) from None


def _signed(auth: dict | None) -> bool:
    return bool(auth and auth["signed_on_paper"])


def _accepted(s: State, p: dict, at: str) -> None:
    if s["kind"] == "claim" and not _signed(s["authorisation"]) and not s.get("imported_from"):
        raise RuleRefused("诉求代理须有群众签字的授权委托书才能受理", "请打印授权委托书请群众签字，再登记“委托书已签”")
    s["status"] = "in_progress"
    s["accepted_at"] = at
    _start_clock(s, p, at)


def _declined(s: State, p: dict, at: str) -> None:
    s["closed_reason"] = required_text(p, "reason", "不予受理的理由")
    s["closed_remedy"] = required_text(p, "remedy", "群众可以怎么办（其他途径）", "例如：请到镇派出所办理")
    s["status"] = "declined"


def _materials_missing(s: State, p: dict, at: str) -> None:
    missing = _items(p, "missing")
    if not missing:
        raise ValidationError("请一次性列出所有缺少的材料", field="missing")
    if s["missing_first"]:
        extra = [m for m in missing if m not in s["missing_first"]]
        if extra:
            raise RuleRefused(
                "补正材料须一次性告知，不能再追加：{items}",
                "只能列出第一次告知过、群众仍未交齐的材料",
                params={"items": "、".join(extra)},
            )
    else:
        s["missing_first"] = missing
    s["materials_missing"] = missing
    s["status"] = "materials_missing"


def _resubmitted(s: State, p: dict, at: str) -> None:
    brought = _items(p, "materials_received")
    if not brought:
        raise ValidationError("请勾选群众补交的材料", field="materials_received")
    s["materials_received"] = s["materials_received"] + [m for m in brought if m not in s["materials_received"]]
    s["materials_missing"] = [m for m in s["materials_missing"] if m not in brought]
    s["status"] = "registered"


def _authorised(s: State, p: dict, at: str) -> None:
    if s["kind"] != "claim":
        raise RuleRefused("只有诉求代理需要授权委托")
    auth = check_authorisation(p)
    if s["status"] != "awaiting_signature" and _signed(s["authorisation"]) and not auth["signed_on_paper"]:
        raise RuleRefused("群众已签字的授权委托不能改为未签字", "如需改变委托范围，请请群众重新签署授权委托书")
    s["authorisation"] = auth
    if s["status"] == "awaiting_signature" and _signed(auth):
        s["status"] = "registered"


def _signed_event(s: State, p: dict, at: str) -> None:
    # The villager signed the printed 授权委托书 at the counter: the claim may now be accepted.
    if not s["authorisation"]:
        raise RuleRefused("还没有登记授权委托的范围", "请先用“授权委托”写明委托代理的事项")
    date = str(p.get("date") or "").strip() or f"{local(from_iso(at)):%Y-%m-%d}"
    s["authorisation"] = {**s["authorisation"], "signed_on_paper": True, "date": date}
    s["status"] = "registered"


def _assigned(s: State, p: dict, at: str) -> None:
    # 首问负责: the first-contact cadre stays answerable; this names who handles it.
    s["responsible_cadre_id"] = required_text(p, "cadre_id", "经办人")


def _note(s: State, p: dict, at: str) -> None:
    required_text(p, "text", "备注内容")


def _revealed(s: State, p: dict, at: str) -> None:
    # Full numbers shown on a screen or a paper: changes nothing on the case, kept in its history.
    reveals.check(p)


def _printed(s: State, p: dict, at: str) -> None:
    # A paper copy handed out changes nothing on the case: the copies of each
    # document are counted from these events (haian_desk.documents.prints).
    required_text(p, "doc", "打印的文书")
    copy = p.get("copy")
    if not isinstance(copy, int) or isinstance(copy, bool) or copy < 1:
        raise ValidationError("打印份次应为从1开始的整数", field="copy")


def _transferred(s: State, p: dict, at: str) -> None:
    level = _choice(p, "to_level", TRANSFER_LEVELS, "转办去向")
    levels.sent_up(s, level, required_text(p, "to_unit", "接收单位", "例如：曲塘镇代理中心、海安市民政局"))
    s["status"] = "transferred"


def _returned(s: State, p: dict, at: str) -> None:
    # Without ``to_level`` (every record before the county's inbox) it goes back to the station.
    required_text(p, "outcome", "上级办理情况")
    levels.came_down(s, p.get("to_level"))


def _joint_handling(s: State, p: dict, at: str) -> None:
    units = _items(p, "units")
    if len(units) < 1:
        raise ValidationError("请列出参加会办的单位", field="units")
    s["joint_units"] = s["joint_units"] + [u for u in units if u not in s["joint_units"]]


def _paused(s: State, p: dict, at: str) -> None:
    required_text(p, "reason", "暂停计时的理由", "例如：鉴定、检测、公示期间依规不计时")
    s["status_before_pause"] = s["status"]
    s["paused_at"] = at
    s["status"] = "paused"


def _resumed(s: State, p: dict, at: str) -> None:
    paused_for = max(0, int((from_iso(at) - from_iso(s["paused_at"])).total_seconds()))
    s["paused_seconds"] += paused_for
    if s["deadline"]:
        s["deadline"] = to_iso(from_iso(s["deadline"]) + timedelta(seconds=paused_for))
    s["status"] = s["status_before_pause"]
    s["status_before_pause"] = None
    s["paused_at"] = None


def _completed(s: State, p: dict, at: str) -> None:
    result = _choice(p, "result", RESULTS, "办理结果")
    note = str(p.get("note") or "").strip()
    if result == "refused" and not note:
        raise ValidationError("未获批准的，须写明理由", field="note")
    s["result"], s["result_note"] = result, note or None
    s["completed_at"] = at
    levels.gone_home(s)
    s["status"] = "completed"


def _replied(s: State, p: dict, at: str) -> None:
    s["reply_method"] = _choice(p, "method", REPLY_METHODS, "告知方式")
    s["replied_at"] = at
    s["status"] = "rated" if s["rating"] is not None else "replied"


def _rated(s: State, p: dict, at: str) -> None:
    if s["rating"] is not None:
        raise RuleRefused("每件事只评价一次，该办件已经评价过")
    level = p.get("level")
    if level not in RATINGS:
        raise ValidationError("评价应为五档之一：非常满意、满意、基本满意、不满意、非常不满意", field="level")
    reason = str(p.get("reason") or "").strip()
    if level in BAD_RATINGS and not reason:
        raise ValidationError("不满意或非常不满意的评价须写明原因", field="reason")
    s["rating"], s["rating_reason"], s["rated_at"] = level, reason or None, at
    s["followup_open"] = int(level in BAD_RATINGS)
    s["status"] = "rated"


def _return_visit(s: State, p: dict, at: str) -> None:
    required_text(p, "note", "回访情况")
    s["return_visit_at"] = at
    _close_followup_when_done(s)


def _rectified(s: State, p: dict, at: str) -> None:
    if not s["followup_open"]:
        raise RuleRefused("只有差评需要整改记录")
    required_text(p, "note", "整改情况")
    s["rectified_at"] = at
    _close_followup_when_done(s)


def _close_followup_when_done(s: State) -> None:
    rated = s["rated_at"]
    if s["followup_open"] and rated and (s["return_visit_at"] or "") >= rated and (s["rectified_at"] or "") >= rated:
        s["followup_open"] = 0


def _withdrawn(s: State, p: dict, at: str) -> None:
    s["closed_reason"] = required_text(p, "reason", "撤回的原因")
    s["paused_at"], s["status_before_pause"] = None, None
    s["status"] = "withdrawn"


def _reopened(s: State, p: dict, at: str) -> None:
    required_text(p, "reason", "重新办理的原因")
    s["reopen_count"] += 1
    s["completed_at"], s["result"], s["result_note"] = None, None, None
    s["replied_at"], s["reply_method"] = None, None
    s["status"] = "in_progress"
    _start_clock(s, p, at)


def _taken_up(s: State, p: dict, at: str) -> None:
    # The centre holding the matter says it has it in hand; the case itself does not change.
    # ``level`` (recorded since the county has an inbox) must be where the matter is.
    required_text(p, "unit", "接收单位")
    if p.get("level"):
        levels.require_held(s, str(p["level"]))


def _forwarded(s: State, p: dict, at: str) -> None:
    level = _choice(p, "to_level", FORWARD_LEVELS, "转送去向")
    unit = required_text(p, "to_unit", "接收单位", "例如：海安市民政局")
    levels.sent_on(s, level, unit, p.get("from_level") or None)


def _conflict_resolved(s: State, p: dict, at: str) -> None:
    # Only the conflicts the person saw are settled: one that arrives later stays flagged.
    seen = p.get("resolves")
    if not isinstance(seen, int) or isinstance(seen, bool) or seen < 1:
        raise ValidationError("请写明裁定了几处冲突", field="resolves")
    if not s["conflicts"]:
        raise RuleRefused("该办件没有待核对的冲突")
    required_text(p, "decision", "裁定意见", "写明以哪一方的办理为准、为什么")
    s["conflicts"] = max(0, s["conflicts"] - seen)


def _import_undone(s: State, p: dict, at: str) -> None:
    if not s.get("imported_from"):
        raise RuleRefused("只有导入的历史办件才能撤销导入")
    s["closed_reason"] = required_text(p, "reason", "撤销的原因")
    s["paused_at"], s["status_before_pause"], s["followup_open"] = None, None, 0
    s["status"] = "voided"


def _deadline_recomputed(s: State, p: dict, at: str) -> None:
    required_text(p, "reason", "重算时限的原因")
    new_base = _stamped_time(p, "deadline")
    if s["status"] not in TIMED_OPEN or not new_base or not s["deadline_base"] or not s["deadline"]:
        return
    # Moved by the difference of the two counts, so paused time already added stays added
    # and the same recomputation folded twice (two levels both made it) moves nothing more.
    shift = from_iso(new_base) - from_iso(s["deadline_base"])
    s["deadline"] = to_iso(from_iso(s["deadline"]) + shift)
    s["deadline_base"] = new_base
    s["calendar_basis"] = _basis(p)


TIMED_OPEN = ("in_progress", "transferred", "paused")


_HANDLERS: dict[str, Callable[[State, dict, str], None]] = {
    "accepted": _accepted,
    "declined": _declined,
    "materials_missing": _materials_missing,
    "resubmitted": _resubmitted,
    "authorised": _authorised,
    "signed": _signed_event,
    "assigned": _assigned,
    "note": _note,
    "printed": _printed,
    "revealed": _revealed,
    "transferred": _transferred,
    "returned": _returned,
    "joint_handling": _joint_handling,
    "paused": _paused,
    "resumed": _resumed,
    "completed": _completed,
    "replied": _replied,
    "rated": _rated,
    "return_visit": _return_visit,
    "rectified": _rectified,
    "withdrawn": _withdrawn,
    "reopened": _reopened,
    "taken_up": _taken_up,
    "forwarded": _forwarded,
    "conflict_resolved": _conflict_resolved,
    "import_undone": _import_undone,
    "deadline_recomputed": _deadline_recomputed,
}
assert set(_HANDLERS) == set(ALLOWED)
