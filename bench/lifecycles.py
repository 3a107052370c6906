"""The life of one generated matter: the events a station would have recorded.

Payloads are the ones ``haian_desk.cases.operations.take_in`` and ``act`` (and
the print path) record, so folding them runs the real state machine. A plan
aims at a final state; steps that would fall after "now" are not taken, which
leaves recent matters open and some older ones overdue, as at a real station.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta

from bench import people
from haian_desk.core.timeutil import to_iso

# Final states aimed for, with weights.
TARGETS = [
    ("rated", 44),
    ("replied", 14),
    ("completed", 4),
    ("rated_bad", 5),
    ("followup_done", 4),
    ("declined", 4),
    ("withdrawn", 3),
    ("missing_then_done", 5),
    ("transferred_done", 9),
    ("paused_done", 3),
    ("reopened", 2),
    ("stuck", 1),
    ("registered", 1),
    ("joint", 1),
]
KINDS = (["opinion", "errand", "claim"], [3, 5, 2])
CHANNELS = (["walk_in", "phone", "home_visit", "meeting"], [6, 2, 2, 1])

H = timedelta(hours=1)


def plan(rng: random.Random, at: datetime, now: datetime, station, errands: list[dict]):
    """[(moment, event type, payload)] for one matter registered at ``at``."""
    kinds, weights = zip(*TARGETS, strict=True)
    target = rng.choices(kinds, weights)[0]
    registration = _registration(rng, at, station, errands, target)
    steps = [(at, "registered", registration)]
    if target not in ("registered", "declined", "missing_then_done"):
        steps.append((at, "accepted", {}))
    if rng.random() < 0.6:
        steps.append(
            (
                at + timedelta(minutes=2),
                "printed",
                {"doc": "receipt", "copy": 1, "paper": "thermal80", "medium": "printer"},
            )
        )
    steps += _rest(rng, at, target, registration)
    return [(moment, type_, payload) for moment, type_, payload in steps if moment <= now]


def _registration(rng, at, station, errands, target) -> dict:
    kind = rng.choices(*KINDS)[0]
    cadre = rng.choice(station.cadre_ids)
    urgent = rng.random() < 0.04 and target not in ("registered", "declined", "missing_then_done")
    payload = {
        "kind": kind,
        "villager_id": rng.choice(station.villager_ids),
        "description": "",
        "channel": rng.choices(*CHANNELS)[0],
        "urgency": "urgent" if urgent else "normal",
        "urgent_deadline": to_iso(at + 6 * H) if urgent else None,
        "first_cadre_id": cadre,
        "responsible_cadre_id": cadre,
        "materials_received": [],
        "long_standing": rng.random() < 0.03,
        "petition": rng.random() < 0.02,
        "unit_code": station.code,
        "timing": "承诺",
        "time_limit": None,
    }
    if kind == "opinion":
        payload["description"] = people.opinion(rng)
    elif kind == "claim":
        payload["description"] = people.claim(rng)
        payload["authorisation"] = {"scope": payload["description"], "signed_on_paper": True, "date": f"{at:%Y-%m-%d}"}
    else:
        item = rng.choice(errands)
        payload["description"] = f"代为办理{item['name']}，材料已查验"
        payload["materials_received"] = ["居民身份证复印件", "户口簿复印件"]
        payload.update(
            catalogue_code=item["code"],
            matter_name=item["name"],
            timing=item["mode"],
            time_limit=json.loads(item["time_limit"]) if item["time_limit"] else None,
        )
    return payload


def _rest(rng, at, target, registration):
    finish = at + H * rng.uniform(4, 60)  # some finish after their 48 hours
    if target == "registered":
        return []
    if target == "declined":
        return [
            (
                at + 15 * timedelta(minutes=1),
                "declined",
                {"reason": "该事项须本人到场办理", "remedy": "请本人携身份证到镇便民服务中心办理"},
            )
        ]
    if target == "withdrawn":
        return [(at + 6 * H, "withdrawn", {"reason": "群众已自行办理"})]
    if target == "stuck":
        return [(at + 3 * H, "note", {"text": rng.choice(people.NOTES)})]
    steps = []
    if target == "missing_then_done":
        steps += [
            (at + 10 * timedelta(minutes=1), "materials_missing", {"missing": ["近期二寸免冠照片2张", "户口簿原件"]}),
            (at + 20 * H, "resubmitted", {"materials_received": ["近期二寸免冠照片2张", "户口簿原件"]}),
            (at + 20 * H, "accepted", {}),
        ]
        finish += 20 * H
    if rng.random() < 0.5:
        steps.append((at + 3 * H, "note", {"text": rng.choice(people.NOTES)}))
    if target in ("transferred_done", "joint"):
        unit = rng.choice(people.UNITS_UP)
        steps.append((at + 2 * H, "transferred", {"to_level": "township", "to_unit": unit, "reason": "需上级审核"}))
        if target == "joint":
            return steps + [
                (at + 20 * H, "joint_handling", {"units": [unit, "海安市民政局"], "note": "县镇村三级联动会办"})
            ]
        steps.append((finish - H, "returned", {"outcome": "上级已审核同意"}))
    if target == "paused_done":
        steps += [(at + 4 * H, "paused", {"reason": "等待残疾等级鉴定，依规不计时"}), (at + 100 * H, "resumed", {})]
        finish += 100 * H
    return steps + _closing(rng, target, finish)


def _closing(rng, target, finish):
    steps = [
        (finish, "completed", {"result": rng.choice(["granted"] * 8 + ["refused", "passed_on"]), "note": "已说明理由"})
    ]
    if target == "completed":
        return steps
    steps.append((finish + H, "replied", {"method": rng.choice(["phone", "in_person", "visit", "sms"])}))
    if target in ("rated", "reopened", "transferred_done", "paused_done", "missing_then_done"):
        steps.append((finish + 20 * H, "rated", {"level": rng.choice([5, 5, 5, 4, 4, 3])}))
    if target in ("rated_bad", "followup_done"):
        steps.append((finish + 20 * H, "rated", {"level": rng.choice([1, 2]), "reason": "办理太慢，来回跑了两趟"}))
    if target == "followup_done":
        steps += [
            (finish + 30 * H, "return_visit", {"note": "已上门回访，说明情况"}),
            (finish + 100 * H, "rectified", {"note": "已整改：材料清单一次性告知到位"}),
        ]
    if target == "reopened":
        steps.append((finish + 40 * H, "reopened", {"reason": "群众反映补贴金额有误"}))
    return steps
